import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { OfficerClaims } from '@casebridge/auth';
import { createValidationPipe } from '@casebridge/platform';
import { assertMayLinkCase, CaseAccess } from './case-access';

/**
 * Whether the calling office holds a record of the route's own kind on a linked case (e.g. a PIL case of its own, a
 * cooperation record it is party to): it may then name that case again, besides the cases it owns by the app's
 * CaseOwnership or was granted.
 */
export type LinkedCaseProbe = (manager: EntityManager, agencyId: string, linkedCaseId: string) => Promise<boolean>;

export interface MayLinkCaseOptions {
  /** the route's own records that also let the office name the case (see LinkedCaseProbe) */
  holds?: LinkedCaseProbe;
}

/** What @MayLinkCase() put on a route: the body path of the linked case id and the route's own probe. */
export interface MayLinkCaseMetadata extends MayLinkCaseOptions {
  /** dotted path into the body, e.g. `linkedCaseId` or `origin.linkedCaseId`; a list on the way: every item */
  path: string;
}

/** Metadata key of @MayLinkCase() on a route handler (read by the guard and by apps/linked-case-routes.spec.ts). */
export const MAY_LINK_CASE = 'casebridge:may-link-case';

/** The @MayLinkCase() metadata of a route handler, or undefined. */
export function mayLinkCaseOf(handler: object): MayLinkCaseMetadata | undefined {
  return Reflect.getMetadata(MAY_LINK_CASE, handler) as MayLinkCaseMetadata | undefined;
}

/**
 * The linked case ids the body names at `path` (strings only; a value of another type is left to the route's
 * ValidationPipe, which answers 400).
 */
export function linkedCaseIdsAt(body: unknown, path: string): string[] {
  let values: unknown[] = [body];
  for (const key of path.split('.'))
    values = values
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object')
      .map((v) => v[key])
      .filter((v) => v !== undefined && v !== null);
  return values.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === 'string');
}

interface LinkRequest {
  officer?: OfficerClaims;
  body?: unknown;
}

/**
 * Refuses a body linked case id (at the path @MayLinkCase() names) that the caller's office neither holds (the
 * app's CaseOwnership, its own shared entries, or the route's `holds` probe) nor was granted: 404
 * CASE.LINKED_CASE_UNKNOWN, existence not revealed (assertMayLinkCase). No id at the path: the act opens a new
 * linked case and the guard passes. A body the route's ValidationPipe would refuse passes too (the id not a UUID, or
 * any other field wrong): guards run before pipes, and a request with a bad field gets its 400 first, whatever case
 * it names (the trial saw 404 for a foreign id plus a malformed field).
 */
@Injectable()
export class MayLinkCaseGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: CaseAccess,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const meta = this.reflector.get<MayLinkCaseMetadata | undefined>(MAY_LINK_CASE, ctx.getHandler());
    if (!meta) return true;
    const req = ctx.switchToHttp().getRequest<LinkRequest>();
    if (!(await bodyIsValid(ctx, req.body))) return true;
    const ids = [...new Set(linkedCaseIdsAt(req.body, meta.path).filter((id) => isUUID(id)))];
    for (const id of ids) {
      const agencyId = req.officer?.agencyId ?? '';
      await assertMayLinkCase(
        this.access,
        agencyId,
        id,
        meta.holds && (() => meta.holds!(this.access.manager, agencyId, id)),
      );
    }
    return true;
  }
}

const validation = createValidationPipe();

/** Whether the route's ValidationPipe accepts the body (its @Body() parameter's DTO; no DTO: true). */
async function bodyIsValid(ctx: ExecutionContext, body: unknown): Promise<boolean> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), ctx.getHandler().name) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const bodyArg = Object.entries(args).find(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY));
  if (!bodyArg || bodyArg[1].data !== undefined) return true;
  const types = (Reflect.getMetadata('design:paramtypes', ctx.getClass().prototype, ctx.getHandler().name) ??
    []) as unknown[];
  const metatype = types[bodyArg[1].index] as (new () => unknown) | undefined;
  if (!metatype) return true;
  try {
    await validation.transform(structuredClone(body), { type: 'body', metatype, data: undefined });
    return true;
  } catch {
    return false;
  }
}

/**
 * The one decorator of a route whose body may name a linked case (an act put on a caller-chosen case): the office
 * holds the case or was granted it, else 404 CASE.LINKED_CASE_UNKNOWN before the handler runs (MayLinkCaseGuard).
 * Every route whose body or query DTO has a `linkedCaseId` at any depth carries it or @OwnOrGranted({ query }) —
 * apps/linked-case-routes.spec.ts fails otherwise. The route documents the 404 (ApiNotFoundResponse).
 *
 * @param path the body path of the id (default `linkedCaseId`)
 */
export function MayLinkCase(path = 'linkedCaseId', options: MayLinkCaseOptions = {}): MethodDecorator {
  return applyDecorators(SetMetadata(MAY_LINK_CASE, { path, ...options }), UseGuards(MayLinkCaseGuard));
}

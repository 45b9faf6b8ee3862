import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  SetMetadata,
  UseGuards,
  UseInterceptors,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { from, mergeMap, type Observable } from 'rxjs';
import { isUUID } from 'class-validator';
import { DomainError, ErrorCodes, SharedDataRead } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { CaseAccess, type CaseAccessContext } from './case-access';

/**
 * A route's record by its id, as the caller's agency would see it: its linked case and owning agency — the caller's
 * own row when it has one, else the current owner's (null: no such record → 404).
 */
export type RecordLookup = (
  manager: EntityManager,
  id: string,
  callerAgencyId: string,
) => Promise<{ linkedCaseId: string; ownerAgencyId: string } | null>;

export interface OwnOrGrantedOptions {
  /** the route parameter: a linked case id (default `linkedCaseId`), or the id `lookup` resolves */
  param?: string;
  /** for routes of one record (e.g. /transfers/:transferId): owner and linked case of the record */
  lookup?: RecordLookup;
  /** the route's own 404 (e.g. TRANSFER.NOT_FOUND); default SHARING.NOT_FOUND */
  notFound?: { code: string; message: string };
  /**
   * for list routes: the query parameter that names the id instead of a path parameter (e.g. `linkedCaseId` of
   * `GET /notifications?linkedCaseId=…`). Absent from the request: the guard passes with no access context (the
   * route lists the caller's own records only); present: checked like a path id (`lookup` applies).
   */
  query?: string;
}

const OWN_OR_GRANTED = 'casebridge:own-or-granted';

/** The @OwnOrGranted() options of a route handler, or undefined (read by apps/linked-case-routes.spec.ts). */
export function ownOrGrantedOf(handler: object): OwnOrGrantedOptions | undefined {
  return Reflect.getMetadata(OWN_OR_GRANTED, handler) as OwnOrGrantedOptions | undefined;
}

interface AccessRequest {
  officer?: OfficerClaims;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  method?: string;
  originalUrl?: string;
  url?: string;
  caseAccess?: CaseAccessContext;
  sharedReads?: SharedRead[];
}

/** One read of another agency's data that a handler reports (@SharedReads()): recorded as sharing.data-read. */
export interface SharedRead {
  ownerAgencyId: string;
  entryId?: string;
  detail: 'full' | 'case-number';
}

/** 404 that never says whether the case exists (an agency without a grant learns nothing). */
export function accessNotFound(notFound?: { code: string; message: string }): DomainError {
  return new DomainError(
    notFound?.code ?? ErrorCodes.sharingNotFound,
    'not-found',
    notFound?.message ?? 'Not found among the cases your office owns or was granted.',
  );
}

/**
 * "Own or granted" for a query route: the caller's agency owns the record (or the linked case), or another agency
 * shared the linked case with it (AccessGrant); otherwise 404 SHARING.NOT_FOUND with no data. Another office's
 * record (`lookup`) on a case the caller owns or was granted is read as a granted read (redacted, recorded). The
 * result is on the request (@CaseAccessOf()).
 */
@Injectable()
export class OwnOrGrantedGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: CaseAccess,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const options = this.reflector.get<OwnOrGrantedOptions>(OWN_OR_GRANTED, ctx.getHandler()) ?? {};
    const req = ctx.switchToHttp().getRequest<AccessRequest>();
    const officer = req.officer;
    const fromQuery = options.query ? req.query?.[options.query] : undefined;
    // a list route without its filter lists the caller's own records; a filter that is not one string is its pipe's 400
    if (options.query && (fromQuery === undefined || typeof fromQuery !== 'string')) return true;
    const id = options.query ? (fromQuery as string) : req.params?.[options.param ?? 'linkedCaseId'];
    const refuse = () => accessNotFound(options.notFound);
    if (!officer || !id) throw refuse();
    // not an id at all: the route's ParseUUIDPipe answers 400 (bad input is refused as such, never looked up)
    if (!isUUID(id)) return true;
    let found: CaseAccessContext | null;
    if (options.lookup) {
      const record = await options.lookup(this.access.manager, id, officer.agencyId);
      if (!record) throw refuse();
      found =
        record.ownerAgencyId === officer.agencyId
          ? { linkedCaseId: record.linkedCaseId, basis: 'own', ownerAgencyId: officer.agencyId }
          : await this.otherOfficesRecord(officer.agencyId, record);
    } else {
      found = await this.access.basis(officer.agencyId, id);
    }
    if (!found) throw refuse();
    req.caseAccess = found;
    return true;
  }

  /**
   * Another office's record: read as that office's data (basis `granted`: redacted, the read recorded) when the
   * caller's office was granted the record's linked case, or owns that case itself (its own records on it, issue 12:
   * "an agency reads a linked case's data only if it owns it or it was shared with it" — an owner is entitled to at
   * least what a grant gives); else null (404).
   */
  private async otherOfficesRecord(
    agencyId: string,
    record: { linkedCaseId: string; ownerAgencyId: string },
  ): Promise<CaseAccessContext | null> {
    const onCase = await this.access.basis(agencyId, record.linkedCaseId);
    return onCase && { linkedCaseId: record.linkedCaseId, basis: 'granted', ownerAgencyId: record.ownerAgencyId };
  }
}

/**
 * Records a granted read (the caller read another agency's record through a grant) as sharing.data-read — who
 * (officer, agency), when (occurredAt), what (method and path) — once the handler answered. The event reaches the
 * audit ledger like every other event of the linked case.
 */
@Injectable()
export class RecordGrantedReadInterceptor implements NestInterceptor {
  constructor(private readonly outbox: TransactionalOutbox) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<AccessRequest>();
    return next.handle().pipe(
      mergeMap((body) => {
        const a = req.caseAccess;
        const officer = req.officer;
        if (!a || !officer) return [body];
        // what the handler reported, or else the record read through a grant
        const reads: SharedRead[] =
          req.sharedReads ??
          (a.basis === 'granted' && a.ownerAgencyId ? [{ ownerAgencyId: a.ownerAgencyId, detail: 'case-number' }] : []);
        const others = reads.filter((r) => r.ownerAgencyId !== officer.agencyId);
        if (!others.length) return [body];
        const what = `${req.method ?? 'GET'} ${(req.originalUrl ?? req.url ?? '').slice(0, 280)}`;
        return from(
          this.outbox
            .run(async (tx) => {
              for (const r of others)
                publishAs(tx, officer, SharedDataRead, a.linkedCaseId, {
                  readerAgencyId: officer.agencyId,
                  readerOfficerId: officer.sub,
                  ownerAgencyId: r.ownerAgencyId,
                  what,
                  ...(r.entryId ? { entryId: r.entryId } : {}),
                  detail: r.detail,
                });
            })
            .then(() => body),
        );
      }),
    );
  }
}

/**
 * The one decorator of need-to-know access for query routes: "own or granted" (OwnOrGrantedGuard), granted reads
 * recorded (RecordGrantedReadInterceptor), and the 404 in the OpenAPI document.
 */
export function OwnOrGranted(options: OwnOrGrantedOptions = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(OWN_OR_GRANTED, options),
    UseGuards(OwnOrGrantedGuard),
    UseInterceptors(RecordGrantedReadInterceptor),
    ApiNotFoundResponse({ description: 'SHARING.NOT_FOUND — your office neither owns it nor was it shared with it' }),
  );
}

/** What OwnOrGrantedGuard found for this request. */
export const CaseAccessOf = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CaseAccessContext | undefined =>
    // undefined only when the id was not an id (its pipe refuses the request before the handler runs)
    ctx.switchToHttp().getRequest<AccessRequest>().caseAccess,
);

/** The list a handler of an @OwnOrGranted() route fills with the other agencies' data it returns (recorded reads). */
export const SharedReads = createParamDecorator((_: unknown, ctx: ExecutionContext): SharedRead[] => {
  const req = ctx.switchToHttp().getRequest<AccessRequest>();
  req.sharedReads ??= [];
  return req.sharedReads;
});

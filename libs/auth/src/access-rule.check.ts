import { Injectable, RequestMethod, type OnModuleInit } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import type { Role } from './claims';

export interface RouteAccess {
  /** e.g. `POST /transfers/:transferId/send` */
  route: string;
  /** `Controller.method` */
  handler: string;
  rule: { public: true } | { roles: Role[] } | null;
}

function joinPath(...parts: (string | string[] | undefined)[]): string {
  const segs = parts
    .map((p) => (Array.isArray(p) ? p[0] : p) ?? '')
    .flatMap((p) => p.split('/'))
    .filter(Boolean);
  return `/${segs.join('/')}`;
}

/** Every HTTP route of the app's controllers with the access rule it states (null = none). */
export function routeAccessTable(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): RouteAccess[] {
  const rows: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...a: never[]) => object) | null;
    if (!type || !wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as object;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const targets = [handler as () => void, type];
      const isPublic = reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets);
      const roles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
      rows.push({
        route: `${RequestMethod[method]} ${joinPath(Reflect.getMetadata(PATH_METADATA, type) as string, Reflect.getMetadata(PATH_METADATA, handler) as string)}`,
        handler: `${type.name}.${name}`,
        rule: isPublic ? { public: true } : roles?.length ? { roles } : null,
      });
    }
  }
  return rows;
}

/**
 * Deny by default, at start-up: every route must state who may call it (@Roles(...) or @Public()).
 * A route without a rule stops the app during init with a message naming it.
 */
@Injectable()
export class AccessRuleCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const missing = routeAccessTable(this.discovery, this.scanner, this.reflector).filter((r) => r.rule === null);
    if (missing.length) {
      throw new Error(
        `Every route must state who may call it (deny by default): add @Roles(...) or @Public() to ${missing
          .map((r) => `${r.route} (${r.handler})`)
          .join(', ')}.`,
      );
    }
  }
}

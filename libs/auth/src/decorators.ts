import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { OfficerClaims, Role } from './claims';

export const IS_PUBLIC = 'casebridge:public';
export const REQUIRED_ROLES = 'casebridge:roles';
/**
 * OpenAPI extension on every operation stating who may call it: `{ public: true }` or `{ roles: [...] }`.
 * The route × token matrix test (test/access) reads it from each running app's /docs-json.
 */
export const ACCESS_EXTENSION = 'x-casebridge-access';
export type AccessRule = { public: true } | { roles: Role[] };

/** No token needed (health). Deny by default: a route without @Public() or @Roles() refuses to start (AccessRuleCheck). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(ACCESS_EXTENSION, { public: true } satisfies AccessRule));

/**
 * At least one of these roles. Every route states its rule (here or with @Public()); on a class it
 * applies to every route the method does not state itself. Deny by default: a route with neither
 * refuses to start (AccessRuleCheck) and, should one slip through, answers 403 AUTH.NO_ACCESS_RULE.
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension(ACCESS_EXTENSION, { roles } satisfies AccessRule));

/** The caller's verified claims. */
export const CurrentOfficer = createParamDecorator((_: unknown, ctx: ExecutionContext): OfficerClaims => {
  const req = ctx.switchToHttp().getRequest<{ officer?: OfficerClaims }>();
  if (!req.officer) throw new Error('CurrentOfficer used on a public route');
  return req.officer;
});

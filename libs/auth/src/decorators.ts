import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { OfficerClaims, Role } from './claims';

export const IS_PUBLIC = 'casebridge:public';
export const REQUIRED_ROLES = 'casebridge:roles';

/** No token needed (health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** At least one of these roles. Without @Roles any authenticated officer of the app's agency kind may call. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** The caller's verified claims. */
export const CurrentOfficer = createParamDecorator((_: unknown, ctx: ExecutionContext): OfficerClaims => {
  const req = ctx.switchToHttp().getRequest<{ officer?: OfficerClaims }>();
  if (!req.officer) throw new Error('CurrentOfficer used on a public route');
  return req.officer;
});

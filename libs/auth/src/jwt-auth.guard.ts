import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCodes, type AgencyKind } from '@casebridge/contracts';
import { claimsProblem, type OfficerClaims, type Role } from './claims';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
export interface AuthOptions {
  /** HS256 secret (≥ 32 characters), from configuration. */
  secret: string;
  /** Agency kinds this app serves; `supervisor`/`auditor`/`operator` tokens of any kind pass where those roles are required. */
  agencyKinds: AgencyKind[] | 'any';
}

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; officer?: OfficerClaims }>();
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new DomainError(ErrorCodes.unauthorized, 'unauthorized', 'Sign in first: send your token as "Authorization: Bearer <token>".');
    }
    let claims: OfficerClaims;
    try {
      claims = await this.jwt.verifyAsync<OfficerClaims>(token, { secret: this.options.secret, algorithms: ['HS256'] });
    } catch (e) {
      throw new DomainError(ErrorCodes.unauthorized, 'unauthorized', `Your token is not valid (${(e as Error).message}). Ask for a new one.`);
    }
    const problem = claimsProblem(claims);
    if (problem) throw new DomainError(ErrorCodes.unauthorized, 'unauthorized', `Your token is not valid: ${problem}.`);
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (!required?.length) {
      // deny by default (AccessRuleCheck refuses to start such an app; this is the second line)
      throw new DomainError(ErrorCodes.noAccessRule, 'forbidden', 'This route states no access rule, so nobody may call it.');
    }
    if (!required.some((r) => claims.roles.includes(r))) {
      throw new DomainError(ErrorCodes.forbiddenRole, 'forbidden', `This action needs the role ${required.join(' or ')}; your token has ${claims.roles.join(', ')}.`);
    }
    const crossAgencyRole = required.some((r) => r === 'supervisor' || r === 'auditor' || r === 'operator');
    if (this.options.agencyKinds !== 'any' && !crossAgencyRole && !this.options.agencyKinds.includes(claims.agencyKind)) {
      throw new DomainError(ErrorCodes.wrongAgency, 'forbidden', `This service is for ${this.options.agencyKinds.join('/')} officers; your token is for ${claims.agencyId}.`);
    }
    req.officer = claims;
    return true;
  }
}

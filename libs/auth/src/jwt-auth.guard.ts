import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCodes, type AgencyKind } from '@casebridge/contracts';
import { claimsProblem, type OfficerClaims, type Role } from './claims';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import { TokenRejectedError, type OidcOptions, type TokenVerifier } from './oidc/token-verifier';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
/** The TokenVerifier of the app (oidc/token-verifier.ts): OIDC issuer's JWKS, else the HS256 development secret. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export interface AuthOptions {
  /** HS256 secret (≥ 32 characters): the development default, used only when no OIDC issuer is configured. */
  secret: string;
  /** The OIDC issuer whose asymmetric tokens are accepted (then HS256 tokens are refused). */
  oidc?: OidcOptions;
  /** Longest token lifetime exp − iat accepted (seconds; default 12 h: CASEBRIDGE_TOKEN_MAX_LIFETIME_SECONDS). */
  maxTokenLifetimeSeconds?: number;
  /** Agency kinds this app serves; `supervisor`/`auditor`/`operator` tokens of any kind pass where those roles are required. */
  agencyKinds: AgencyKind[] | 'any';
}

type AuthRequest = {
  headers: Record<string, string | string[] | undefined>;
  rawHeaders?: string[];
  officer?: OfficerClaims;
};

const unauthorized = (message: string): DomainError =>
  new DomainError(ErrorCodes.unauthorized, 'unauthorized', message);
const FORM = '"Authorization: Bearer <token>"';
/** RFC 7235 credentials: an auth-scheme (token), one or more spaces, then a token68 and nothing after it. */
const CREDENTIALS = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?: +(.*))?$/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * The bearer token of a request, or a 401 that says what is wrong: no header ("Sign in first"), more than one
 * Authorization header (Node would keep only the first), another scheme, or a malformed header (no token, or
 * anything after it). The scheme is matched case-insensitively (RFC 7235 section 2.1).
 */
export function bearerToken(req: AuthRequest): string {
  const count = req.rawHeaders
    ? req.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'authorization').length
    : 0;
  if (count > 1) throw unauthorized(`Send one Authorization header; this request has ${count}. Send exactly ${FORM}.`);
  const raw = req.headers.authorization;
  const header = (Array.isArray(raw) ? raw.join(', ') : (raw ?? '')).trim();
  if (!header) throw unauthorized(`Sign in first: send your token as ${FORM}.`);
  const m = CREDENTIALS.exec(header);
  if (!m) throw unauthorized(`The Authorization header is malformed; send exactly ${FORM}.`);
  if (m[1].toLowerCase() !== 'bearer')
    throw unauthorized(`The Authorization header uses the scheme ${m[1]}; send your token as ${FORM}.`);
  const token = m[2] ?? '';
  if (!token)
    throw unauthorized(`The Authorization header is malformed: it has no token after Bearer; send exactly ${FORM}.`);
  if (!TOKEN68.test(token))
    throw unauthorized(
      `The Authorization header is malformed: send one token after Bearer and nothing else (${FORM}).`,
    );
  return token;
}

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthRequest>();
    const token = bearerToken(req);
    let verified: Partial<OfficerClaims>;
    try {
      verified = await this.verifier.verify(token);
    } catch (e) {
      const why = e instanceof TokenRejectedError ? e.message : 'it could not be checked';
      throw new DomainError(
        ErrorCodes.unauthorized,
        'unauthorized',
        `Your token is not valid (${why}). Ask for a new one.`,
      );
    }
    const problem = claimsProblem(verified);
    if (problem) throw new DomainError(ErrorCodes.unauthorized, 'unauthorized', `Your token is not valid: ${problem}.`);
    const claims = verified as OfficerClaims;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (!required?.length) {
      // deny by default (AccessRuleCheck refuses to start such an app; this is the second line)
      throw new DomainError(
        ErrorCodes.noAccessRule,
        'forbidden',
        'This route states no access rule, so nobody may call it.',
      );
    }
    if (!required.some((r) => claims.roles.includes(r))) {
      throw new DomainError(
        ErrorCodes.forbiddenRole,
        'forbidden',
        `This action needs the role ${required.join(' or ')}; your token has ${claims.roles.join(', ')}.`,
      );
    }
    const crossAgencyRole = required.some((r) => r === 'supervisor' || r === 'auditor' || r === 'operator');
    if (
      this.options.agencyKinds !== 'any' &&
      !crossAgencyRole &&
      !this.options.agencyKinds.includes(claims.agencyKind)
    ) {
      throw new DomainError(
        ErrorCodes.wrongAgency,
        'forbidden',
        `This service is for ${this.options.agencyKinds.join('/')} officers; your token is for ${claims.agencyId}.`,
      );
    }
    req.officer = claims;
    return true;
  }
}

/**
 * Bearer-token verification, separate from the guard that decides what a verified caller may do.
 *
 * - OIDC (production): RS256 / ES256 / EdDSA tokens signed by the configured issuer, verified against its JWKS
 *   (from `jwksUri`, else the issuer's discovery document `/.well-known/openid-configuration`); issuer and, when
 *   configured, audience are checked; claims are mapped to CaseBridge's agency, region and roles. Keys rotate at the
 *   issuer: a token with an unknown key id makes the verifier fetch the JWKS again (at most once per cooldown).
 *   HS256 (or any symmetric algorithm) is refused.
 * - HS256 shared secret: the development default only (npm start, tests), when no issuer is configured.
 *
 * Library: jose (JWS/JWT/JWKS, RFC 7515/7519/7517/8037).
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AGENCY_ID_PATTERN, parseAgencyId } from '@casebridge/contracts';
import { ROLES, type OfficerClaims, type Role } from '../claims';

/** Where CaseBridge finds its claims in an issuer's tokens: claim names, dotted paths for nested claims. */
export interface OidcClaimNames {
  /** the agency id `kind:region`, e.g. `police:210100` (default `agencyId`) */
  agency: string;
  /** list of roles, or a space-separated string (default `roles`; Keycloak e.g. `realm_access.roles`) */
  roles: string;
  /** display name (default `name`) */
  name: string;
}

export interface OidcOptions {
  /** issuer URL, exactly as in the tokens' `iss` */
  issuer: string;
  /** expected `aud` (recommended); unchecked when empty */
  audience?: string;
  /** JWKS URL; default: `jwks_uri` of the issuer's discovery document */
  jwksUri?: string;
  claims?: Partial<OidcClaimNames>;
  /** Minimum time between two JWKS fetches triggered by an unknown key id (ms; default 30 000). */
  jwksCooldownMs?: number;
  /** How long a fetched JWKS is used before it is fetched again (ms; default 600 000): a key the issuer withdrew stops verifying after at most this long. */
  jwksMaxAgeMs?: number;
  /** Allowed clock difference (seconds; default 30). */
  clockToleranceSeconds?: number;
  /** Longest token lifetime exp − iat (seconds; default 12 h). */
  maxLifetimeSeconds?: number;
}

/** A token that does not verify; `message` is for the caller (no secrets). */
export class TokenRejectedError extends Error {}

/** Longest lifetime (exp − iat) a token may have, by default: 12 hours (CASEBRIDGE_TOKEN_MAX_LIFETIME_SECONDS). */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** Allowed clock difference between the issuer and this service, by default (seconds). */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/** What every accepted token's registered time claims must satisfy, whichever verifier checked its signature. */
export interface TokenLifetimeRule {
  /** longest exp − iat (seconds; default 12 h); without iat, exp may be at most this far from now */
  maxLifetimeSeconds?: number;
  /** allowed clock difference (seconds; default 30) */
  clockToleranceSeconds?: number;
}

/**
 * Why a (signature-checked) payload's time claims are not accepted, or null: `exp` is required, the lifetime
 * (exp − iat, or exp − now without iat) is capped, and `iat`/`nbf` later than now beyond the clock tolerance are
 * refused. (jose already refuses an expired token and a token not yet valid by nbf; this adds what it lets pass.)
 */
export function tokenLifetimeProblem(
  payload: JWTPayload,
  rule: TokenLifetimeRule = {},
  nowSeconds = Math.floor(Date.now() / 1000),
): string | null {
  const max = rule.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const skew = rule.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  const { exp, iat, nbf } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'it has no expiry (exp): tokens must expire';
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat)))
    return 'its issue time (iat) is not a number';
  if (nbf !== undefined && (typeof nbf !== 'number' || !Number.isFinite(nbf)))
    return 'its not-before time (nbf) is not a number';
  if (typeof iat === 'number' && iat > nowSeconds + skew) return 'it is issued in the future (iat later than now)';
  if (typeof nbf === 'number' && nbf > nowSeconds + skew) return 'it is not valid yet (nbf later than now)';
  const from = typeof iat === 'number' ? iat : nowSeconds;
  if (exp - from > max + (typeof iat === 'number' ? 0 : skew)) {
    return `it lives longer than this service accepts (at most ${formatSeconds(max)} from issue to expiry)`;
  }
  return null;
}

function formatSeconds(s: number): string {
  return s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}

export interface TokenVerifier {
  /** Verifies the signature and registered claims and maps the payload to CaseBridge's claims (not yet shape-checked). */
  verify(token: string): Promise<Partial<OfficerClaims>>;
  readonly kind: 'oidc' | 'hs256';
}

export const ASYMMETRIC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;
const DEFAULT_CLAIMS: OidcClaimNames = { agency: 'agencyId', roles: 'roles', name: 'name' };

function at(payload: JWTPayload, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), payload);
}

function reason(e: unknown): string {
  if (e instanceof joseErrors.JWTExpired) return 'it has expired';
  if (e instanceof joseErrors.JOSEAlgNotAllowed) return 'it is not signed with an algorithm this service accepts';
  if (e instanceof joseErrors.JWKSNoMatchingKey) return 'it is signed with a key the issuer does not publish';
  if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'exp' && e.reason === 'missing')
    return 'it has no expiry (exp): tokens must expire';
  if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'nbf')
    return 'it is not valid yet (nbf later than now)';
  if (e instanceof joseErrors.JWTClaimValidationFailed) return `its ${e.claim} claim is not accepted`;
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (e instanceof joseErrors.JWKSTimeout || !(e instanceof joseErrors.JOSEError))
    return `the issuer's keys could not be read (${(e as Error).message})`;
  // the rest (JWSInvalid, JWTInvalid, JOSENotSupported, …) say in jose's words that the token is no well-formed
  // signed token ("JWS Protected Header is invalid", "Invalid Compact JWS"): said in an officer's words (trial 7)
  return 'it is not a well-formed signed token';
}

/**
 * Maps an issuer's payload to CaseBridge's claims: agency id → agencyKind and region; roles filtered to
 * CaseBridge's roles (others the issuer may carry are ignored); `sub` as the officer id.
 */
export function mapOidcClaims(payload: JWTPayload, names: OidcClaimNames = DEFAULT_CLAIMS): Partial<OfficerClaims> {
  const agencyId = at(payload, names.agency);
  const rawRoles = at(payload, names.roles);
  const list = Array.isArray(rawRoles) ? rawRoles : typeof rawRoles === 'string' ? rawRoles.split(' ') : [];
  const roles = list.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r));
  const name = at(payload, names.name);
  const mapped: Partial<OfficerClaims> = {
    sub: payload.sub,
    roles,
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof payload.exp === 'number' ? { exp: payload.exp } : {}),
  };
  if (typeof agencyId === 'string' && AGENCY_ID_PATTERN.test(agencyId)) {
    const { kind, region } = parseAgencyId(agencyId);
    Object.assign(mapped, { agencyId, agencyKind: kind, region });
  }
  return mapped;
}

export class OidcTokenVerifier implements TokenVerifier {
  readonly kind = 'oidc' as const;
  private keys?: Promise<JWTVerifyGetKey>;
  private readonly claims: OidcClaimNames;

  constructor(private readonly options: OidcOptions) {
    this.claims = { ...DEFAULT_CLAIMS, ...options.claims };
  }

  async verify(token: string): Promise<Partial<OfficerClaims>> {
    try {
      const { payload } = await jwtVerify(token, await this.jwks(), {
        issuer: this.options.issuer,
        ...(this.options.audience ? { audience: this.options.audience } : {}),
        algorithms: [...ASYMMETRIC_ALGORITHMS],
        clockTolerance: this.options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      });
      const problem = tokenLifetimeProblem(payload, this.options);
      if (problem) throw new TokenRejectedError(problem);
      return mapOidcClaims(payload, this.claims);
    } catch (e) {
      throw e instanceof TokenRejectedError ? e : new TokenRejectedError(reason(e));
    }
  }

  /** The remote key set (created once; the discovery document is read on first use). */
  private jwks(): Promise<JWTVerifyGetKey> {
    this.keys ??= (async () => {
      const uri = this.options.jwksUri || (await discoverJwksUri(this.options.issuer));
      return createRemoteJWKSet(new URL(uri), {
        cooldownDuration: this.options.jwksCooldownMs ?? 30_000,
        cacheMaxAge: this.options.jwksMaxAgeMs ?? 600_000,
        timeoutDuration: 5000,
      });
    })().catch((e: unknown) => {
      this.keys = undefined; // try discovery again with the next token
      throw e;
    });
    return this.keys;
  }
}

/** `jwks_uri` of the issuer's OpenID Connect discovery document. */
export async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!r.ok) throw new Error(`${url} answered HTTP ${r.status}`);
  const doc = (await r.json()) as { issuer?: string; jwks_uri?: string };
  if (doc.issuer !== issuer) throw new Error(`${url} names issuer ${String(doc.issuer)}, not ${issuer}`);
  if (typeof doc.jwks_uri !== 'string') throw new Error(`${url} has no jwks_uri`);
  return doc.jwks_uri;
}

/** HS256 with the shared development secret (no issuer configured). */
export class Hs256TokenVerifier implements TokenVerifier {
  readonly kind = 'hs256' as const;
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly lifetime: TokenLifetimeRule = {},
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async verify(token: string): Promise<Partial<OfficerClaims>> {
    try {
      // no tolerance past exp: the development tokens are issued on this machine's clock, and a token is refused
      // from the instant the supervision live stream it opened ends (at exp); iat/nbf skew is checked below
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        clockTolerance: 0,
        requiredClaims: ['exp'],
      });
      const problem = tokenLifetimeProblem(payload, this.lifetime);
      if (problem) throw new TokenRejectedError(problem);
      return payload as Partial<OfficerClaims>;
    } catch (e) {
      throw e instanceof TokenRejectedError ? e : new TokenRejectedError(reason(e));
    }
  }
}

/** The verifier for a configuration: OIDC when an issuer is configured, else the HS256 development secret. */
export function createTokenVerifier(o: {
  secret?: string;
  oidc?: OidcOptions;
  maxTokenLifetimeSeconds?: number;
}): TokenVerifier {
  const lifetime = o.maxTokenLifetimeSeconds !== undefined ? { maxLifetimeSeconds: o.maxTokenLifetimeSeconds } : {};
  if (o.oidc?.issuer) return new OidcTokenVerifier({ ...lifetime, ...o.oidc });
  if (!o.secret)
    throw new Error(
      'no token verification configured: set CASEBRIDGE_OIDC_ISSUER (or, in development, CASEBRIDGE_JWT_SECRET)',
    );
  return new Hs256TokenVerifier(o.secret, lifetime);
}

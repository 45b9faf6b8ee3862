import {
  AGENCY_ID_PATTERN,
  OFFICER_ID_MAX_LENGTH,
  OFFICER_ID_PATTERN,
  parseAgencyId,
  type AgencyKind,
} from '@casebridge/contracts';

/**
 * Roles a token may carry. officer: acts of the agency's own case work; head: the approvals flows.md
 * gives the head (and the officer's acts); supervisor: the supervisor console (apps/supervision);
 * auditor: the audit service's reads (apps/audit); operator: the audit service's maintenance acts
 * (ledger rebuild). See the access table in the root README.
 */
export const ROLES = ['officer', 'head', 'supervisor', 'auditor', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** What a bearer token says about the caller. */
export interface OfficerClaims {
  /** officer id */
  sub: string;
  /** `police:210100` */
  agencyId: string;
  agencyKind: AgencyKind;
  /** administrative division code, e.g. 210100 (Shenyang) */
  region: string;
  roles: Role[];
  name?: string;
  /** expiry (JWT `exp`, seconds since the epoch) as verified: a long-lived response (an SSE stream) ends there */
  exp?: number;
}

/** Checks the shape of decoded claims; returns a reason or null. */
export function claimsProblem(c: Partial<OfficerClaims>): string | null {
  if (typeof c.sub !== 'string' || !c.sub) return 'token has no officer id (sub)';
  // what the event contracts accept for an actor id (libs/contracts envelope.ts): else a command fails after the check
  if (c.sub.length > OFFICER_ID_MAX_LENGTH)
    return `its officer id (sub) is longer than ${OFFICER_ID_MAX_LENGTH} characters`;
  if (!OFFICER_ID_PATTERN.test(c.sub))
    return 'its officer id (sub) is blank or holds control, invisible or markup characters';
  if (c.name !== undefined && (typeof c.name !== 'string' || c.name.length > 200 || /\p{Cc}/u.test(c.name))) {
    return 'its name is not text of at most 200 characters without control characters';
  }
  if (typeof c.agencyId !== 'string' || !AGENCY_ID_PATTERN.test(c.agencyId)) return 'token has no valid agencyId';
  const { kind, region } = parseAgencyId(c.agencyId);
  if (c.agencyKind !== kind) return 'token agencyKind does not match agencyId';
  if (c.region !== region) return 'token region does not match agencyId';
  if (!Array.isArray(c.roles) || !c.roles.length || !c.roles.every((r) => (ROLES as readonly string[]).includes(r))) {
    return `token roles must be a non-empty subset of ${ROLES.join(', ')}`;
  }
  return null;
}

export function buildClaims(input: {
  agencyId: string;
  roles: Role[];
  officerId?: string;
  name?: string;
}): OfficerClaims {
  const { kind, region } = parseAgencyId(input.agencyId);
  return {
    sub: input.officerId ?? `${kind}-${region}-${input.roles[0]}`,
    agencyId: input.agencyId,
    agencyKind: kind,
    region,
    roles: input.roles,
    ...(input.name ? { name: input.name } : {}),
  };
}

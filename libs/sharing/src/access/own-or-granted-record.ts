import { DomainError } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import type { CaseAccessContext } from './case-access';
import { redactParty } from './record-lookup';

/**
 * The record a query handler behind @OwnOrGranted() may answer: the caller's own, or — with a grant — the owner's
 * record the guard found; anything else is the route's 404 (replaces `ensureOwnAgency` in query handlers).
 */
export function ensureOwnOrGranted<T extends { agencyId: string }>(
  record: T | null,
  officer: OfficerClaims,
  access: CaseAccessContext | undefined,
  notFound: { code: string; message: string },
): T {
  const mayRead =
    record !== null &&
    (record.agencyId === officer.agencyId ||
      (access?.basis === 'granted' && access.ownerAgencyId !== null && record.agencyId === access.ownerAgencyId));
  if (!mayRead) throw new DomainError(notFound.code, 'not-found', notFound.message);
  return record;
}

/** The agency whose row a handler reads: the owner the guard found (a granted read), else the caller's own. */
export function readAgencyOf(officer: OfficerClaims, access: CaseAccessContext | undefined): string {
  return access?.basis === 'granted' && access.ownerAgencyId ? access.ownerAgencyId : officer.agencyId;
}

/** A response as a granted reader sees it: the party's personal details redacted (field-level), the rest as is. */
export function grantedView<V extends { party: object }>(view: V, access: CaseAccessContext | undefined): V {
  return access?.basis === 'granted' ? { ...view, party: redactParty(view.party as Record<string, unknown>) } : view;
}

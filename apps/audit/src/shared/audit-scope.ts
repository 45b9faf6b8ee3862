import { AGENCY_ID_PATTERN, DomainError, parseAgencyId, regionWithin, supervisorScopeKey } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { caseNotFound } from './audit.errors';
import type { SqlRunner } from './sql';

/**
 * Audit scope (README "Scope"): auditors are scoped by the division code of their token's region, with
 * the same "lies within" rule as supervisors (libs/contracts division.ts). A linked case is within an
 * auditor's scope when an agency that recorded an event on it (producer `kind:region`) lies within the
 * auditor's region; then the auditor reads its whole history (a hash chain is verified whole, never in
 * parts). Cases outside answer 404 AUDIT.CASE_NOT_FOUND, exactly like missing ones. Whole-ledger acts
 * (verify without a case, the global checkpoints) span every region: national auditors (000000) only.
 */
export async function assertCaseInAuditScope(
  db: SqlRunner,
  auditor: Pick<OfficerClaims, 'region'>,
  linkedCaseId: string,
): Promise<void> {
  if (supervisorScopeKey(auditor.region) === null) return;
  const rows = await db.query<{ producer_agency_id: string }>(
    'SELECT DISTINCT producer_agency_id FROM ledger_entry WHERE linked_case_id = $1',
    [linkedCaseId],
  );
  const within = rows.some(
    (r) =>
      AGENCY_ID_PATTERN.test(r.producer_agency_id) &&
      regionWithin(parseAgencyId(r.producer_agency_id).region, auditor.region),
  );
  if (!within) throw caseNotFound(linkedCaseId);
}

export const NATIONAL_SCOPE_REQUIRED = 'AUDIT.NATIONAL_SCOPE_REQUIRED';

/** 403 unless the auditor's scope is national: `what` spans every region's cases. */
export function assertNationalAuditor(auditor: Pick<OfficerClaims, 'region' | 'agencyId'>, what: string): void {
  if (supervisorScopeKey(auditor.region) === null) return;
  throw new DomainError(
    NATIONAL_SCOPE_REQUIRED,
    'forbidden',
    `${what} covers every region's cases; your scope is region ${auditor.region}. Name one linked case (linkedCaseId), or ask a national auditor (000000).`,
  );
}

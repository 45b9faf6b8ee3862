import { DomainError } from '@casebridge/contracts';
import type { OfficerClaims } from './claims';

/**
 * One agency never reads another's records: a record of another office looks exactly like a missing
 * one (no hint that it exists).
 */
export function ensureOwnAgency<T extends { agencyId: string }>(
  record: T | null,
  officer: OfficerClaims,
  notFound: { code: string; message: string },
): T {
  if (!record || record.agencyId !== officer.agencyId)
    throw new DomainError(notFound.code, 'not-found', notFound.message);
  return record;
}

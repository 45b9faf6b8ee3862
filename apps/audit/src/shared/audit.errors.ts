import { DomainError } from '@casebridge/contracts';

/** Stable error codes of the audit service (never a 500 for bad input). */
export const AuditErrorCodes = {
  caseNotFound: 'AUDIT.CASE_NOT_FOUND',
  badLinkedCaseId: 'AUDIT.BAD_LINKED_CASE_ID',
  badAsOf: 'AUDIT.BAD_AS_OF',
  badFormat: 'AUDIT.BAD_FORMAT',
  rebuildRunning: 'AUDIT.REBUILD_RUNNING',
  appendOnly: 'AUDIT.APPEND_ONLY',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function caseNotFound(linkedCaseId: string): DomainError {
  return new DomainError(AuditErrorCodes.caseNotFound, 'not-found', `The audit ledger holds no event of linked case ${linkedCaseId}.`, { linkedCaseId });
}

export function assertLinkedCaseId(value: string): string {
  if (!UUID.test(value)) {
    throw new DomainError(AuditErrorCodes.badLinkedCaseId, 'invalid', `"${value.slice(0, 80)}" is not a linked-case id (a UUID such as 0197a1c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d).`);
  }
  return value;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses an ISO-8601 instant with its time zone. A '+' of the offset that arrived as a space (an
 * unencoded '+' in a query string) is restored.
 */
export function parseAsOf(value: string | undefined, now: Date = new Date()): Date {
  if (value === undefined || value === '') return now;
  const repaired = value.replace(/ (\d{2}:?\d{2})$/, '+$1');
  const ms = INSTANT.test(repaired) ? Date.parse(repaired) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new DomainError(AuditErrorCodes.badAsOf, 'invalid',
      `asOf must be an ISO-8601 instant with its time zone, e.g. 2026-11-20T10:30:00+08:00 or 2026-11-20T02:30:00Z (got "${value.slice(0, 60)}"; write + as %2B in a URL).`);
  }
  return new Date(ms);
}

export const EXPORT_FORMATS = ['jsonl', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function parseExportFormat(value: string | undefined): ExportFormat {
  const v = value ?? 'jsonl';
  if (!(EXPORT_FORMATS as readonly string[]).includes(v)) {
    throw new DomainError(AuditErrorCodes.badFormat, 'invalid', `format must be jsonl or html (got "${v.slice(0, 40)}").`);
  }
  return v as ExportFormat;
}

import { DomainError } from '@casebridge/contracts';
import { parseInstant } from '@casebridge/legal-time';

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
  return new DomainError(
    AuditErrorCodes.caseNotFound,
    'not-found',
    `The audit ledger holds no event of linked case ${linkedCaseId}.`,
    { linkedCaseId },
  );
}

export function assertLinkedCaseId(value: string): string {
  if (!UUID.test(value)) {
    throw new DomainError(
      AuditErrorCodes.badLinkedCaseId,
      'invalid',
      `"${value.slice(0, 80)}" is not a linked-case id (a UUID such as 0197a1c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d).`,
    );
  }
  return value;
}

/**
 * Parses an ISO-8601 instant with its time zone, strictly (the validators' parser, parseInstant: no 30 February,
 * no year before 1900). A '+' of the offset that arrived as a space (an unencoded '+' in a query string) is
 * restored; an offset written without its colon (+0800) is read as +08:00. `from` says where the value came from,
 * for the hint of the message: a URL query (write + as %2B) or the command line's --as-of.
 */
export function parseAsOf(
  value: string | undefined,
  now: Date = new Date(),
  from: 'query' | 'command-line' = 'query',
): Date {
  if (value === undefined || value === '') return now;
  const repaired = value
    .slice(0, 60)
    .replace(/ (\d{2}:?\d{2})$/, '+$1')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  let ms: number;
  try {
    ms = value.length <= 60 ? parseInstant(repaired) : Number.NaN;
  } catch {
    ms = Number.NaN;
  }
  if (Number.isNaN(ms)) {
    const name = from === 'query' ? 'asOf' : '--as-of';
    const hint = from === 'query' ? '; write + as %2B in a URL' : '';
    throw new DomainError(
      AuditErrorCodes.badAsOf,
      'invalid',
      `${name} must be an existing date and time with its time zone, e.g. 2026-11-20T10:30:00+08:00 or 2026-11-20T02:30:00Z (got "${value.slice(0, 60)}"${hint}).`,
    );
  }
  return new Date(ms);
}

export const EXPORT_FORMATS = ['jsonl', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function parseExportFormat(value: string | undefined): ExportFormat {
  const v = value ?? 'jsonl';
  if (!(EXPORT_FORMATS as readonly string[]).includes(v)) {
    throw new DomainError(
      AuditErrorCodes.badFormat,
      'invalid',
      `format must be jsonl or html (got "${v.slice(0, 40)}").`,
    );
  }
  return v as ExportFormat;
}

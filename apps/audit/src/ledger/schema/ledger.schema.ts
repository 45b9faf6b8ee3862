import type { SqlRunner } from '../../shared/sql';

/**
 * Advisory-lock keys (two-int4 key space) of the ledger. The tables themselves are made by the audit
 * migrations (apps/audit/src/migrations); 727_002 was the old start-up DDL lock: do not reuse it.
 */
export const LOCKS = {
  /** (class, 0): appends hold it shared, a checkpoint round holds it exclusive — no append is in flight while the round reads. */
  global: [727_000, 0] as const,
  /** (class, hashtext(linkedCaseId)): one append at a time per linked case — the chain of a case is a line. */
  caseClass: 727_001,
} as const;

/** Whether the database holds a ledger at all (the CLI refuses to work on a database without one). */
export async function ledgerExists(db: SqlRunner): Promise<boolean> {
  const rows = await db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM pg_tables WHERE tablename IN ('ledger_entry', 'ledger_checkpoint') AND schemaname = current_schema()`,
  );
  return rows[0]?.n === '2';
}

import type { TestSystem } from '../support/system';

/**
 * The hearing day came: the court app reads the wall clock (no time skipping), so a test moves the case's scheduled
 * hearing one minute into the past in the court's database, as if the days until it had passed. Nothing else changes.
 */
export async function hearingDayCame(sys: TestSystem, courtCaseId: string): Promise<void> {
  const db = await sys.sql('court');
  try {
    const r = await db.query(
      `UPDATE court_case SET hearing_at = now() - interval '1 minute' WHERE court_case_id = $1 AND hearing_at IS NOT NULL`,
      [courtCaseId],
    );
    if (r.rowCount !== 1) throw new Error(`no scheduled hearing on court case ${courtCaseId}`);
  } finally {
    await db.end();
  }
}

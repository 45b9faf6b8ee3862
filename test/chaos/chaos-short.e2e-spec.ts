/**
 * The short chaos run (issue 14, acceptance 2): each component — the seven services, Kafka, Temporal and PostgreSQL
 * (private instances, see test/chaos/chaos-run.ts) — killed once with SIGKILL during a load of linked cases, then
 * views, ledger and open steps compared with the event log. Fails on anything lost, doubled or a deadline wrong.
 * CASEBRIDGE_CHAOS_SEED repeats a run; CASEBRIDGE_CHAOS_CASES changes its size (default 30).
 */
import { chaosFailed, formatReport, newSeed, runChaos, type ChaosReport } from './chaos-run';

describe('chaos run, short: every component killed once during a load', () => {
  const seed = Number(process.env.CASEBRIDGE_CHAOS_SEED ?? newSeed());
  const cases = Number(process.env.CASEBRIDGE_CHAOS_CASES ?? 30);
  let report: ChaosReport;

  beforeAll(async () => {
    const t0 = Date.now();
    report = await runChaos({
      cases,
      killsPerComponent: 1,
      seed,
      concurrency: 4,
      settleMs: 90_000,
      log: (line) => process.stdout.write(`[chaos ${((Date.now() - t0) / 1000).toFixed(0)} s] ${line}\n`),
    });
    process.stdout.write(`\nchaos run (short): ${cases} cases, seed ${seed}\n${formatReport(report)}\n`);
  }, 600_000);

  it('loses, doubles and misdates nothing, and the ledger verifies', () => {
    const summary = report.rows.map((r) => ({
      component: r.component,
      lost: r.actsLost,
      doubled: r.actsDoubled,
      deadlines: r.deadlines,
    }));
    expect(summary).toEqual(report.rows.map((r) => ({ component: r.component, lost: 0, doubled: 0, deadlines: 0 })));
    expect(report.failedCases).toEqual([]);
    expect(report.ledgerOk).toBe(true);
    expect(chaosFailed(report)).toBe(false);
  });

  it('killed every component once and saw its work resume', () => {
    const killed = report.rows.filter((r) => r.component !== '(no kill)');
    expect(killed).toHaveLength(10);
    for (const r of killed)
      expect({ component: r.component, resumed: r.resumed.every(Number.isFinite) }).toEqual({
        component: r.component,
        resumed: true,
      });
    expect(report.casesDone).toBeGreaterThan(cases * 0.8);
    expect(report.checked.dueDates).toBeGreaterThan(cases);
    expect(report.checked.acts).toBeGreaterThan(cases * 4);
  });
});

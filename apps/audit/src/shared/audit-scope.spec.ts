import { assertCaseInAuditScope, assertNationalAuditor } from './audit-scope';
import type { SqlRunner } from './sql';

/** The ledger's producers of one case, as the scope query sees them. */
const ledger = (producers: string[]): SqlRunner & { calls: number } => {
  const db = {
    calls: 0,
    query: async <T>() => {
      db.calls += 1;
      return producers.map((p) => ({ producer_agency_id: p })) as T[];
    },
  };
  return db;
};
const SHENYANG_CASE = ['enforcement:210100', 'workflow', 'police:210100', 'supervision', 'procuratorate:210100'];
const ID = '0197a1c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d';

describe('audit scope by division code (issue 13 finding 3)', () => {
  it.each([
    ['210100', SHENYANG_CASE, true],
    ['210000', SHENYANG_CASE, true], // the province
    ['000000', SHENYANG_CASE, true], // national
    ['210200', SHENYANG_CASE, false], // Dalian: looks like a missing case
    ['210102', SHENYANG_CASE, false], // a county does not see its city's case
    ['210200', [...SHENYANG_CASE, 'police:210200'], true], // the Dalian police acted on it after a forward
    ['210100', ['workflow', 'supervision'], false], // system producers give no region
  ])('auditor of %s, case by %j: within = %s', async (region, producers, within) => {
    const check = assertCaseInAuditScope(ledger(producers), { region }, ID);
    if (within) await expect(check).resolves.toBeUndefined();
    else await expect(check).rejects.toMatchObject({ code: 'AUDIT.CASE_NOT_FOUND', kind: 'not-found' });
  });

  it('a national auditor is not even asked about producers', async () => {
    const db = ledger([]);
    await assertCaseInAuditScope(db, { region: '000000' }, ID);
    expect(db.calls).toBe(0);
  });

  it('whole-ledger acts are national', () => {
    expect(() =>
      assertNationalAuditor({ region: '000000', agencyId: 'procuratorate:000000' }, 'Verifying the whole ledger'),
    ).not.toThrow();
    expect(() =>
      assertNationalAuditor({ region: '210000', agencyId: 'procuratorate:210000' }, 'Verifying the whole ledger'),
    ).toThrow(expect.objectContaining({ code: 'AUDIT.NATIONAL_SCOPE_REQUIRED', kind: 'forbidden' }));
  });
});

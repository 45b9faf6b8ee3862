/**
 * Two identical writes at the same moment (trial 7: two POST /cases with one case number, one got a 500 "duplicate
 * key value violates unique constraint"): exactly one records it, the other gets 409 — REQUEST.CONCURRENT_DUPLICATE
 * when it lost the race at the database, the flow's own 409 when it came second — never a 500.
 */
import { TestSystem } from '../support/system';

describe('two identical writes at the same moment', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = new TestSystem(['enforcement']);
    await sys.start();
  }, 240_000);
  afterAll(async () => {
    await sys?.stop();
  }, 60_000);

  it('one records the case, the other gets a 409, in every round', async () => {
    const token = sys.token('enforcement:210100', ['officer'], 'enf-officer-zhang');
    const post = (caseNumber: string) =>
      fetch(`${sys.url('enforcement')}/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          caseNumber,
          party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
          violation: '通过暗管向河道排放含铬废水',
          discoveredAt: '2026-11-20T10:30:00+08:00',
        }),
      });
    const codes = new Set<string>();
    for (let round = 0; round < 8; round++) {
      const caseNumber = `辽沈环罚〔2026〕race-${process.pid}-${round}号`;
      const answers = await Promise.all([post(caseNumber), post(caseNumber)]);
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const refused = (await answers.find((r) => r.status === 409)!.json()) as { code: string; message: string };
      codes.add(refused.code);
      expect(refused.message).not.toMatch(/duplicate key|constraint/);
    }
    // which of the two 409s a round gets depends on timing; both are 409, neither is a 500
    for (const code of codes) expect(['REQUEST.CONCURRENT_DUPLICATE', 'CASE.NUMBER_TAKEN']).toContain(code);
  });
});

/**
 * Procuratorial opinions (检察意见, E17 art 14) through the REST APIs: an opinion names only a case the
 * procuratorate knows (a crime the enforcement agency reported as suspected), owned by the agency it is
 * addressed to; the transfer it opens can be sent. attack-findings #1, try-findings #2 and #4.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { endpoints } from '../support/endpoints';
import { publish } from '../supervision/inject';
import { Api, eventually, TestSystem } from '../support/system';
import { agencies, enfPhase, polPhase, PRO, type Agencies } from './transfer-driver';

interface Opinion {
  transferId: string;
  caseId: string;
}
interface Rec {
  orphans: { eventId: string; type: string; refersTo: { kind: string; id: string } }[];
}

describe('procuratorial opinion: only on a known case of the addressee; the transfer it opens can be sent', () => {
  const sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'supervision']);
  let a: Agencies;
  let dalianEnf: Api;
  let dalianPro: Api;
  let sup: Api;

  beforeAll(async () => {
    await sys.start();
    a = agencies(sys);
    dalianEnf = new Api(sys.url('enforcement'), sys.token('enforcement:210200', ['officer', 'head'], 'dl-enf-head'));
    dalianPro = new Api(sys.url('procuratorate'), sys.token('procuratorate:210200', ['officer'], 'dl-pro'));
    sup = new Api(sys.url('supervision'), sys.token(PRO, ['supervisor'], 'sup-sun'));
  }, 240_000);
  afterAll(() => sys.stop(), 60_000);

  /** A case whose transfer the head refused: the procuratorate learned of it from transfer.crime-suspected. */
  async function refusedCase(
    enf: Api,
    head: Api,
    label: string,
  ): Promise<{ caseId: string; linkedCaseId: string; refusedId: string }> {
    const { caseId, linkedCaseId } = await enf.post<{ caseId: string; linkedCaseId: string }>('/cases', {
      caseNumber: `辽环罚〔2026〕${label}-${randomInt(1e9)}号`,
      party: { name: '某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
      violation: '通过暗管向河道排放含铬废水',
      discoveredAt: '2026-11-20T10:30:00+08:00',
    });
    const { transferId } = await enf.post<{ transferId: string }>('/transfers', {
      caseId,
      thresholdFacts: ['t3'],
      facts: '总铬超标',
    });
    await enf.post(`/transfers/${transferId}/team-report`, {
      teamOfficerIds: ['enf-officer-zhang', 'enf-officer-li'],
      summary: '建议移送',
    });
    await head.post(`/transfers/${transferId}/head-decision`, { decision: 'refused', reasons: '证据不足' });
    return { caseId, linkedCaseId, refusedId: transferId };
  }

  /** The opinion is accepted once the procuratorate has the suspected crime on record (it travels over Kafka). */
  const issue = (pro: Api, body: object): Promise<{ status: number; body: { transferId: string } }> =>
    eventually(
      () => pro.call<{ transferId: string }>('POST', '/transfer-opinions', body, 'any'),
      (r) => r.status !== 404,
      'opinion accepted',
    );

  it('try-findings #2: the transfer an opinion opens (after a head refusal) is sent with the threshold facts on record', async () => {
    const t3 = await refusedCase(a.enf, a.enfHead, 'opinion');
    const r = await issue(a.pro, {
      caseId: t3.caseId,
      linkedCaseId: t3.linkedCaseId,
      enforcementAgencyId: 'enforcement:210100',
      reasons: '应当依法移送',
    });
    expect(r.status).toBe(201);
    const id = r.body.transferId;
    await enfPhase(a, id, 'opinion-received');
    // the team report belongs to the refused transfer: out of order here, not "again"
    const report = await a.enf.call<{ code: string }>(
      'POST',
      `/transfers/${id}/team-report`,
      { teamOfficerIds: ['a', 'b'], summary: 'x' },
      409,
    );
    expect(report.body.code).toBe('TRANSFER.OUT_OF_ORDER');
    // threshold facts are already on record (the case team's, t3): naming others is refused, nothing changes
    const fixed = await a.enf.call<{ code: string }>(
      'POST',
      `/transfers/${id}/send`,
      {
        materials: [
          { kind: 'transfer-letter', title: '移送书' },
          { kind: 'investigation-report', title: '调查报告' },
        ],
        thresholdFacts: ['t1'],
      },
      400,
    );
    expect(fixed.body.code).toBe('TRANSFER.THRESHOLD_FACTS_FIXED');
    await enfPhase(a, id, 'opinion-received');
    // the exact request of the finding: was 500 INTERNAL
    await a.enf.call(
      'POST',
      `/transfers/${id}/send`,
      {
        materials: [
          { kind: 'transfer-letter', title: '移送书' },
          { kind: 'investigation-report', title: '调查报告' },
        ],
      },
      204,
    );
    await enfPhase(a, id, 'sent');
    await polPhase(a.pol, id, 'awaiting-receipt');
    const opinions = await eventually(
      () => a.pro.get<(Opinion & { transferSentAt: string | null })[]>('/transfer-opinions'),
      (l) => l.some((o) => o.transferId === id && o.transferSentAt !== null),
      'the procuratorate sees its opinion followed',
    );
    expect(opinions.find((o) => o.transferId === id)?.caseId).toBe(t3.caseId);
  });

  it('attack-findings #1 / try-findings #4: another region’s case, random ids or a mismatched pair answer 404 and nothing is recorded', async () => {
    const dalian = await refusedCase(dalianEnf, dalianEnf, 'dalian');
    const shenyang = await refusedCase(a.enf, a.enfHead, 'shenyang');
    // the Dalian procuratorate knows the Dalian case: its own opinion is accepted (so the record has arrived)
    expect(
      (
        await issue(dalianPro, {
          caseId: dalian.caseId,
          linkedCaseId: dalian.linkedCaseId,
          enforcementAgencyId: 'enforcement:210200',
          reasons: '应当移送',
        })
      ).status,
    ).toBe(201);
    const before = await a.pro.get<Opinion[]>('/transfer-opinions');
    const refused = async (body: object): Promise<void> => {
      const r = await a.pro.call<{ code: string }>(
        'POST',
        '/transfer-opinions',
        { enforcementAgencyId: 'enforcement:210100', reasons: 'r', ...body },
        404,
      );
      expect(r.body.code).toBe('OPINION.CASE_NOT_FOUND');
    };
    // the exact request of the attack: Dalian's ids addressed to Shenyang enforcement
    await refused({ caseId: dalian.caseId, linkedCaseId: dalian.linkedCaseId });
    await refused({ caseId: randomUUID(), linkedCaseId: randomUUID() }); // random ids
    await refused({ caseId: '00000000-0000-4000-8000-000000000000', linkedCaseId: shenyang.linkedCaseId }); // try-findings #4
    await refused({ caseId: shenyang.caseId, linkedCaseId: dalian.linkedCaseId }); // a mismatched pair
    // addressed to its owner, Dalian's case is still outside Shenyang's jurisdiction
    expect(
      (
        await a.pro.call<{ code: string }>(
          'POST',
          '/transfer-opinions',
          {
            caseId: dalian.caseId,
            linkedCaseId: dalian.linkedCaseId,
            enforcementAgencyId: 'enforcement:210200',
            reasons: 'r',
          },
          404,
        )
      ).body.code,
    ).toBe('AGENCY.OUTSIDE_JURISDICTION');
    expect(await a.pro.get<Opinion[]>('/transfer-opinions')).toEqual(before);
    // the Shenyang case itself is fine
    expect(
      (
        await issue(a.pro, {
          caseId: shenyang.caseId,
          linkedCaseId: shenyang.linkedCaseId,
          enforcementAgencyId: 'enforcement:210100',
          reasons: 'r',
        })
      ).status,
    ).toBe(201);
  });

  it('an opinion event about a case its addressee does not own is refused by enforcement and listed as an orphan by /reconciliation', async () => {
    const dalian = await refusedCase(dalianEnf, dalianEnf, 'forged');
    const transferId = randomUUID();
    // as a procuratorate that did not check would have published it (the attack's event)
    const [forged] = await publish(endpoints().kafkaBrokers, sys.suffix, [
      {
        type: 'transfer.procuratorate-opinion',
        linkedCaseId: dalian.linkedCaseId,
        producer: { kind: 'procuratorate', agencyId: PRO },
        actor: 'pro-officer-sun',
        payload: { transferId, caseId: dalian.caseId, enforcementAgencyId: 'enforcement:210100', reasons: 'r' },
      },
    ]);
    const rec = await eventually(
      () => sup.get<Rec>('/reconciliation?graceSeconds=0'),
      (r) => r.orphans.some((o) => o.eventId === forged!.eventId),
      'reconciliation lists the forged opinion',
    );
    expect(rec.orphans.find((o) => o.eventId === forged!.eventId)).toMatchObject({
      type: 'transfer.procuratorate-opinion',
      refersTo: { kind: 'case-owner', id: `enforcement:210100/${dalian.linkedCaseId}/${dalian.caseId}` },
    });
    // a legitimate opinion is no orphan (its case-owner fact is known)
    const own = await refusedCase(a.enf, a.enfHead, 'legit');
    const ok = await issue(a.pro, {
      caseId: own.caseId,
      linkedCaseId: own.linkedCaseId,
      enforcementAgencyId: 'enforcement:210100',
      reasons: 'r',
    });
    await enfPhase(a, ok.body.transferId, 'opinion-received');
    // enforcement did not open a transfer on the forged one, in either agency
    expect((await a.enf.call<{ code: string }>('GET', `/transfers/${transferId}`, undefined, 404)).body.code).toBe(
      'TRANSFER.NOT_FOUND',
    );
    expect((await dalianEnf.call<{ code: string }>('GET', `/transfers/${transferId}`, undefined, 404)).body.code).toBe(
      'TRANSFER.NOT_FOUND',
    );
    const opinionOrphans = (r: Rec): string[] =>
      r.orphans.filter((o) => o.type === 'transfer.procuratorate-opinion').map((o) => o.eventId);
    await eventually(
      () => sup.get<Rec>('/reconciliation?graceSeconds=0'),
      (r) => opinionOrphans(r).length === 1,
      'only the forged opinion is an orphan',
    );
    expect(opinionOrphans(await sup.get<Rec>('/reconciliation?graceSeconds=0'))).toEqual([forged!.eventId]);
  });
});

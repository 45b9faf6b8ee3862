/**
 * The shared record of a case that starts as the procuratorate's public-interest litigation (信息共享, flows.md §5;
 * SHARED_DECISIONS, E17 art 34) through the agencies' REST APIs, with the real services over real PostgreSQL, Kafka
 * and Temporal:
 *  - the PIL decisions the system knows (case opened, recommendation served, suit filed) are entered automatically
 *    (their sharing.platform-entry steps met at once) for the office each is addressed to, which is granted the
 *    linked case and reads each entry as visibleTo says (the opening as a case number, the recommendation in full);
 *  - an office without entitlement — another enforcement office, a police office, the court before the suit — gets
 *    404 and no data;
 *  - the court's decisions (docketing) come back to the procuratorate (full) and the agency (case number).
 */
import { randomInt } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Api, eventually, TestSystem } from '../support/system';
import { createTimeSkippingEnv } from '../support/temporal';
import { agencyPilPhase, inboxHas, proPilPhase } from '../pil/pil-driver';
import { agencies, ENF, PRO, type Agencies } from '../transfer/transfer-driver';

interface Entry {
  decisionId: string;
  entryId: string | null;
  decisionKind: string;
  ownerAgencyId: string;
  ownerCaseNumber: string;
  detail: 'own' | 'full' | 'case-number';
  content: string | null;
  party: unknown;
}
interface CourtCaseView {
  courtCaseId: string;
  sourceId: string;
}

const COURT = 'court:210100';
/** An enforcement office of another district: the recommendation is not addressed to it. */
const OTHER_ENF = 'enforcement:210102';

describe('shared record of a PIL case: entered automatically, read as visibleTo says, 404 without entitlement', () => {
  let env: TestWorkflowEnvironment;
  let sys: TestSystem;
  let a: Agencies;
  let court: Api;
  let courtHead: Api;
  let otherEnf: Api;
  const marker = randomInt(1e9);

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'court', 'workflow-worker'], {
      '*': { CASEBRIDGE_TEMPORAL_ADDRESS: env.address },
    });
    await sys.start();
    a = agencies(sys);
    court = new Api(sys.url('court'), sys.token(COURT, ['officer'], 'court-officer-li'));
    courtHead = new Api(sys.url('court'), sys.token(COURT, ['officer', 'head'], 'court-head-chen'));
    otherEnf = new Api(sys.url('enforcement'), sys.token(OTHER_ENF, ['officer'], 'enf-officer-other'));
  }, 300_000);
  afterAll(async () => {
    await sys?.stop();
    await env?.teardown();
  }, 60_000);

  const entries = (api: Api, linkedCaseId: string) => api.get<Entry[]>(`/sharing/cases/${linkedCaseId}/entries`);
  const entryOf = (api: Api, linkedCaseId: string, kind: string, what: string) =>
    eventually(
      () => entries(api, linkedCaseId),
      (list) => list.some((e) => e.decisionKind === kind),
      what,
      60_000,
    ).then((list) => list.find((e) => e.decisionKind === kind)!);
  const refused = async (api: Api, linkedCaseId: string) => {
    const r = await api.call<{ code: string }>('GET', `/sharing/cases/${linkedCaseId}/entries`, undefined, 404);
    expect(r.body.code).toBe('SHARING.NOT_FOUND');
    expect(JSON.stringify(r.body)).not.toContain(String(marker));
  };

  it('a PIL case opened and recommended: entered automatically for the agency, which reads the opening as a case number and the recommendation in full; others get 404', async () => {
    const { pilCaseId } = await a.pro.post<{ pilCaseId: string }>('/pil-cases', {
      kind: 'administrative',
      respondentAgencyId: ENF,
      facts: `浑河沿岸非法倾倒危险废物约 30 吨，区生态环境局三个月未依法查处 ${marker}`,
    });
    const { linkedCaseId } = await a.pro.get<{ linkedCaseId: string }>(`/pil-cases/${pilCaseId}`);
    // before any recommendation the agency holds no record of the case: it reads it through the grant of the entry
    const opened = await entryOf(a.enf, linkedCaseId, 'pil-case-opened', 'the PIL case on the agency’s shared record');
    expect(opened).toMatchObject({
      ownerAgencyId: PRO,
      ownerCaseNumber: pilCaseId,
      detail: 'case-number',
      content: null,
      party: null,
    });
    await refused(otherEnf, linkedCaseId);
    await a.pro.post(`/pil-cases/${pilCaseId}/investigation`, { findings: '经现场勘查，危险废物仍堆放于河滩' });
    await a.pro.post(`/pil-cases/${pilCaseId}/recommendation`, {
      documentNumber: `沈检行公建〔2026〕${marker}号`,
      variant: 'standard',
    });
    const rec = await entryOf(a.enf, linkedCaseId, 'pil-recommendation', 'the recommendation on the shared record');
    expect(rec).toMatchObject({ ownerAgencyId: PRO, detail: 'full' });
    expect(rec.ownerCaseNumber).toContain('沈检行公建');
    expect(rec.content).toContain(rec.ownerCaseNumber);
    // one entry read on its own route
    expect(await a.enf.get<Entry>(`/sharing/cases/${linkedCaseId}/entries/${opened.decisionId}`)).toMatchObject({
      decisionKind: 'pil-case-opened',
      content: null,
    });

    // no entitlement: another enforcement office, a police office (no case of its own), the court before any suit
    await refused(otherEnf, linkedCaseId);
    await refused(a.pol, linkedCaseId);
    await refused(court, linkedCaseId);
    await otherEnf.call('GET', `/sharing/cases/${linkedCaseId}/entries/${opened.decisionId}`, undefined, 404);

    // the procuratorate's steps for its decisions were met at once (entered by the system)
    const done = await eventually(
      async () =>
        (
          await a.pro.get<{ items: { ruleId: string | null; outcome: string | null }[] }>(
            `/inbox?linkedCaseId=${linkedCaseId}&status=done`,
          )
        ).items.filter((i) => i.ruleId === 'sharing.platform-entry'),
      (items) => items.length >= 2,
      'the PIL decisions’ sharing.platform-entry steps met',
      60_000,
    );
    for (const i of done) expect(i.outcome).toBe('met');

    // the agency does not correct; the procuratorate sues: the court gets the suit in full, then dockets, and its
    // docketing comes back to the procuratorate in full and to the agency as a case number
    await agencyPilPhase(a, pilCaseId, 'awaiting-reply');
    await a.enf.post(`/pil-recommendations/${pilCaseId}/reply`, {
      outcome: 'not-corrected',
      reply: `尚未完成清运 ${marker}`,
    });
    await proPilPhase(a, pilCaseId, 'replied');
    await inboxHas(a.pro, linkedCaseId, 'owed', `${pilCaseId}/pil.admin-suit-decision`);
    await a.proHead.post(`/pil-cases/${pilCaseId}/suit`, {});
    const suit = await entryOf(court, linkedCaseId, 'pil-suit', 'the suit on the court’s shared record');
    expect(suit).toMatchObject({ ownerAgencyId: PRO, detail: 'full' });
    expect(suit.content).toContain(COURT);
    expect((await entryOf(a.enf, linkedCaseId, 'pil-suit', 'the suit at the agency')).detail).toBe('full');
    const courtCase = await eventually(
      () => court.get<CourtCaseView[]>('/court-cases'),
      (cs) => cs.some((c) => c.sourceId === pilCaseId),
      'the court case of the suit',
      60_000,
    ).then((cs) => cs.find((c) => c.sourceId === pilCaseId)!);
    const docketNumber = `(2026)辽01行初${marker}号`;
    await courtHead.post(`/court-cases/${courtCase.courtCaseId}/docket`, { docketNumber, procedure: 'ordinary' });
    const atPro = await entryOf(a.pro, linkedCaseId, 'court-docketed', 'the docketing at the procuratorate');
    expect(atPro).toMatchObject({ ownerAgencyId: COURT, ownerCaseNumber: docketNumber, detail: 'full' });
    expect(atPro.content).toContain(docketNumber);
    const atEnf = await entryOf(a.enf, linkedCaseId, 'court-docketed', 'the docketing at the agency');
    expect(atEnf).toMatchObject({ ownerAgencyId: COURT, ownerCaseNumber: docketNumber, detail: 'case-number' });
    expect(atEnf.content).toBeNull();
    // still nothing for the offices without entitlement
    await refused(otherEnf, linkedCaseId);
    await refused(a.pol, linkedCaseId);
    expect(ENF).not.toBe(OTHER_ENF);
  });
});

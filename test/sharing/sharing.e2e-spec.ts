/**
 * Information sharing (信息共享, issue 12, acceptance 1–4) through the agencies' REST APIs, with the real services
 * over real PostgreSQL, Kafka and Temporal's time-skipping server:
 *  1. a decision recorded and entered is shared (sharing.platform-entry met); another never entered runs out after
 *     7 days (time skipped) and the deciding office is told (deadline.missed in its inbox);
 *  2. need-to-know: an office without a grant gets 404 and no data on every route of the shared record; with a grant
 *     it gets the redacted view (the party's details only where SHARED_DECISIONS says so);
 *  3. a read of shared data is in the linked case's audit history with its reader and time;
 *  4. a service without a grant holds no copy of the content (its whole database is searched).
 */
import { randomInt } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Api, eventually, TestSystem } from '../support/system';
import { createTimeSkippingEnv } from '../support/temporal';
import {
  agencies,
  ENF,
  openAndSend,
  polPhase,
  POL,
  PRO,
  type Agencies,
  type Opened,
} from '../transfer/transfer-driver';

interface Entry {
  decisionId: string;
  entryId: string | null;
  decisionKind: string;
  ownerAgencyId: string;
  ownerCaseNumber: string;
  detail: 'own' | 'full' | 'case-number';
  content: string | null;
  party: { name: string | null; idNumber: string | null; address: string | null } | null;
  sharedWith: string[];
  enteredAt: string | null;
}
interface InboxItem {
  ruleId: string | null;
  stepId: string;
  status: string;
  missedAt: string | null;
  outcome: string | null;
}
interface HistoryEntry {
  eventId: string;
  type: string;
  occurredAt: string;
  who: { producer: { agencyId: string; kind: string }; officerId: string };
}

/** A police office of another district that owns nothing of the case: it sees it only through a grant. */
const GRANTED_POLICE = 'police:210102';
/** A police office with neither the case nor a grant. */
const STRANGER_POLICE = 'police:210200';

describe('shared record: entered, missed, need-to-know access, recorded reads, no copy without a grant', () => {
  let env: TestWorkflowEnvironment;
  let sys: TestSystem;
  let a: Agencies;
  let granted: Api;
  let stranger: Api;
  let auditor: Api;
  let opened: Opened;
  const marker = randomInt(1e9);
  const PARTY = { name: `张某${marker}`, idNumber: `2101021980${marker}`, address: `沈阳市和平区某路${marker}号` };
  const TEXT = `建议人民检察院对公安机关不立案进行监督 ${marker}`;
  const PENALTY_TEXT = `罚款人民币二十万元 ${marker}`;
  let requestId: string;
  let penaltyId: string;
  let forgottenId: string;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'workflow-worker', 'audit'], {
      '*': { CASEBRIDGE_TEMPORAL_ADDRESS: env.address },
    });
    await sys.start();
    a = agencies(sys);
    granted = new Api(sys.url('police'), sys.token(GRANTED_POLICE, ['officer'], 'pol-officer-granted'));
    stranger = new Api(sys.url('police'), sys.token(STRANGER_POLICE, ['officer'], 'pol-officer-stranger'));
    auditor = new Api(sys.url('audit'), sys.token('procuratorate:210100', ['auditor'], 'auditor-zhou'));
    opened = await openAndSend(a, 'sharing');
    await polPhase(a.pol, opened.transferId, 'awaiting-receipt');
    await eventually(
      () => a.pro.call('GET', `/transfer-copies/${opened.transferId}`, undefined, 'any'),
      (r) => r.status === 200,
      'the procuratorate holds its copy',
    );
  }, 300_000);
  afterAll(async () => {
    await sys?.stop();
    await env?.teardown();
  }, 60_000);

  const entries = (api: Api) => api.get<Entry[]>(`/sharing/cases/${opened.linkedCaseId}/entries`);
  const inbox = async (status: string): Promise<InboxItem[]> =>
    (await a.enf.get<{ items: InboxItem[] }>(`/inbox?linkedCaseId=${opened.linkedCaseId}&status=${status}`)).items;

  it('acceptance 1: a decision recorded and entered is shared (step met); one never entered runs out after 7 days', async () => {
    const decidedAt = new Date(await env.currentTimeMs()).toISOString();
    // a decision visible in full to the procuratorate and as a case number only to the police (SHARED_DECISIONS)
    ({ decisionId: requestId } = await a.enf.post<{ decisionId: string }>(
      `/sharing/cases/${opened.linkedCaseId}/decisions`,
      {
        decisionKind: 'supervision-request',
        decidedAt,
        ownerCaseNumber: 'CASE-REQ-1',
        content: TEXT,
        partyName: PARTY.name,
        partyIdNumber: PARTY.idNumber,
        partyAddress: PARTY.address,
      },
    ));
    // a penalty shared with the police only (acceptance 4), and one decision the office forgets to enter
    ({ decisionId: penaltyId } = await a.enf.post<{ decisionId: string }>(
      `/sharing/cases/${opened.linkedCaseId}/decisions`,
      { decisionKind: 'administrative-penalty', decidedAt, ownerCaseNumber: 'CASE-PEN-1', content: PENALTY_TEXT },
    ));
    ({ decisionId: forgottenId } = await a.enf.post<{ decisionId: string }>(
      `/sharing/cases/${opened.linkedCaseId}/decisions`,
      { decisionKind: 'administrative-penalty', decidedAt, ownerCaseNumber: 'CASE-PEN-2', content: '另一处罚决定' },
    ));
    // the clock of each decision runs, owed by enforcement, one step per decision
    await eventually(
      () => inbox('owed'),
      (items) =>
        [requestId, penaltyId, forgottenId].every((id) =>
          items.some((i) => i.stepId === `${opened.linkedCaseId}/sharing.platform-entry@${id}`),
        ),
      'three sharing.platform-entry steps owed by enforcement',
      60_000,
    );

    // bad input is refused before anything is shared
    const bad = await a.enf.call<{ code: string }>(
      'POST',
      `/sharing/cases/${opened.linkedCaseId}/decisions/${requestId}/entry`,
      { sharedWith: ['court:210100'] },
      400,
    );
    expect(bad.body.code).toBe('SHARING.RECIPIENT_NOT_ENTITLED');
    // an office the agency directory does not list (a division with no such office) is named in the 400
    const unknown = await a.enf.call<{ code: string; message: string }>(
      'POST',
      `/sharing/cases/${opened.linkedCaseId}/decisions/${requestId}/entry`,
      { sharedWith: [POL, 'police:219999'] },
      400,
    );
    expect(unknown.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
    expect(JSON.stringify(unknown.body)).toContain('sharedWith names no agency of the agency directory: police:219999');
    const wrongKind = await a.enf.call<{ code: string }>(
      'POST',
      `/sharing/cases/${opened.linkedCaseId}/decisions`,
      { decisionKind: 'indictment', decidedAt, ownerCaseNumber: 'X', content: 'x' },
      400,
    );
    expect(wrongKind.body.code).toBe('SHARING.DECISION_KIND_NOT_ALLOWED');

    await a.enf.post(`/sharing/cases/${opened.linkedCaseId}/decisions/${requestId}/entry`, {
      sharedWith: [POL, PRO, GRANTED_POLICE],
    });
    await a.enf.post(`/sharing/cases/${opened.linkedCaseId}/decisions/${penaltyId}/entry`, { sharedWith: [POL] });
    expect(
      (
        await a.enf.call<{ code: string }>(
          'POST',
          `/sharing/cases/${opened.linkedCaseId}/decisions/${penaltyId}/entry`,
          { sharedWith: [POL] },
          409,
        )
      ).body.code,
    ).toBe('SHARING.ALREADY_DONE');

    // shared: the procuratorate has it in full, the police as a case number only
    const pro = await eventually(
      () => entries(a.pro),
      (e) => e.some((x) => x.decisionId === requestId),
      'the procuratorate received the entry',
    );
    expect(pro.find((x) => x.decisionId === requestId)).toMatchObject({
      ownerAgencyId: ENF,
      detail: 'full',
      content: TEXT,
      party: PARTY,
    });
    expect(pro.some((x) => x.decisionId === penaltyId)).toBe(false);
    const pol = await eventually(
      () => entries(a.pol),
      (e) => e.some((x) => x.decisionId === requestId) && e.some((x) => x.decisionId === penaltyId),
      'the police received both entries',
    );
    expect(pol.find((x) => x.decisionId === requestId)).toMatchObject({
      detail: 'case-number',
      ownerCaseNumber: 'CASE-REQ-1',
      content: null,
      party: null,
    });
    expect(pol.find((x) => x.decisionId === penaltyId)).toMatchObject({ detail: 'full', content: PENALTY_TEXT });
    // trial 7: an office reused a decision id it had received (or another agency's) for a decision of its own; the
    // second decision lost its step and its copy. The id is the service's to assign: a body decisionId is refused
    const reused = await a.pol.call<{ code: string; message: string }>(
      'POST',
      `/sharing/cases/${opened.linkedCaseId}/decisions`,
      { decisionId: penaltyId, decisionKind: 'case-withdrawn', decidedAt, ownerCaseNumber: 'POL-X', content: 'x' },
      400,
    );
    expect(reused.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
    expect(JSON.stringify(reused.body)).toContain('decisionId');
    expect((await entries(a.pol)).filter((x) => x.decisionId === penaltyId)).toHaveLength(1);
    // the owner's own record
    const own = await entries(a.enf);
    expect(own.find((x) => x.decisionId === requestId)).toMatchObject({
      detail: 'own',
      sharedWith: [POL, PRO, GRANTED_POLICE],
    });
    expect(own.find((x) => x.decisionId === forgottenId)).toMatchObject({ entryId: null, enteredAt: null });

    // entered in time: the steps are done and met
    const done = await eventually(
      () => inbox('done'),
      (items) => items.filter((i) => i.ruleId === 'sharing.platform-entry').length >= 2,
      'the entered decisions’ steps closed',
      60_000,
    );
    expect(
      done.filter((i) => i.ruleId === 'sharing.platform-entry').map((i) => [i.stepId.split('@')[1], i.outcome]),
    ).toEqual(
      expect.arrayContaining([
        [requestId, 'met'],
        [penaltyId, 'met'],
      ]),
    );

    // 10 days later (7 days end at the end of a local day) the forgotten decision has run out: enforcement is told
    await env.sleep(10 * 24 * 3600 * 1000);
    const missed = await eventually(
      () => inbox('owed'),
      (items) =>
        items.some(
          (i) => i.stepId === `${opened.linkedCaseId}/sharing.platform-entry@${forgottenId}` && i.status === 'missed',
        ),
      'enforcement told: sharing.platform-entry missed',
      60_000,
    );
    expect(missed.find((i) => i.stepId.endsWith(forgottenId))?.missedAt).not.toBeNull();
  });

  it('acceptance 2: without a grant 404 and no data on every route of the shared record; with a grant the redacted view', async () => {
    const doc = (await (await fetch(`${sys.url('police')}/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/sharing/'));
    const gets = paths.filter((p) => doc.paths[p]!.get);
    expect(gets.length).toBeGreaterThanOrEqual(2);
    const fill = (p: string) =>
      p.replace('{linkedCaseId}', opened.linkedCaseId).replace('{sharedDecisionId}', requestId);
    const secrets = [TEXT, PARTY.name, PARTY.idNumber, PARTY.address, PENALTY_TEXT, 'CASE-REQ-1'];
    for (const p of gets) {
      const r = await stranger.call<{ code: string }>('GET', fill(p), undefined, 'any');
      expect([p, r.status, r.body.code]).toEqual([p, 404, 'SHARING.NOT_FOUND']);
      expect(secrets.filter((s) => JSON.stringify(r.body).includes(s))).toEqual([]);
      // the granted office reads the redacted view: the case number, never the text or the party
      const g = await granted.call<Entry | Entry[]>('GET', fill(p), undefined, 200);
      const list = Array.isArray(g.body) ? g.body : [g.body];
      expect(list.map((x) => [x.decisionId, x.detail, x.ownerCaseNumber, x.content, x.party])).toEqual([
        [requestId, 'case-number', 'CASE-REQ-1', null, null],
      ]);
    }
    // the guard holds on the agencies' own query routes too: a granted office reads the transfer with the party
    // redacted (and the read is recorded); an office without a grant gets the route's 404
    const t = await granted.call<{ party: { name: string; creditCode: string } }>(
      'GET',
      `/transfers/${opened.transferId}`,
      undefined,
      200,
    );
    expect(t.body.party).toEqual({ name: '[redacted]', creditCode: '[redacted]' });
    const none = await stranger.call<{ code: string }>('GET', `/transfers/${opened.transferId}`, undefined, 'any');
    expect([none.status, none.body.code]).toEqual([404, 'TRANSFER.NOT_FOUND']);
    expect(JSON.stringify(none.body)).not.toContain('沈阳某化工有限公司');
    // bad input is refused as such (400), not looked up
    expect((await stranger.call('GET', '/sharing/cases/not-a-case/entries', undefined, 'any')).status).toBe(400);
    // a command of the shared record is no way in either
    for (const p of paths.filter((x) => doc.paths[x]!.post)) {
      const r = await stranger.call<{ code: string }>('POST', fill(p), { sharedWith: [PRO] }, 'any');
      expect([p, r.status]).toEqual([p, r.status === 400 ? 400 : 404]);
      expect(secrets.filter((s) => JSON.stringify(r.body).includes(s))).toEqual([]);
    }
  });

  it('acceptance 3: a read of shared data is in the case’s audit history with reader and time', async () => {
    const before = Date.now();
    await granted.get(`/sharing/cases/${opened.linkedCaseId}/entries/${requestId}`);
    const history = await eventually(
      () =>
        auditor
          .get<{ entries: HistoryEntry[] }>(`/cases/${opened.linkedCaseId}/history`)
          .catch(() => ({ entries: [] as HistoryEntry[] })),
      (h) =>
        h.entries.some(
          (e) =>
            e.type === 'sharing.data-read' &&
            e.who.officerId === 'pol-officer-granted' &&
            Date.parse(e.occurredAt) >= before - 1000,
        ),
      'the read in the ledger',
      60_000,
    );
    const read = history.entries.find(
      (e) => e.type === 'sharing.data-read' && e.who.officerId === 'pol-officer-granted',
    )!;
    expect(read.who.producer.agencyId).toBe(GRANTED_POLICE);
    expect(Date.parse(read.occurredAt)).toBeLessThanOrEqual(Date.now());
    // the owner reading its own record is not a read of another agency's data
    expect(history.entries.some((e) => e.type === 'sharing.data-read' && e.who.producer.agencyId === ENF)).toBe(false);
  });

  it('acceptance 4: a service without a grant holds no copy of the content; the entitled one does', async () => {
    // the reference reached every consumer (the ledger has it) before the databases are searched
    await eventually(
      () =>
        auditor
          .get<{ entries: HistoryEntry[] }>(`/cases/${opened.linkedCaseId}/history`)
          .catch(() => ({ entries: [] as HistoryEntry[] })),
      (h) => h.entries.filter((e) => e.type === 'sharing.information-shared').length >= 2,
      'both entries announced',
      60_000,
    );
    const holds = async (service: 'police' | 'procuratorate' | 'audit' | 'workflow-worker', text: string) => {
      const db = await sys.sql(service);
      try {
        const tables = await db.query<{ t: string }>(
          `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS t FROM information_schema.tables
           WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
        );
        const found: string[] = [];
        for (const { t } of tables.rows) {
          const r = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t} x WHERE x::text LIKE $1`, [
            `%${text}%`,
          ]);
          if (Number(r.rows[0]!.n) > 0) found.push(t);
        }
        return found;
      } finally {
        await db.end();
      }
    };
    // the penalty was shared with the police only: the procuratorate's, the ledger's and the worker's databases
    // have no copy of its text; the police database has (the search can find it)
    expect(await holds('police', PENALTY_TEXT)).not.toEqual([]);
    expect(await holds('procuratorate', PENALTY_TEXT)).toEqual([]);
    expect(await holds('audit', PENALTY_TEXT)).toEqual([]);
    expect(await holds('workflow-worker', PENALTY_TEXT)).toEqual([]);
    // the party's details went to the procuratorate only (full); the police got the case number
    expect(await holds('procuratorate', PARTY.idNumber)).not.toEqual([]);
    expect(await holds('police', PARTY.idNumber)).toEqual([]);
    expect(await holds('audit', PARTY.idNumber)).toEqual([]);
  });

  it('a decision the system already knows (the police filing decision) is entered automatically; its step is met at once', async () => {
    await a.pol.post(`/transfers/${opened.transferId}/receipt`, { receiptNumber: `R-${marker}` });
    await polPhase(a.pol, opened.transferId, 'received');
    await a.pol.post(`/transfers/${opened.transferId}/decision`, { outcome: 'filed', policeCaseNumber: `P-${marker}` });
    for (const api of [a.enf, a.pro]) {
      const e = await eventually(
        () => entries(api),
        (list) => list.some((x) => x.decisionKind === 'filing'),
        'the filing decision on the shared record',
        60_000,
      );
      expect(e.find((x) => x.decisionKind === 'filing')).toMatchObject({
        ownerAgencyId: POL,
        ownerCaseNumber: `P-${marker}`,
        detail: 'full',
      });
    }
    const done = await eventually(
      async () =>
        (await a.pol.get<{ items: InboxItem[] }>(`/inbox?linkedCaseId=${opened.linkedCaseId}&status=done`)).items,
      (items) => items.some((i) => i.ruleId === 'sharing.platform-entry'),
      'the police filing decision’s step closed',
      60_000,
    );
    expect(done.find((i) => i.ruleId === 'sharing.platform-entry')).toMatchObject({ outcome: 'met', missedAt: null });
  });
});

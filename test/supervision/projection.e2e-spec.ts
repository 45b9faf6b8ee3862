/**
 * Supervisor console without the workflow worker: the projection from real agency events (driven
 * through the agencies' REST APIs) plus deadline events published on the workflow topic exactly as the
 * worker publishes them; actions reaching the owing office's inbox; scoping; reconciliation; SSE.
 * Rule ids of deadlines.md are named where a step is statutory.
 */
import { randomUUID } from 'node:crypto';
import { DEV_JWT_SECRET, issueToken } from '@casebridge/auth';
import { createEnvelope, Topics } from '@casebridge/contracts';
import { deadLetterRecord } from '@casebridge/messaging';
import { endpoints } from '../support/endpoints';
import { Api, eventually, TestSystem } from '../support/system';
import { agencies, openAndSend, polPhase, POL, type Agencies } from '../transfer/transfer-driver';
import { deadlineEvents, publish } from './inject';

interface Step {
  stepId: string;
  ruleId: string;
  status: string;
  stuck: boolean;
  stuckReasons: string[];
  waitingOnReceipt: boolean;
  source: string;
  owingAgencyId: string;
  closedAt: string | null;
  outcome: string | null;
  pressCount: number;
  overdueByDays: number | null;
  linkedCaseId: string;
}
interface Page {
  items: Step[];
  total: number;
}
interface CaseView {
  steps: (Step & { explanation: Record<string, unknown>; rule: { basisText: string } | null })[];
  timeline: { type: string; producer: string; summaryZh: string }[];
  jointListing: unknown;
}
interface Rec {
  unacknowledged: { expectation: string; subjectId: string; owedBy: string; stepMissed: boolean }[];
  orphans: { type: string; refersTo: { kind: string; id: string } }[];
}
/** GET /inbox (libs/agency-inbox): what the office owes now, one item per step, with its presses (催办). */
interface Bi {
  zh: string;
  en: string;
}
interface Inbox {
  items: Array<{
    stepId: string;
    ruleId: string | null;
    status: string;
    role: string;
    owingAgencyId: string;
    ruleTitle: Bi | null;
    due: Bi | null;
    dueAt: string | null;
    read: boolean;
    presses: Array<{ message: string; text: Bi }>;
    escalations: Array<{ toLevel: string; message: string; text: Bi; toName: Bi }>;
  }>;
}

const H = 3_600_000;
const enc = encodeURIComponent;

describe('supervisor console: projection, actions, scope, reconciliation (no worker)', () => {
  const sys = new TestSystem(['enforcement', 'police', 'supervision'], {
    supervision: { SUPERVISION_SWEEP_MS: '1000' },
  });
  let a: Agencies;
  let sup: Api;
  const steps = (q: string): Promise<Page> => sup.get<Page>(`/steps?${q}`);
  const step = (stepId: string, ok: (s: Step) => boolean, what: string): Promise<Step> =>
    eventually(() => sup.get<Step>(`/steps/${enc(stepId)}`), ok, what);
  const inject = (specs: Parameters<typeof publish>[2]) => publish(endpoints().kafkaBrokers, sys.suffix, specs);
  /** A received transfer whose transfer.filing-review clock (3 days, E17 art 9; the worker's events) started 5 days ago and was missed. */
  const missedFilingReview = async (label: string) => {
    const t = await openAndSend(a, label);
    await polPhase(a.pol, t.transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${t.transferId}/receipt`, { receiptNumber: `R-${label}` });
    const now = Date.now();
    await inject(
      deadlineEvents({
        linkedCaseId: t.linkedCaseId,
        subjectId: t.transferId,
        ruleId: 'transfer.filing-review',
        owingAgencyId: POL,
        startedAt: new Date(now - 5 * 24 * H),
        dueAt: new Date(now - 2 * 24 * H),
        then: ['warning', 'missed'],
      }),
    );
    return { t, stepId: `${t.transferId}/transfer.filing-review` };
  };

  beforeAll(async () => {
    await sys.start();
    a = agencies(sys, { police: true, procuratorate: false });
    sup = new Api(sys.url('supervision'), sys.token('procuratorate:210100', ['supervisor'], 'sup-sun'));
  }, 240_000);
  afterAll(() => sys.stop(), 60_000);

  it('a sent transfer waits on its receipt (transfer.receipt derived from transfer.sent); signing closes it', async () => {
    const t = await openAndSend(a, 'receipt');
    const receiptId = `${t.transferId}/transfer.receipt`;
    const s = await step(receiptId, (x) => x.status === 'on-time', 'receipt step on time');
    expect(s).toMatchObject({
      ruleId: 'transfer.receipt',
      owingAgencyId: POL,
      waitingOnReceipt: true,
      source: 'derived',
      stuck: false,
    });
    expect((await steps('waitingOnReceipt=true&ruleId=transfer.receipt')).items.map((x) => x.stepId)).toContain(
      receiptId,
    );

    const c = await sup.get<CaseView>(`/cases/${t.linkedCaseId}`);
    expect(c.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['case.registered', 'transfer.crime-suspected', 'transfer.sent']),
    );
    expect(c.steps[0]!.rule!.basisText).toBe('R310 art 7; E17 art 7');
    expect(c.steps[0]!.explanation).toHaveProperty('countingMode', 'hours');

    await polPhase(a.pol, t.transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${t.transferId}/receipt`, { receiptNumber: '沈公（环）受字〔2026〕88号' });
    const closed = await step(receiptId, (x) => x.status === 'closed', 'receipt step closed');
    expect(closed.outcome).toBe('met');
    // pressing a closed step is refused with a stable code
    const r = await sup.call<{ code: string }>('POST', `/steps/${enc(receiptId)}/press`, { message: '请签收' }, 409);
    expect(r.body.code).toBe('STEP.CLOSED');
  });

  it('transfer.filing-review reported missed → overdue; pressing reaches the police inbox and the timeline; scope, roles, validation', async () => {
    const { t, stepId } = await missedFilingReview('overdue');
    const s = await step(stepId, (x) => x.status === 'overdue', 'filing review overdue');
    expect(s).toMatchObject({ stuck: true, stuckReasons: ['overdue'], overdueByDays: 2, source: 'workflow' });
    expect(
      (await steps('status=overdue&ruleId=transfer.filing-review&overdueByDays=2')).items.map((x) => x.stepId),
    ).toContain(stepId);
    expect((await steps('status=overdue&overdueByDays=3')).items.map((x) => x.stepId)).not.toContain(stepId);
    const counts = await sup.get<{ byAgency: { owingAgencyId: string; counts: Record<string, number> }[] }>(
      '/steps/counts',
    );
    expect(counts.byAgency.find((x) => x.owingAgencyId === POL)!.counts.overdue).toBeGreaterThanOrEqual(1);

    // validation, role and region
    const empty = await sup.call<{ code: string }>('POST', `/steps/${enc(stepId)}/press`, { message: '   ' }, 400);
    expect(empty.body.code).toBe('REQUEST.VALIDATION_FAILED');
    const officer = new Api(sys.url('supervision'), sys.token('procuratorate:210100', ['officer']));
    expect((await officer.call<{ code: string }>('GET', '/steps', undefined, 403)).body.code).toBe(
      'AUTH.ROLE_NOT_ALLOWED',
    );
    const dalian = new Api(sys.url('supervision'), sys.token('procuratorate:210200', ['supervisor']));
    expect(
      (await dalian.call<{ code: string }>('POST', `/steps/${enc(stepId)}/press`, { message: 'x' }, 404)).body.code,
    ).toBe('STEP.NOT_FOUND');
    expect((await dalian.get<Page>('/steps?pageSize=200')).items.some((x) => x.linkedCaseId === t.linkedCaseId)).toBe(
      false,
    );
    expect((await dalian.call<{ code: string }>('GET', `/cases/${t.linkedCaseId}`, undefined, 404)).body.code).toBe(
      'CASE.NOT_FOUND',
    );
    const province = new Api(sys.url('supervision'), sys.token('procuratorate:210000', ['supervisor']));
    expect((await province.get<Step>(`/steps/${enc(stepId)}`)).status).toBe('overdue');

    // SSE: the press is pushed to a connected supervisor
    const controller = new AbortController();
    const sse = await fetch(`${sys.url('supervision')}/events`, {
      headers: { authorization: `Bearer ${sys.token('procuratorate:210100', ['supervisor'])}` },
      signal: controller.signal,
    });
    expect(sse.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = sse.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const heard = (async () => {
      while (!text.includes('supervision.pressed')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
    })();

    const pressed = await sup.post<{ eventId: string; owingAgencyId: string }>(`/steps/${enc(stepId)}/press`, {
      message: '立案审查已逾期，请于今日内作出决定。',
    });
    expect(pressed.owingAgencyId).toBe(POL);
    await Promise.race([heard, new Promise((r) => setTimeout(r, 10_000))]);
    controller.abort();
    expect(text).toContain('event: hello');
    expect(text).toContain('supervision.pressed');
    const again = await sup.call<{ code: string }>('POST', `/steps/${enc(stepId)}/press`, { message: 'again' }, 409);
    expect(again.body.code).toBe('STEP.PRESSED_RECENTLY');

    // 催办 reaches the police office's inbox through Kafka (libs/agency-inbox)
    const inbox = await eventually(
      () => a.pol.get<Inbox>(`/inbox?linkedCaseId=${t.linkedCaseId}`),
      (r) => r.items.some((i) => i.stepId === stepId && i.presses.length > 0),
      'police inbox has the press on the owed step',
    );
    // the press names the pressing office (the supervisor's own procuratorate, supervision.pressed v2)
    expect(inbox.items.find((i) => i.stepId === stepId)!.presses).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('立案审查已逾期'),
        byAgencyId: 'procuratorate:210100',
        byName: { zh: expect.stringMatching(/检察院$/), en: expect.stringMatching(/Procuratorate/) },
      }),
    ]);

    const esc = await sup.post<{ toLevel: string }>(`/steps/${enc(stepId)}/escalate`, { message: '报请上级督办' });
    expect(esc.toLevel).toBe('police:210000');
    await sup.post(`/cases/${t.linkedCaseId}/joint-listing`, { reviewInterval: 'P14D', reason: '重大案件' });
    expect(
      (
        await sup.call<{ code: string }>(
          'POST',
          `/cases/${t.linkedCaseId}/joint-listing`,
          { reviewInterval: 'P14D', reason: 'x' },
          409,
        )
      ).body.code,
    ).toBe('CASE.ALREADY_JOINT_LISTED');
    expect(
      (
        await sup.call<{ code: string }>(
          'POST',
          `/cases/${t.linkedCaseId}/joint-listing`,
          { reviewInterval: '14 days', reason: 'x' },
          400,
        )
      ).body.code,
    ).toBe('REQUEST.VALIDATION_FAILED');

    const c = await sup.get<CaseView>(`/cases/${t.linkedCaseId}`);
    const types = c.timeline.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'transfer.receipt-signed',
        'deadline.started',
        'deadline.missed',
        'supervision.pressed',
        'supervision.escalated',
        'supervision.joint-listed',
      ]),
    );
    expect(c.jointListing).not.toBeNull();
    expect((await sup.get<Step>(`/steps/${enc(stepId)}`)).pressCount).toBe(1);
  });

  it('a step owed by a party (the defendant ordered to restore) names it, followed by the plaintiff; no agency is pressed or escalated for it', async () => {
    const linkedCaseId = randomUUID();
    const subjectId = randomUUID();
    const now = Date.now();
    await inject(
      deadlineEvents({
        linkedCaseId,
        subjectId,
        ruleId: 'court.restoration-order',
        owingAgencyId: 'procuratorate:210100',
        owner: { kind: 'party', role: 'liable-party', name: '被告 defendant' },
        startedAt: new Date(now - 5 * 24 * H),
        dueAt: new Date(now - 2 * 24 * H),
        then: ['missed'],
      }),
    );
    const stepId = `${subjectId}/court.restoration-order`;
    const s = await step(stepId, (x) => x.status === 'overdue', 'the restoration order overdue');
    expect(s).toMatchObject({
      owingAgencyId: 'procuratorate:210100',
      owner: { kind: 'party', role: 'liable-party', name: '被告 defendant' },
      ownerName: { en: 'liable party (被告 defendant)' },
    });
    const press = await sup.call<{ code: string }>('POST', `/steps/${enc(stepId)}/press`, { message: '请督促' }, 409);
    expect(press.body.code).toBe('STEP.NOT_PRESSABLE');
    const up = await sup.call<{ code: string }>('POST', `/steps/${enc(stepId)}/escalate`, { message: '请督促' }, 409);
    expect(up.body.code).toBe('STEP.NOT_ESCALATABLE');
    expect((await sup.get<Step>(`/steps/${enc(stepId)}`)).pressCount).toBe(0);
  });

  it("escalation goes to a superior of the owing office only, each level once; the superior office sees the step, the owing office's item shows it (attack #5, try #9)", async () => {
    const { t, stepId } = await missedFilingReview('escalate');
    await step(stepId, (x) => x.status === 'overdue', 'filing review overdue');
    await eventually(
      () => a.pol.get<Inbox>(`/inbox?linkedCaseId=${t.linkedCaseId}`),
      (r) => r.items.some((i) => i.stepId === stepId && i.status === 'missed'),
      'police owes the step',
    );
    const url = `/steps/${enc(stepId)}/escalate`;

    // attack-findings #5, exact inputs: the owing office itself, Dalian, other kinds, no such division; try-findings #9: procuratorate:210000
    for (const toLevel of [
      'police:210100',
      'police:210200',
      'court:000000',
      'enforcement:210000',
      'police:999999',
      'procuratorate:210000',
    ]) {
      const r = await sup.call<{ code: string; message: string; details: { allowedTargets: string[] } }>(
        'POST',
        url,
        { message: 'm', toLevel },
        400,
      );
      expect([toLevel, r.body.code, r.body.details.allowedTargets]).toEqual([
        toLevel,
        'STEP.ESCALATION_TARGET_INVALID',
        ['police:210000', 'police:000000'],
      ]);
      expect(r.body.message).toContain('police:210000 or police:000000');
    }
    const first = await sup.post<{ toLevel: string }>(url, { message: '逾期三日仍未作出立案决定，报请上级督办。' });
    expect(first.toLevel).toBe('police:210000');
    const again = await sup.call<{ code: string; details: { allowedTargets: string[] } }>(
      'POST',
      url,
      { message: 'again' },
      409,
    );
    expect([again.body.code, again.body.details.allowedTargets]).toEqual(['STEP.ALREADY_ESCALATED', ['police:000000']]);
    expect(
      (await sup.post<{ toLevel: string }>(url, { message: '报请公安部督办', toLevel: 'police:000000' })).toLevel,
    ).toBe('police:000000');
    expect(
      (await sup.call<{ code: string }>('POST', url, { message: 'down', toLevel: 'police:210000' }, 409)).body.code,
    ).toBe('STEP.ALREADY_ESCALATED');
    expect((await sup.call<{ code: string }>('POST', url, { message: 'm' }, 409)).body.code).toBe(
      'STEP.ALREADY_ESCALATED',
    );
    const c = await sup.get<CaseView>(`/cases/${t.linkedCaseId}`);
    expect(c.timeline.filter((e) => e.type === 'supervision.escalated')).toHaveLength(2);

    // the provincial office sees the escalated step in its inbox, as a step it supervises, with the step's rule and due date
    const province = new Api(sys.url('police'), sys.token('police:210000', ['officer']));
    const above = await eventually(
      () => province.get<Inbox>(`/inbox?linkedCaseId=${t.linkedCaseId}`),
      (r) => r.items.some((i) => i.stepId === stepId),
      'province inbox has the escalated step',
    );
    expect(above.items.find((i) => i.stepId === stepId)).toMatchObject({
      role: 'supervises',
      owingAgencyId: POL,
      ruleId: 'transfer.filing-review',
      status: 'missed',
      read: false,
      ruleTitle: { zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.stringMatching(/^[\x20-\x7e]+$/) },
      due: { zh: expect.any(String), en: expect.any(String) },
      escalations: [expect.objectContaining({ toLevel: 'police:210000' })],
    });
    // the owing office's item shows both escalations; texts one language per field (the message quoted as typed)
    await sup.post(`/steps/${enc(stepId)}/press`, { message: '请于今日内作出决定。' });
    const own = await eventually(
      () => a.pol.get<Inbox>(`/inbox?linkedCaseId=${t.linkedCaseId}`),
      (r) => r.items.some((i) => i.stepId === stepId && i.escalations.length === 2 && i.presses.length === 1),
      'police item shows the escalations and the press',
    );
    const item = own.items.find((i) => i.stepId === stepId)!;
    expect(item).toMatchObject({
      role: 'owes',
      owingAgencyId: POL,
      ruleId: 'transfer.filing-review',
      ruleTitle: expect.anything(),
      due: expect.anything(),
    });
    expect(item.escalations.map((x) => x.toLevel)).toEqual(['police:210000', 'police:000000']);
    expect(item.escalations[0]!.text.zh).toMatch(/^督办人员报请.+督办：逾期三日/);
    expect(item.escalations[0]!.text.en).toMatch(/^a supervisor escalated to [\x20-\x7e]+: /);
    expect(item.presses[0]!.text.zh).toMatch(/^.+检察院督办人员催办.+：请于今日内作出决定。$/);
    expect(item.presses[0]!.text.en).toMatch(
      /^a supervisor of [\x20-\x7e]+Procuratorate[\x20-\x7e]* pressed [\x20-\x7e]+: /,
    );
    expect((await province.get<Inbox>(`/inbox?linkedCaseId=${t.linkedCaseId}&role=owes`)).items).toEqual([]);
  });

  it('the live stream ends when its token expires (attack #6)', async () => {
    const short = issueToken({
      agencyId: 'procuratorate:210100',
      roles: ['supervisor'],
      secret: DEV_JWT_SECRET,
      ttl: '2s',
    });
    const opened = Date.now();
    const sse = await fetch(`${sys.url('supervision')}/events`, { headers: { authorization: `Bearer ${short}` } });
    expect(sse.status).toBe(200);
    const reader = sse.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const ended = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return true;
        text += value;
      }
    })();
    expect(await Promise.race([ended, new Promise((r) => setTimeout(() => r(false), 15_000))])).toBe(true);
    expect(Date.now() - opened).toBeLessThan(15_000);
    expect(text).toContain('event: hello');
    expect(text).toContain('event: expired');
    expect(text.slice(text.indexOf('event: expired'))).not.toContain('event: change');
    const reconnect = await fetch(`${sys.url('supervision')}/events`, {
      headers: { authorization: `Bearer ${short}` },
    });
    expect(reconnect.status).toBe(401);
    await reconnect.body?.cancel();
  });

  it('reconciliation: a transfer never received (receipt step missed) and an orphan police event', async () => {
    const t = await openAndSend(a, 'never-received');
    const now = Date.now();
    await inject(
      deadlineEvents({
        linkedCaseId: t.linkedCaseId,
        subjectId: t.transferId,
        ruleId: 'transfer.receipt',
        owingAgencyId: POL,
        startedAt: new Date(now - 30 * H),
        dueAt: new Date(now - 6 * H),
        then: ['missed'],
      }),
    );
    const s = await step(`${t.transferId}/transfer.receipt`, (x) => x.status === 'overdue', 'receipt overdue');
    expect(s.stuckReasons).toEqual(['overdue', 'no-receipt']);
    const ghost = randomUUID();
    await inject([
      {
        type: 'transfer.receipt-signed',
        linkedCaseId: randomUUID(),
        producer: { kind: 'police', agencyId: POL },
        actor: 'pol-officer-wang',
        payload: { transferId: ghost, receiptNumber: 'R-ghost' },
      },
    ]);
    const rec = await eventually(
      () => sup.get<Rec>('/reconciliation?graceSeconds=0'),
      (r) =>
        r.orphans.some((o) => o.refersTo.id === ghost) && r.unacknowledged.some((u) => u.subjectId === t.transferId),
      'reconciliation lists both',
    );
    expect(rec.unacknowledged.find((u) => u.subjectId === t.transferId)).toMatchObject({
      expectation: 'receipt',
      owedBy: POL,
      stepMissed: true,
    });
    expect(rec.orphans.find((o) => o.refersTo.id === ghost)).toMatchObject({
      type: 'transfer.receipt-signed',
      refersTo: { kind: 'transfer-sent' },
    });
  });

  it('reconciliation lists dead-lettered events of the region with the id to replay them', async () => {
    const linkedCaseId = randomUUID();
    const lost = createEnvelope({
      type: 'transfer.filing-decided',
      version: 1,
      linkedCaseId,
      producer: { kind: 'police', agencyId: POL },
      actor: { officerId: 'pol-officer-wang' },
      payload: { transferId: randomUUID(), outcome: 'filed' },
    });
    const elsewhere = createEnvelope({
      type: 'transfer.receipt-signed',
      version: 1,
      linkedCaseId,
      producer: { kind: 'police', agencyId: 'police:440100' },
      actor: { officerId: 'gz' },
      payload: { transferId: randomUUID(), receiptNumber: 'R' },
    });
    const record = (e: { eventId: string }) =>
      deadLetterRecord(
        {
          consumerGroup: 'casebridge-enforcement',
          topic: `casebridge.police.events.v1.${sys.suffix}`,
          partition: 0,
          offset: '7',
          key: linkedCaseId,
          value: JSON.stringify(e),
        },
        'handler-failed',
        'failed 10 time(s)',
      );
    const producer = sys.kafka().producer();
    await producer.connect();
    await producer.send({
      topic: `${Topics.deadLetter}.${sys.suffix}`,
      messages: [lost, elsewhere].map((e) => ({ key: linkedCaseId, value: JSON.stringify(record(e)) })),
    });
    await producer.disconnect();
    const rec = await sup.get<{
      deadLetters: {
        id: string;
        eventId: string;
        type: string;
        reason: string;
        producer: string;
        consumerGroup: string;
      }[];
    }>('/reconciliation');
    expect(
      rec.deadLetters
        .filter((d) => d.eventId === lost.eventId || d.eventId === elsewhere.eventId)
        .map((d) => [d.type, d.reason, d.producer, d.consumerGroup]),
    ).toEqual([['transfer.filing-decided', 'handler-failed', POL, 'casebridge-enforcement']]); // Guangzhou's is outside the region
    expect(rec.deadLetters.find((d) => d.eventId === lost.eventId)!.id).toMatch(/^\d+:\d+$/);
  });

  it('idle rule: with ≥ 20 closed transfer.decision-notice steps, an open one older than their p95 is stuck', async () => {
    const lc = randomUUID();
    const now = Date.now();
    const closedSteps = Array.from({ length: 20 }, (_, i) =>
      deadlineEvents({
        linkedCaseId: lc,
        subjectId: randomUUID(),
        ruleId: 'transfer.decision-notice',
        owingAgencyId: POL,
        startedAt: new Date(now - (10 + i) * H),
        dueAt: new Date(now + 48 * H),
        then: ['met'],
      }),
    ).flat();
    await inject(closedSteps);
    const openId = randomUUID();
    // closes within an hour or so of starting (the injected close is "now"): durations 10–29 h, p95 ≈ 28 h; this one is open for 40 h
    await inject(
      deadlineEvents({
        linkedCaseId: lc,
        subjectId: openId,
        ruleId: 'transfer.decision-notice',
        owingAgencyId: POL,
        startedAt: new Date(now - 40 * H),
        dueAt: new Date(now + 30 * H),
      }),
    );
    const s = await step(`${openId}/transfer.decision-notice`, (x) => x.status === 'stuck', 'idle step stuck');
    expect(s.stuckReasons).toEqual(['idle-p95']);
  });

  it("a moved idle threshold locks none of the rule's other open steps: its closings go through while one is held, which turns stuck once free (issue 14: 40P01)", async () => {
    // bench:load logged deadlocks between a closing's UPDATE of every open step of its rule and another closing's
    // upsert of the rule's timing row. Now the closing only marks the rule; the sweeper nudges the open steps without
    // waiting (SKIP LOCKED) and keeps the mark until it reached them all.
    const rule = 'consultation.written-reply';
    const lc = randomUUID();
    const now = Date.now();
    const [heldId, freeId] = [randomUUID(), randomUUID()];
    await inject(
      [heldId, freeId].flatMap((subjectId) =>
        deadlineEvents({
          linkedCaseId: lc,
          subjectId,
          ruleId: rule,
          owingAgencyId: POL,
          startedAt: new Date(now - 40 * H),
          dueAt: new Date(now + 30 * H),
        }),
      ),
    );
    const [held, free] = [`${heldId}/${rule}`, `${freeId}/${rule}`];
    for (const id of [held, free]) await step(id, (x) => x.status === 'on-time' && !x.stuck, `${id} open, on time`);
    const db = await sys.sql('supervision');
    try {
      await db.query('BEGIN');
      await db.query('SELECT step_id FROM supervision_step WHERE step_id = $1 FOR UPDATE', [held]);
      const closed = Array.from({ length: 20 }, () => randomUUID());
      await inject(
        closed.flatMap((subjectId, i) =>
          deadlineEvents({
            linkedCaseId: lc,
            subjectId,
            ruleId: rule,
            owingAgencyId: POL,
            startedAt: new Date(now - (10 + i) * H),
            dueAt: new Date(now + 48 * H),
            then: ['met'],
          }),
        ),
      );
      // all 20 closings are applied while the open step of their rule is locked (before: the 20th waited on it)
      for (const id of closed) await step(`${id}/${rule}`, (x) => x.closedAt !== null, `closing of ${id} applied`);
      const timing = async () => {
        const c = await sys.sql('supervision');
        try {
          return (
            await c.query<{ samples: number; rescan: Date | null }>(
              'SELECT samples, rescan_requested_at AS rescan FROM supervision_rule_timing WHERE rule_id = $1',
              [rule],
            )
          ).rows[0];
        } finally {
          await c.end();
        }
      };
      // the sweeper (every second here) reached the free step of the rule but not the held one, so the rule stays marked
      expect(
        (await step(free, (x) => x.status === 'stuck', 'free step stuck while the other is held')).stuckReasons,
      ).toEqual(['idle-p95']);
      await new Promise((r) => setTimeout(r, 2000));
      expect(await timing()).toMatchObject({ samples: 20, rescan: expect.any(Date) });
      await db.query('ROLLBACK');
      const s = await step(held, (x) => x.status === 'stuck', 'held step stuck once free');
      expect(s.stuckReasons).toEqual(['idle-p95']);
      await eventually(timing, (t) => t?.rescan === null, 'rule mark cleared');
    } finally {
      await db.end();
    }
  });
});

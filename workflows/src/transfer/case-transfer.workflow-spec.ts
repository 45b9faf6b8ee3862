/**
 * caseTransferWorkflow on Temporal's time-skipping server (one environment and one worker for the
 * file). Events go through the real TemporalBridge; deadline events land in an in-memory sink.
 * Test names cite the rule ids of deadlines.md.
 */
import { v7 as uuidv7 } from 'uuid';
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import { SearchAttributeKeys } from '../search-attributes';
import {
  DAYS,
  ENFORCEMENT,
  HOURS,
  POLICE,
  PROCURATORATE,
  TransferDriver,
  eventually,
  startCaseTestKit,
  type CaseTestKit,
} from '../testing/workflow-test-kit';
import type { TransferStateView } from './transfer.contracts';

// Workflows left running by a test are NOT terminated: the Java test server keeps time skipping locked
// for a task whose workflow is terminated while the task is in flight, and every later env.sleep would
// then wait in real time. Their later timers only add deadline events of their own subjects.
let kit: CaseTestKit;

beforeAll(async () => {
  kit = await startCaseTestKit(await createTimeSkippingEnv());
});
afterAll(async () => {
  await kit?.close();
});

function driver(): TransferDriver {
  return new TransferDriver(kit);
}

async function finalState(d: TransferDriver): Promise<TransferStateView> {
  return (await d.handle().result()) as TransferStateView;
}

/** Advances the test server's clock to `ms` (epoch) by skipping time. */
async function sleepUntil(ms: number): Promise<void> {
  const now = await kit.now();
  if (ms > now) await kit.env.sleep(ms - now);
}

/** Warning instant of a step: the configured lead (24 h), never more than 1/3 of the period. */
function warningAt(since: string, dueAtMs: number): number {
  return dueAtMs - Math.min(HOURS(24), (dueAtMs - Date.parse(since)) / 3);
}

/** Index of an event in the sink (publishing order). */
function order(eventId: string): number {
  return kit.sink.envelopes.findIndex((e) => e.eventId === eventId);
}

function outcomes(state: TransferStateView): Record<string, string> {
  return Object.fromEntries(state.closedSteps.map((s) => [s.stepId.split('/')[1]!, s.outcome]));
}

describe('caseTransferWorkflow', () => {
  it('happy path: filed and items handed over (transfer.team-report … transfer.items-handover all met)', async () => {
    const d = driver();
    await d.crimeSuspected();
    expect((await d.state()).openSteps.map((s) => [s.ruleId, s.owingAgencyId, s.status])).toEqual([
      ['transfer.team-report', ENFORCEMENT, 'running'],
    ]);
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    const afterSent = await d.state();
    expect(afterSent.openSteps.map((s) => [s.ruleId, s.owingAgencyId])).toEqual([['transfer.receipt', POLICE]]);
    expect(afterSent.procuratorateAgencyId).toBe(PROCURATORATE);
    await d.receiptSigned();
    await d.filingDecided('filed');
    await d.itemsHandedOver();
    const state = await finalState(d);
    expect(state.outcome).toBe('items-handed-over');
    expect(state.finished).toBe(true);
    expect(outcomes(state)).toEqual({
      'transfer.team-report': 'met',
      'transfer.head-decision': 'met',
      'transfer.handover': 'met',
      'transfer.copy-to-procuratorate': 'met',
      'transfer.receipt': 'met',
      'transfer.filing-review': 'met',
      'transfer.decision-notice': 'met',
      'transfer.items-handover': 'met',
    });
    expect(kit.sink.summary(d.transferId)).toEqual([
      'deadline.started transfer.team-report',
      'deadline.closed transfer.team-report met',
      'deadline.started transfer.head-decision',
      'deadline.closed transfer.head-decision met',
      'deadline.started transfer.handover',
      'deadline.closed transfer.handover met',
      'deadline.started transfer.copy-to-procuratorate',
      'deadline.closed transfer.copy-to-procuratorate met',
      'deadline.started transfer.receipt',
      'deadline.closed transfer.receipt met',
      'deadline.started transfer.filing-review',
      'deadline.closed transfer.filing-review met',
      'deadline.started transfer.decision-notice',
      'deadline.closed transfer.decision-notice met',
      'deadline.started transfer.items-handover',
      'deadline.closed transfer.items-handover met',
    ]);
    const desc = await d.handle().describe();
    expect(desc.typedSearchAttributes.get(SearchAttributeKeys.linkedCaseId)).toBe(d.linkedCaseId);
    expect(desc.typedSearchAttributes.get(SearchAttributeKeys.region)).toBe('210100');
    expect(desc.typedSearchAttributes.get(SearchAttributeKeys.overdue)).toBe(false);
    // the Temporal UI names the case: number and party from transfer.sent (memo, behind patched 'case-memo-v1')
    expect(await desc.memo).toMatchObject({ caseNumber: '辽沈环罚〔2025〕12号', party: expect.any(String) });
    // timers and activities name their rule (summaries, behind patched 'timer-summary-v1' / 'activity-summary-v1')
    const history = await d.handle().fetchHistory();
    const summaryOf = (e: { userMetadata?: { summary?: { data?: Uint8Array | null } | null } | null }) => {
      const data = e.userMetadata?.summary?.data;
      return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as string) : null;
    };
    const timers = (history.events ?? []).filter((e) => e.timerStartedEventAttributes).map(summaryOf);
    const activities = (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes).map(summaryOf);
    expect(timers.length).toBeGreaterThan(0);
    expect(
      timers.every((t) =>
        /^transfer\.[a-z-]+ (due|warning) \d{4}-\d\d-\d\dT.* \((enforcement|police):210100\)$/.test(t ?? ''),
      ),
    ).toBe(true);
    expect(activities).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^compute transfer\.receipt \(standard\) for police:210100$/),
        expect.stringMatching(/^publish started transfer\./),
      ]),
    );
  });

  it('not filed → reconsideration → upheld → supervision requested (transfer.reconsideration-request, transfer.reconsideration-decision, transfer.supervision-request)', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    await d.receiptSigned();
    await d.filingDecided('not-filed');
    const notFiled = await d.state();
    expect(notFiled.phase).toBe('not-filed');
    expect(notFiled.openSteps.map((s) => [s.ruleId, s.owingAgencyId])).toEqual([
      ['transfer.reconsideration-request', ENFORCEMENT],
    ]);
    expect(notFiled.openSteps[0]!.explain).toMatchObject({ countingMode: 'working-days' });
    await d.reconsiderationRequested();
    expect((await d.state()).openSteps.map((s) => [s.ruleId, s.owingAgencyId])).toEqual([
      ['transfer.reconsideration-decision', POLICE],
    ]);
    await d.reconsiderationDecided('upheld');
    expect((await d.state()).openSteps.map((s) => [s.ruleId, s.owingAgencyId])).toEqual([
      ['transfer.supervision-request', ENFORCEMENT],
    ]);
    await d.supervisionRequested('upheld-on-reconsideration');
    // The request is now owed a review by the procuratorate: the transfer does not end (issue #9 item 5).
    const requested = await d.state();
    expect(requested).toMatchObject({ phase: 'supervision-requested', finished: false, outcome: null });
    expect(requested.openSteps.map((s) => [s.ruleId, s.owingAgencyId])).toEqual([
      ['supervision.request-review', PROCURATORATE],
    ]);
    expect(outcomes(requested)).toMatchObject({
      'transfer.filing-review': 'met',
      'transfer.decision-notice': 'met',
      'transfer.reconsideration-request': 'met',
      'transfer.reconsideration-decision': 'met',
      'transfer.supervision-request': 'met',
    });
    const supervisionId = uuidv7();
    await d.supervisionOpened(supervisionId, 'upheld-on-reconsideration');
    const opened = await d.state();
    expect(opened).toMatchObject({ phase: 'under-supervision', finished: false });
    expect(opened.openSteps).toEqual([]);
    expect(outcomes(opened)['supervision.request-review']).toBe('met');
    // The police file on the procuratorate's notice: enforcement owes the seized items (issue #9 item 7).
    await d.filingDecided('filed', undefined, supervisionId);
    const filed = await d.state();
    expect(filed.phase).toBe('filed');
    expect(filed.openSteps.map((s) => [s.ruleId, s.owingAgencyId])).toEqual([['transfer.items-handover', ENFORCEMENT]]);
    await d.itemsHandedOver();
    const state = await finalState(d);
    expect(state.outcome).toBe('items-handed-over');
    expect(state.openSteps).toEqual([]);
  });

  it('not filed → straight to filing supervision closes transfer.reconsideration-request (E17 art 11); supervision.request-review runs out to the procuratorate; the reasons accepted end the transfer', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    await d.receiptSigned();
    await d.filingDecided('not-filed');
    await d.supervisionRequested('not-filed');
    const requested = await d.state();
    expect(requested.phase).toBe('supervision-requested');
    expect(outcomes(requested)['transfer.reconsideration-request']).toBe('met');
    expect(requested.openSteps.map((s) => s.ruleId)).toEqual(['supervision.request-review']);
    const [started] = await d.published('deadline.started', 'supervision.request-review');
    expect(started!.payload).toMatchObject({ owingAgencyId: PROCURATORATE, variant: 'standard' });
    await sleepUntil(Date.parse(String(started!.payload.dueAt)) + 1000);
    const [missed] = await d.published('deadline.missed', 'supervision.request-review');
    expect(missed!.payload).toMatchObject({ owingAgencyId: PROCURATORATE, onExpiry: 'supervisor warning' });
    const supervisionId = uuidv7();
    await d.supervisionOpened(supervisionId, 'not-filed');
    expect(outcomes(await d.state())['supervision.request-review']).toBe('late');
    await d.reasonsAccepted(supervisionId);
    const state = await finalState(d);
    expect(state).toMatchObject({ outcome: 'non-filing-final', openSteps: [] });
  });

  it('returned for penalty: transfer.return-for-penalty met by the decision itself', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    await d.receiptSigned();
    await d.filingDecided('returned-for-penalty');
    const state = await finalState(d);
    expect(state.outcome).toBe('returned-for-penalty');
    expect(outcomes(state)).toMatchObject({
      'transfer.filing-review': 'met',
      'transfer.decision-notice': 'met',
      'transfer.return-for-penalty': 'met',
    });
    expect(state.openSteps).toEqual([]);
  });

  it('materials incomplete → supplemented → filed (transfer.materials-notice checked afterwards, transfer.materials-supplement)', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    await d.receiptSigned();
    await d.materialsRequested();
    const requested = await d.state();
    expect(requested.phase).toBe('materials-requested');
    expect(requested.openSteps.map((s) => [s.ruleId, s.owingAgencyId]).sort()).toEqual([
      ['transfer.filing-review', POLICE],
      ['transfer.materials-supplement', ENFORCEMENT],
    ]);
    expect(outcomes(requested)['transfer.materials-notice']).toBe('met');
    await d.materialsSupplemented();
    expect((await d.state()).phase).toBe('received');
    await d.filingDecided('filed');
    await d.itemsHandedOver();
    const state = await finalState(d);
    expect(state.outcome).toBe('items-handed-over');
    expect(outcomes(state)).toMatchObject({
      'transfer.materials-notice': 'met',
      'transfer.materials-supplement': 'met',
    });
  });

  it('not competent → forwarded 30 hours after the receipt: transfer.forward-or-return closed late for the forwarding office; the receiving office owes transfer.receipt, then transfer.filing-review', async () => {
    const FORWARDED_TO = 'police:210200';
    const d = driver();
    await d.untilReceipt();
    await kit.env.sleep(HOURS(30));
    await d.forwarded('forwarded');
    const forwarded = await d.state();
    expect(forwarded).toMatchObject({ finished: false, outcome: null, phase: 'sent', policeAgencyId: FORWARDED_TO });
    expect(forwarded.closedSteps.find((s) => s.ruleId === 'transfer.forward-or-return')).toMatchObject({
      owingAgencyId: POLICE,
      outcome: 'late',
    });
    expect(outcomes(forwarded)).toMatchObject({ 'transfer.filing-review': 'moot' });
    expect(forwarded.openSteps.map((s) => [s.ruleId, s.owingAgencyId])).toEqual([['transfer.receipt', FORWARDED_TO]]);
    await d.receiptSigned();
    const received = await d.state();
    expect(received.phase).toBe('received');
    expect(received.openSteps.map((s) => [s.ruleId, s.owingAgencyId])).toEqual([
      ['transfer.filing-review', FORWARDED_TO],
    ]);
    const started = await d.published('deadline.started', 'transfer.filing-review', 2);
    expect(started.map((e) => e.payload.owingAgencyId)).toEqual([POLICE, FORWARDED_TO]);
    await d.filingDecided('filed');
    await d.itemsHandedOver();
    const state = await finalState(d);
    expect(state.outcome).toBe('items-handed-over');
    expect(kit.sink.summary(d.transferId)).toEqual(
      expect.arrayContaining([
        'deadline.started transfer.forward-or-return',
        'deadline.closed transfer.forward-or-return late',
        'deadline.closed transfer.filing-review moot',
        'deadline.closed transfer.filing-review met',
      ]),
    );
  });

  it('materials: a supplement of another kind than asked leaves transfer.materials-supplement open; the asked kind closes it (try-findings #6)', async () => {
    const d = driver();
    await d.untilReceipt();
    await d.materialsRequested();
    await d.materialsSupplemented(undefined, [{ kind: 'other', title: '补充说明' }]);
    const partial = await d.state();
    expect(partial.phase).toBe('materials-requested');
    expect(partial.openSteps.map((s) => s.ruleId)).toContain('transfer.materials-supplement');
    expect(outcomes(partial)['transfer.materials-supplement']).toBeUndefined();
    await d.materialsSupplemented();
    const done = await d.state();
    expect(done.phase).toBe('received');
    expect(outcomes(done)['transfer.materials-supplement']).toBe('met');
  });

  it('not competent → returned at once: transfer.forward-or-return met', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    await d.receiptSigned();
    await d.forwarded('returned');
    const state = await finalState(d);
    expect(state.outcome).toBe('returned-not-competent');
    expect(outcomes(state)['transfer.forward-or-return']).toBe('met');
  });

  it('refused by the head: transfer.head-decision met, the transfer ends', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('refused');
    const state = await finalState(d);
    expect(state.outcome).toBe('refused');
    expect(state.openSteps).toEqual([]);
    expect(outcomes(state)).toEqual({ 'transfer.team-report': 'met', 'transfer.head-decision': 'met' });
  });

  it('procuratorate opinion → sent (transfer.after-procuratorate-opinion) → filed', async () => {
    const d = driver();
    await d.procuratorateOpinion();
    const opened = await d.state();
    expect(opened.phase).toBe('opinion-received');
    expect(opened.openSteps.map((s) => [s.ruleId, s.owingAgencyId])).toEqual([
      ['transfer.after-procuratorate-opinion', ENFORCEMENT],
    ]);
    await d.sent();
    await d.receiptSigned();
    await d.filingDecided('filed');
    await d.itemsHandedOver();
    const state = await finalState(d);
    expect(state.outcome).toBe('items-handed-over');
    expect(outcomes(state)).toMatchObject({
      'transfer.after-procuratorate-opinion': 'met',
      'transfer.copy-to-procuratorate': 'met',
    });
  });

  it('review extended 3 → 30 days: transfer.filing-review recomputed from the same start (transfer.review-extended)', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    const receipt = await d.receiptSigned();
    const standard = kit.engine.compute({ rule: 'transfer.filing-review', from: receipt.occurredAt });
    const [before] = (await d.state()).openSteps;
    expect(before).toMatchObject({ ruleId: 'transfer.filing-review', variant: 'standard', dueAt: standard.dueAt });

    // Without the required approval an extension is refused (non-retryable APPROVAL_REQUIRED) and changes nothing.
    await d.handle().signal('extendDeadline', { stepId: before!.stepId, variant: 'major-complex' });
    const refused = await eventually(async () => {
      const s = await d.state();
      return s.rejections.length ? s : undefined;
    }, 'rejection');
    expect(refused.rejections[0]).toMatchObject({
      command: 'extend',
      code: 'APPROVAL_REQUIRED',
      stepId: before!.stepId,
    });
    expect(refused.openSteps[0]!.dueAt).toBe(standard.dueAt);

    await kit.env.sleep(HOURS(1));
    await d.reviewExtended('major-complex');
    const major = kit.engine.compute({
      rule: 'transfer.filing-review',
      variant: 'major-complex',
      from: receipt.occurredAt,
    });
    const [after] = (await d.state()).openSteps;
    expect(after).toMatchObject({ variant: 'major-complex', dueAt: major.dueAt, since: receipt.occurredAt });
    expect(after!.explain).toMatchObject({
      extensions: [expect.objectContaining({ toVariant: 'major-complex', approvedBy: '县公安局局长 王某' })],
    });
    const started = await d.published('deadline.started', 'transfer.filing-review', 2);
    expect(started.map((e) => e.payload.dueAt)).toEqual([standard.dueAt, major.dueAt]);
    expect(started[1]!.eventId).not.toBe(started[0]!.eventId);

    // The standard due instant passes without a miss.
    await sleepUntil(standard.dueAtEpochMs + HOURS(1));
    await d.filingDecided('filed');
    expect(kit.sink.of(d.transferId, { type: 'deadline.missed', ruleId: 'transfer.filing-review' })).toEqual([]);
    expect(outcomes(await d.state())['transfer.filing-review']).toBe('met');
  });

  it('extendDeadline signal: transfer.filing-review standard → verification (7 days)', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    const receipt = await d.receiptSigned();
    const [step] = (await d.state()).openSteps;
    await d.handle().signal('extendDeadline', { stepId: step!.stepId, variant: 'verification' });
    const verification = kit.engine.compute({
      rule: 'transfer.filing-review',
      variant: 'verification',
      from: receipt.occurredAt,
    });
    const extended = await eventually(async () => {
      const [s] = (await d.state()).openSteps;
      return s?.variant === 'verification' ? s : undefined;
    }, 'extension');
    expect(extended.dueAt).toBe(verification.dueAt);
  });

  it('duplicate signal ignored: a redelivered transfer.crime-suspected changes nothing (transfer.team-report)', async () => {
    const d = driver();
    const first = await d.crimeSuspected();
    const before = await d.state();
    const redelivered = await kit.bridge.deliver(first);
    expect(redelivered.map((o) => o.status)).toEqual(['delivered']);
    await d.handle().signal('caseEvent', {
      eventId: first.eventId,
      type: first.type,
      occurredAt: first.occurredAt,
      producerAgencyId: first.producer.agencyId,
      payload: first.payload as Record<string, unknown>,
    });
    await d.teamReported(); // processed after the duplicates: they have been seen by then
    const after = await d.state();
    expect(after.events.filter((e) => e.eventId === first.eventId)).toHaveLength(1);
    expect(after.events).toHaveLength(2);
    expect(before.openSteps[0]!.dueAt).toBe(after.closedSteps[0]!.dueAt);
    await d.published('deadline.started', 'transfer.head-decision');
    expect(kit.sink.of(d.transferId, { type: 'deadline.started', ruleId: 'transfer.team-report' })).toHaveLength(1);
    const teamReportIds = kit.sink.of(d.transferId, { ruleId: 'transfer.team-report' }).map((e) => e.eventId);
    expect(kit.sink.attempts.filter((id) => teamReportIds.includes(id))).toHaveLength(teamReportIds.length);
  });

  it('events out of order: transfer.receipt-signed before transfer.sent is deferred, then applied (transfer.receipt)', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    const now = await kit.now();
    await d.receiptSigned(new Date(now + 60_000).toISOString());
    expect((await d.state()).events.at(-1)).toMatchObject({ type: 'transfer.receipt-signed', disposition: 'deferred' });
    await d.sent(new Date(now).toISOString());
    const state = await d.state();
    expect(state.events.map((e) => e.disposition)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(state.phase).toBe('received');
    expect(outcomes(state)['transfer.receipt']).toBe('met');
    expect(state.openSteps.map((s) => s.ruleId)).toEqual(['transfer.filing-review']);
  });

  it('suspend/resume shifts the due date of transfer.filing-review by the paused days (DeadlineClock)', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    const receipt = await d.receiptSigned();
    const [step] = (await d.state()).openSteps;
    const suspendAt = new Date((await kit.now()) + 60_000).toISOString();
    await d.handle().signal('suspendClock', { stepId: step!.stepId, at: suspendAt, reason: '鉴定期间' });
    await eventually(
      async () => ((await d.state()).openSteps[0]?.status === 'suspended' ? true : undefined),
      'suspended',
    );
    await d.published('deadline.closed', 'transfer.filing-review');
    await kit.env.sleep(DAYS(2));
    const resumeAt = new Date(await kit.now()).toISOString();
    await d.handle().signal('resumeClock', { stepId: step!.stepId, at: resumeAt });
    const expected = kit.engine
      .startClock({ rule: 'transfer.filing-review', at: receipt.occurredAt })
      .suspend(suspendAt)
      .resume(resumeAt)
      .deadline();
    const resumed = await eventually(async () => {
      const [s] = (await d.state()).openSteps;
      return s?.status === 'running' && s.dueAt !== step!.dueAt ? s : undefined;
    }, 'resumed');
    expect(resumed.dueAt).toBe(expected.dueAt);
    expect(Date.parse(resumed.dueAt!) - Date.parse(step!.dueAt!)).toBeGreaterThanOrEqual(DAYS(2));
    expect(resumed.explain).toMatchObject({ suspensions: [expect.objectContaining({ applied: true })] });
    const events = kit.sink.of(d.transferId, { ruleId: 'transfer.filing-review' });
    expect(events.map((e) => [e.type, e.payload.outcome ?? e.payload.dueAt])).toEqual([
      ['deadline.started', step!.dueAt],
      ['deadline.closed', 'suspended'],
      ['deadline.started', expected.dueAt],
    ]);
    await eventually(async () => {
      const desc = await d.handle().describe();
      return desc.typedSearchAttributes.get(SearchAttributeKeys.dueAt)?.getTime() === Date.parse(expected.dueAt)
        ? true
        : undefined;
    }, 'CbDueAt follows the resumed due date');
  });
});

describe('caseTransferWorkflow deadline expiry (time skipped on the test server)', () => {
  it('transfer.filing-review: warning, then missed (police owe; enforcement shall ask for filing supervision); a late decision closes it late', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    const receipt = await d.receiptSigned();
    const expected = kit.engine.compute({ rule: 'transfer.filing-review', from: receipt.occurredAt });
    const warnAt = warningAt(receipt.occurredAt, expected.dueAtEpochMs);
    const stepId = `${d.transferId}/transfer.filing-review`;

    const running = await eventually(async () => {
      const desc = await d.handle().describe();
      return desc.typedSearchAttributes.get(SearchAttributeKeys.ruleId) === 'transfer.filing-review' ? desc : undefined;
    }, 'CbRuleId');
    expect(running.typedSearchAttributes.get(SearchAttributeKeys.ruleId)).toBe('transfer.filing-review');
    expect(running.typedSearchAttributes.get(SearchAttributeKeys.step)).toBe(stepId);
    expect(running.typedSearchAttributes.get(SearchAttributeKeys.owingAgency)).toBe(POLICE);
    expect(running.typedSearchAttributes.get(SearchAttributeKeys.dueAt)?.toISOString()).toBe(
      new Date(expected.dueAtEpochMs).toISOString(),
    );

    await sleepUntil(warnAt - HOURS(1));
    expect(kit.sink.of(d.transferId, { type: 'deadline.warning' })).toEqual([]);
    await sleepUntil(warnAt + 60_000);
    const [warning] = await d.published('deadline.warning', 'transfer.filing-review');
    expect(warning!.payload).toEqual({
      stepId,
      subjectId: d.transferId,
      ruleId: 'transfer.filing-review',
      owingAgencyId: POLICE,
      owner: { kind: 'agency', agencyId: POLICE },
      dueAt: expected.dueAt,
    });
    expect((await d.state()).openSteps[0]).toMatchObject({ status: 'warning', dueAt: expected.dueAt });

    await sleepUntil(expected.dueAtEpochMs + 60_000);
    const [missed] = await d.published('deadline.missed', 'transfer.filing-review');
    expect(missed!.version).toBe(4);
    expect(missed!.payload).toEqual({
      stepId,
      subjectId: d.transferId,
      ruleId: 'transfer.filing-review',
      variant: 'standard',
      owingAgencyId: POLICE,
      owner: { kind: 'agency', agencyId: POLICE },
      dueAt: expected.dueAt,
      onExpiry: 'enforcement shall ask procuratorate for filing supervision',
    });
    expect(order(warning!.eventId)).toBeLessThan(order(missed!.eventId));
    expect((await d.state()).openSteps[0]).toMatchObject({ status: 'overdue' });
    await eventually(async () => {
      const desc = await d.handle().describe();
      return desc.typedSearchAttributes.get(SearchAttributeKeys.overdue) === true ? true : undefined;
    }, 'CbOverdue');

    // Enforcement asks for supervision because the review ran out (E17 art 12): the transfer goes on.
    await d.supervisionRequested('decision-overdue');
    const requested = await d.state();
    expect(requested).toMatchObject({ phase: 'received', finished: false });
    // Both are owed now: the police decision (overdue) and the procuratorate's review of the request.
    expect(requested.openSteps.map((s) => [s.ruleId, s.owingAgencyId]).sort()).toEqual([
      ['supervision.request-review', PROCURATORATE],
      ['transfer.filing-review', POLICE],
    ]);
    await d.filingDecided('filed');
    const closed = (await d.state()).closedSteps.find((s) => s.ruleId === 'transfer.filing-review');
    expect(closed).toMatchObject({ outcome: 'late', wasMissed: true });
    // The police filed: the supervision asked for is moot.
    expect((await d.state()).closedSteps.find((s) => s.ruleId === 'supervision.request-review')).toMatchObject({
      outcome: 'moot',
    });
  });

  it('transfer.receipt: 24 hours from the next whole hour (hand rule), warning 1/3 of the period before, then missed', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    const sent = await d.sent();
    const sentMs = Date.parse(sent.occurredAt);
    const dueMs = Math.ceil(sentMs / HOURS(1)) * HOURS(1) + HOURS(24);
    const dueAt = `${new Date(dueMs + HOURS(8)).toISOString().slice(0, 19)}+08:00`;
    const warnAt = dueMs - (dueMs - sentMs) / 3; // 1/3 of the period (< 24 h lead)

    await sleepUntil(warnAt - 60_000);
    expect(kit.sink.of(d.transferId, { type: 'deadline.warning' })).toEqual([]);
    await sleepUntil(dueMs + 60_000);
    const [warning] = await d.published('deadline.warning', 'transfer.receipt');
    const [missed] = await d.published('deadline.missed', 'transfer.receipt');
    expect(warning!.payload).toMatchObject({ ruleId: 'transfer.receipt', owingAgencyId: POLICE, dueAt });
    expect(missed!.payload).toMatchObject({
      ruleId: 'transfer.receipt',
      owingAgencyId: POLICE,
      dueAt,
      onExpiry: 'procuratorate filing supervision',
    });
    expect(order(warning!.eventId)).toBeLessThan(order(missed!.eventId));
    expect(Date.parse(warning!.occurredAt)).toBeGreaterThanOrEqual(warnAt);
    expect(Date.parse(warning!.occurredAt)).toBeLessThan(dueMs);
    expect(Date.parse(missed!.occurredAt)).toBeGreaterThanOrEqual(dueMs);
  });

  it('transfer.reconsideration-request: 3 working days, warning then missed — the right lapses and the transfer ends', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    await d.receiptSigned();
    const decided = await d.filingDecided('not-filed');
    const expected = kit.engine.compute({ rule: 'transfer.reconsideration-request', from: decided.occurredAt });
    expect(expected.explain.countingMode).toBe('working-days');
    await sleepUntil(expected.dueAtEpochMs + 60_000);
    const [warning] = await d.published('deadline.warning', 'transfer.reconsideration-request');
    const [missed] = await d.published('deadline.missed', 'transfer.reconsideration-request');
    expect(warning!.payload).toMatchObject({ owingAgencyId: ENFORCEMENT, dueAt: expected.dueAt });
    expect(missed!.payload).toMatchObject({
      owingAgencyId: ENFORCEMENT,
      dueAt: expected.dueAt,
      onExpiry: 'right lapses',
    });
    expect(order(warning!.eventId)).toBeLessThan(order(missed!.eventId));
    const state = await eventually(async () => {
      const s = await d.state();
      return s.finished ? s : undefined;
    }, 'rights lapsed');
    expect(state.outcome).toBe('rights-lapsed');
    expect(state.closedSteps.find((s) => s.ruleId === 'transfer.reconsideration-request')).toMatchObject({
      outcome: 'moot',
      wasMissed: true,
    });
  });

  // Hand-computed against the official 2025 calendar (National Day + Mid-Autumn: 1–8 Oct off; Sun 28 Sep
  // and Sat 11 Oct are make-up working days). The test server's clock cannot go back to 2025: these
  // steps open already past due, so deadline.missed follows deadline.started at once (no warning).
  it('hand-computed: transfer.receipt from Mon 2025-09-29 15:20 → 2025-09-30T16:00+08:00; transfer.filing-review from Tue 2025-09-30 10:00 → last day Thu 2025-10-09 (3 Oct is a holiday); transfer.reconsideration-request from Tue 2025-09-30 16:00 → Sat 2025-10-11 (make-up day)', async () => {
    const d = driver();
    await d.crimeSuspected('2025-09-24T09:00:00+08:00');
    await d.teamReported('2025-09-24T15:00:00+08:00');
    await d.headDecided('approved', '2025-09-29T09:00:00+08:00');
    await d.sent('2025-09-29T15:20:00+08:00');
    const [receiptStarted] = await d.published('deadline.started', 'transfer.receipt');
    expect(receiptStarted!.payload).toMatchObject({
      dueAt: '2025-09-30T16:00:00+08:00',
      lastDay: '2025-09-30',
      owingAgencyId: POLICE,
    });
    const [receiptMissed] = await d.published('deadline.missed', 'transfer.receipt');
    expect(receiptMissed!.payload).toMatchObject({ dueAt: '2025-09-30T16:00:00+08:00', owingAgencyId: POLICE });

    await d.receiptSigned('2025-09-30T10:00:00+08:00');
    const [reviewStarted] = await d.published('deadline.started', 'transfer.filing-review');
    expect(reviewStarted!.payload).toMatchObject({
      startedAt: '2025-09-30T02:00:00.000Z',
      dueAt: '2025-10-10T00:00:00+08:00',
      lastDay: '2025-10-09',
      explain: expect.objectContaining({
        rawEnd: '2025-10-03',
        shifts: [expect.objectContaining({ from: '2025-10-03', to: '2025-10-09' })],
      }),
    });
    const [reviewMissed] = await d.published('deadline.missed', 'transfer.filing-review');
    expect(reviewMissed!.payload).toMatchObject({
      dueAt: '2025-10-10T00:00:00+08:00',
      owingAgencyId: POLICE,
      onExpiry: 'enforcement shall ask procuratorate for filing supervision',
    });
    expect(kit.sink.of(d.transferId, { type: 'deadline.warning', ruleId: 'transfer.filing-review' })).toEqual([]);

    await d.filingDecided('not-filed', '2025-09-30T16:00:00+08:00');
    const [reconStarted] = await d.published('deadline.started', 'transfer.reconsideration-request');
    expect(reconStarted!.payload).toMatchObject({
      dueAt: '2025-10-12T00:00:00+08:00',
      lastDay: '2025-10-11',
      owingAgencyId: ENFORCEMENT,
    });
    const [reconMissed] = await d.published('deadline.missed', 'transfer.reconsideration-request');
    expect(reconMissed!.payload).toMatchObject({ dueAt: '2025-10-12T00:00:00+08:00', onExpiry: 'right lapses' });
    const state = await eventually(async () => {
      const s = await d.state();
      return s.finished ? s : undefined;
    }, 'finished');
    expect(state.outcome).toBe('rights-lapsed');
    // The receipt was signed in time, only reported after its timer: met, though a miss was published.
    expect(state.closedSteps.find((s) => s.ruleId === 'transfer.receipt')).toMatchObject({
      outcome: 'met',
      wasMissed: true,
    });
  });

  it('hand-computed: transfer.reconsideration-request from Fri 2025-09-26 16:00 → last day Tue 2025-09-30 (Sun 28 Sep is a make-up working day)', async () => {
    const d = driver();
    await d.crimeSuspected('2025-09-22T09:00:00+08:00');
    await d.teamReported('2025-09-22T15:00:00+08:00');
    await d.headDecided('approved', '2025-09-24T09:00:00+08:00');
    await d.sent('2025-09-24T15:00:00+08:00');
    await d.receiptSigned('2025-09-25T09:00:00+08:00');
    await d.filingDecided('not-filed', '2025-09-26T16:00:00+08:00');
    const [started] = await d.published('deadline.started', 'transfer.reconsideration-request');
    expect(started!.payload).toMatchObject({ dueAt: '2025-10-01T00:00:00+08:00', lastDay: '2025-09-30' });
    const [missed] = await d.published('deadline.missed', 'transfer.reconsideration-request');
    expect(missed!.payload).toMatchObject({
      dueAt: '2025-10-01T00:00:00+08:00',
      owingAgencyId: ENFORCEMENT,
      ruleId: 'transfer.reconsideration-request',
    });
  });
});

describe('caseTransferWorkflow continue-as-new', () => {
  it('carries steps, dedupe and history over to the next run (transfer.filing-review keeps its due date)', async () => {
    const d = driver();
    d.waitMode = 'idle'; // no queries while runs continue as new (see TransferDriver.waitMode)
    const first = await kit.client.workflow.start('caseTransferWorkflow', {
      workflowId: d.workflowId,
      taskQueue: kit.taskQueue,
      args: [
        {
          transferId: d.transferId,
          linkedCaseId: d.linkedCaseId,
          enforcementAgencyId: ENFORCEMENT,
          region: '210100',
          config: { continueAsNewAfterEvents: 40 },
        },
      ],
    });
    const crime = await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('approved');
    await d.sent();
    const receipt = await d.receiptSigned();
    expect((await d.handle().describe()).runId).not.toBe(first.firstExecutionRunId);
    const state = await d.state();
    expect(state.generation).toBeGreaterThanOrEqual(1);
    expect(state.openSteps.map((s) => [s.ruleId, s.dueAt])).toEqual([
      [
        'transfer.filing-review',
        kit.engine.compute({ rule: 'transfer.filing-review', from: receipt.occurredAt }).dueAt,
      ],
    ]);
    expect(state.closedSteps.map((s) => s.ruleId)).toEqual([
      'transfer.team-report',
      'transfer.head-decision',
      'transfer.handover',
      'transfer.copy-to-procuratorate',
      'transfer.receipt',
    ]);
    await kit.bridge.deliver(crime); // redelivered after continue-as-new: still a duplicate
    await d.filingDecided('filed');
    await d.itemsHandedOver();
    const final = (await d.handle().result()) as TransferStateView;
    expect(final.outcome).toBe('items-handed-over');
    expect(final.events.filter((e) => e.eventId === crime.eventId)).toHaveLength(1);
    expect(kit.sink.of(d.transferId, { type: 'deadline.started', ruleId: 'transfer.team-report' })).toHaveLength(1);
  });
});

describe('TemporalBridge on the test server', () => {
  it('drops a late event for a completed transfer (REJECT_DUPLICATE) and refuses to signal a transfer that never started', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    const refused = await d.headDecided('refused');
    await eventually(
      async () => ((await d.handle().describe()).status.name === 'COMPLETED' ? true : undefined),
      'completed',
    );
    const late = await kit.bridge.deliver(refused);
    expect(late.map((o) => o.status)).toEqual(['dropped-closed']);
    const crimeAgain = await kit.bridge.deliver(d.delivered[0]!); // crime-suspected again: must not restart
    expect(crimeAgain.map((o) => o.status)).toEqual(['dropped-closed']);
    expect((await d.handle().describe()).status.name).toBe('COMPLETED');

    const stranger = driver();
    await expect(stranger.teamReported()).rejects.toMatchObject({ code: 'BRIDGE.WORKFLOW_NOT_STARTED' });
  });

  it('a procuratorate opinion reopens a refused transfer (ALLOW_DUPLICATE, E17 art 14)', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('refused');
    await eventually(
      async () => ((await d.handle().describe()).status.name === 'COMPLETED' ? true : undefined),
      'completed',
    );
    const firstRun = (await d.handle().describe()).runId;
    await d.procuratorateOpinion();
    const state = await d.state();
    expect(state.phase).toBe('opinion-received');
    expect(state.openSteps.map((s) => s.ruleId)).toEqual(['transfer.after-procuratorate-opinion']);
    expect((await d.handle().describe()).runId).not.toBe(firstRun);
  });

  it('a redelivered procuratorate opinion after the reopened transfer completed starts no third run (crash before the inbox commit)', async () => {
    const d = driver();
    await d.crimeSuspected();
    await d.teamReported();
    await d.headDecided('refused');
    await eventually(
      async () => ((await d.handle().describe()).status.name === 'COMPLETED' ? true : undefined),
      'first run completed',
    );
    const opinion = await d.procuratorateOpinion();
    await d.sent();
    await d.receiptSigned();
    await d.forwarded('returned');
    await eventually(
      async () => ((await d.handle().describe()).status.name === 'COMPLETED' ? true : undefined),
      'reopened run completed',
    );
    const reopenedRun = (await d.handle().describe()).runId;
    const again = await kit.bridge.deliver(opinion); // the same event: its inbox row was never committed
    expect(again.map((o) => [o.status, o.reason])).toEqual([
      ['dropped-closed', 'the closed workflow already applied this event: redelivery dropped'],
    ]);
    const after = await d.handle().describe();
    expect([after.runId, after.status.name]).toEqual([reopenedRun, 'COMPLETED']);
  });
});

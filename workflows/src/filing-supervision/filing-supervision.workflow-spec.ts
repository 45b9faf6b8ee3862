/**
 * filingSupervisionWorkflow on Temporal's time-skipping server (one environment, one worker for the file).
 * Test names cite the rule ids of deadlines.md "Filing supervision".
 */
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import {
  HOURS,
  POLICE,
  PROCURATORATE,
  SupervisionDriver,
  TransferDriver,
  eventually,
  startCaseTestKit,
  type CaseTestKit,
} from '../testing/workflow-test-kit';
import { sharingWorkflowId } from '../sharing/sharing.contracts';
import type { SupervisionStateView } from './filing-supervision.contracts';

// Workflows left running are not terminated (see case-transfer.workflow-spec.ts).
let kit: CaseTestKit;

beforeAll(async () => {
  kit = await startCaseTestKit(await createTimeSkippingEnv());
});
afterAll(async () => {
  await kit?.close();
});

function supervision(transferId?: string, linkedCaseId?: string): SupervisionDriver {
  return new SupervisionDriver(kit, transferId, linkedCaseId);
}

async function sleepUntil(ms: number): Promise<void> {
  const now = await kit.now();
  if (ms > now) await kit.env.sleep(ms - now);
}

function order(eventId: string): number {
  return kit.sink.envelopes.findIndex((e) => e.eventId === eventId);
}

function outcomes(state: SupervisionStateView): Record<string, string> {
  return Object.fromEntries(state.closedSteps.map((s) => [s.ruleId, s.outcome]));
}

async function finished(d: SupervisionDriver): Promise<SupervisionStateView> {
  return eventually(async () => {
    const s = await d.state();
    return s.finished ? s : undefined;
  }, 'supervision finished');
}

describe('filingSupervisionWorkflow', () => {
  it('police explain, reasons accepted (supervision.police-explain met, supervision.tell-agency met by the acceptance)', async () => {
    const d = supervision();
    await d.opened();
    expect(await d.state()).toMatchObject({ phase: 'opened', ground: 'upheld-on-reconsideration', openSteps: [] });
    await d.explanationRequired();
    expect((await d.state()).openSteps.map((s) => [s.ruleId, s.owingAgencyId, s.status])).toEqual([
      ['supervision.police-explain', POLICE, 'running'],
    ]);
    await d.explained();
    await d.reasonsAccepted();
    const state = (await d.handle().result()) as SupervisionStateView;
    expect(state.outcome).toBe('reasons-accepted');
    expect(outcomes(state)).toEqual({ 'supervision.police-explain': 'met', 'supervision.tell-agency': 'met' });
    expect(state.closedSteps.find((s) => s.ruleId === 'supervision.tell-agency')!.owingAgencyId).toBe(PROCURATORATE);
  });

  it('supervision.police-explain: warning, then missed after 7 days (procuratorate issues 纠正意见 / 通知立案)', async () => {
    const d = supervision();
    await d.opened();
    const required = await d.explanationRequired();
    const expected = kit.engine.compute({ rule: 'supervision.police-explain', from: required.occurredAt });
    await sleepUntil(expected.dueAtEpochMs + 60_000);
    const [warning] = await d.published('deadline.warning', 'supervision.police-explain');
    const [missed] = await d.published('deadline.missed', 'supervision.police-explain');
    expect(order(warning!.eventId)).toBeLessThan(order(missed!.eventId));
    expect(missed!.payload).toMatchObject({
      owingAgencyId: POLICE,
      dueAt: expected.dueAt,
      onExpiry: 'procuratorate issues 纠正意见 / 通知立案',
    });
  });

  it('supervision.police-file: warning, then missed after 15 days (correction notice, escalation); correction issued; the police file late → supervision.investigation-chaser', async () => {
    const d = supervision();
    await d.opened();
    const notice = await d.filingNoticeIssued();
    const expected = kit.engine.compute({ rule: 'supervision.police-file', from: notice.occurredAt });
    const stepId = `${d.supervisionId}/supervision.police-file`;
    const warnAt = expected.dueAtEpochMs - HOURS(24);
    await sleepUntil(warnAt - HOURS(1));
    expect(kit.sink.of(d.supervisionId, { type: 'deadline.warning' })).toEqual([]);
    await sleepUntil(expected.dueAtEpochMs + 60_000);
    const [warning] = await d.published('deadline.warning', 'supervision.police-file');
    const [missed] = await d.published('deadline.missed', 'supervision.police-file');
    expect(warning!.payload).toEqual({
      stepId,
      subjectId: d.supervisionId,
      ruleId: 'supervision.police-file',
      owingAgencyId: POLICE,
      owner: { kind: 'agency', agencyId: POLICE },
      dueAt: expected.dueAt,
    });
    expect(missed!.payload).toEqual({
      stepId,
      subjectId: d.supervisionId,
      ruleId: 'supervision.police-file',
      variant: 'standard',
      owingAgencyId: POLICE,
      owner: { kind: 'agency', agencyId: POLICE },
      dueAt: expected.dueAt,
      onExpiry: '纠正违法通知书, then escalate to the procuratorate one level up',
    });
    expect(order(warning!.eventId)).toBeLessThan(order(missed!.eventId));
    expect(Date.parse(warning!.occurredAt)).toBeGreaterThanOrEqual(warnAt);

    await d.correctionIssued();
    expect(await d.state()).toMatchObject({ phase: 'correction-issued', escalatedTo: 'procuratorate:210000' });
    expect((await d.state()).openSteps[0]).toMatchObject({ ruleId: 'supervision.police-file', status: 'overdue' });
    await d.policeFiled();
    const state = await d.state();
    expect(state.closedSteps.find((s) => s.ruleId === 'supervision.police-file')).toMatchObject({
      outcome: 'late',
      wasMissed: true,
    });
    expect(state.openSteps.map((s) => [s.ruleId, s.owingAgencyId])).toEqual([
      ['supervision.investigation-chaser', PROCURATORATE],
    ]);
  });

  it('filed under supervision → supervision.investigation-chaser runs out after 3 months (prompts the 催办函) → chaser issued', async () => {
    const d = supervision();
    await d.opened();
    await d.explanationRequired();
    await d.explained();
    await d.filingNoticeIssued();
    const filed = await d.policeFiled();
    const afterFiling = await d.state();
    expect(outcomes(afterFiling)).toMatchObject({
      'supervision.police-explain': 'met',
      'supervision.police-file': 'met',
    });
    const expected = kit.engine.compute({ rule: 'supervision.investigation-chaser', from: filed.occurredAt });
    expect(afterFiling.openSteps[0]).toMatchObject({
      ruleId: 'supervision.investigation-chaser',
      dueAt: expected.dueAt,
      owingAgencyId: PROCURATORATE,
    });
    await sleepUntil(expected.dueAtEpochMs + 60_000);
    const [warning] = await d.published('deadline.warning', 'supervision.investigation-chaser');
    const [missed] = await d.published('deadline.missed', 'supervision.investigation-chaser');
    expect(order(warning!.eventId)).toBeLessThan(order(missed!.eventId));
    expect(missed!.payload).toMatchObject({ owingAgencyId: PROCURATORATE, dueAt: expected.dueAt });
    expect(String(missed!.payload.onExpiry)).toContain('催办函');
    await d.chaserIssued();
    const state = await finished(d);
    expect(state.outcome).toBe('chaser-issued');
    expect(state.closedSteps.find((s) => s.ruleId === 'supervision.investigation-chaser')).toMatchObject({
      outcome: 'met',
      wasMissed: true,
    });
  });

  // Hand-computed against the official 2025 calendar (past instants: missed follows started at once).
  it('hand-computed: supervision.police-file from Fri 2025-09-26 10:00 → last day Sat 2025-10-11 (a make-up working day: no shift); supervision.investigation-chaser from 2025-07-31 → 2025-10-31', async () => {
    const d = supervision();
    await d.opened('2025-07-20T09:00:00+08:00');
    await d.filingNoticeIssued('2025-09-26T10:00:00+08:00');
    const [started] = await d.published('deadline.started', 'supervision.police-file');
    expect(started!.payload).toMatchObject({
      dueAt: '2025-10-12T00:00:00+08:00',
      lastDay: '2025-10-11',
      owingAgencyId: POLICE,
    });
    const [missed] = await d.published('deadline.missed', 'supervision.police-file');
    expect(missed!.payload).toMatchObject({ dueAt: '2025-10-12T00:00:00+08:00', owingAgencyId: POLICE });

    const e = supervision();
    await e.opened('2025-07-01T09:00:00+08:00');
    await e.policeFiled('2025-07-31T10:00:00+08:00');
    const [chaser] = await e.published('deadline.started', 'supervision.investigation-chaser');
    expect(chaser!.payload).toMatchObject({
      dueAt: '2025-11-01T00:00:00+08:00',
      lastDay: '2025-10-31',
      owingAgencyId: PROCURATORATE,
    });
  });

  it('transfer.filing-decided with the supervisionId reaches both workflows: the transfer (decision overdue) and the supervision (supervision.police-file)', async () => {
    const t = new TransferDriver(kit);
    await t.crimeSuspected();
    await t.teamReported();
    await t.headDecided('approved');
    await t.sent();
    const receipt = await t.receiptSigned();
    const review = kit.engine.compute({ rule: 'transfer.filing-review', from: receipt.occurredAt });
    await sleepUntil(review.dueAtEpochMs + 60_000); // transfer.filing-review runs out
    await t.published('deadline.missed', 'transfer.filing-review');
    await t.supervisionRequested('decision-overdue');
    const d = supervision(t.transferId, t.linkedCaseId);
    await d.opened();
    await d.filingNoticeIssued();
    const filed = await d.policeFiled();
    const outcomesOfDelivery = await kit.bridge.deliver(filed); // redelivery: every route again, each deduplicated
    expect(outcomesOfDelivery.map((o) => [o.route.workflowId, o.status])).toEqual([
      [t.workflowId, 'delivered'],
      [d.workflowId, 'delivered'],
      // the filing decision is entered on the linked case's shared record automatically (sharing.platform-entry)
      [sharingWorkflowId(t.linkedCaseId), 'delivered'],
    ]);
    const transfer = await eventually(async () => {
      const s = await t.state();
      return s.phase === 'filed' ? s : undefined;
    }, 'transfer filed');
    expect(transfer.closedSteps.find((s) => s.ruleId === 'transfer.filing-review')).toMatchObject({ outcome: 'late' });
    expect(transfer.openSteps.map((s) => s.ruleId)).toEqual(['transfer.items-handover']);
    const sup = await d.state();
    expect(outcomes(sup)['supervision.police-file']).toBe('met');
    expect(sup.events.filter((e) => e.eventId === filed.eventId)).toHaveLength(1);
  });
});

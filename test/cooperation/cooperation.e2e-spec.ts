/**
 * Case notification, two-way consultation and joint supervision (issue 12, acceptance 1 and 5) through the REST
 * APIs of the real services over PostgreSQL, Kafka and Temporal's time-skipping server:
 *  - a suspected crime broadcast to every counterpart and acknowledged by all (the police by opening a preliminary
 *    inquiry); another left unacknowledged: warned, missed when time is skipped, pressed and escalated by a
 *    supervisor from the generic console;
 *  - two consultations at once: one answered in time, the other overdue;
 *  - a joint-supervision cycle: listing with participants, progress reports, the lagging agency flagged, the joint
 *    meeting's decisions with owners and due dates;
 *  - every record is read only by its parties (404 for any other office), and supervision and audit show the steps
 *    and events with no code of these flows in them.
 */
import { randomInt } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Api, eventually, TestSystem } from '../support/system';
import { createTimeSkippingEnv } from '../support/temporal';
import { agencies, ENF, POL, PRO, type Agencies } from '../transfer/transfer-driver';

interface InboxItem {
  stepId: string;
  ruleId: string | null;
  stepKey: string | null;
  role: string;
  status: string;
  dueAt: string | null;
  warnedAt: string | null;
  missedAt: string | null;
  outcome: string | null;
  presses: unknown[];
}
interface Recipient {
  agencyId: string;
  phase: string;
  acknowledgedAt: string | null;
  inquiryId: string | null;
}
interface NotificationView {
  notificationId: string;
  phase: string;
  kind: string;
  content: string;
  recipients: Recipient[];
}
interface ConsultationView {
  consultationId: string;
  phase: string;
  question: string;
  attachments: { fileName: string; sha256: string; sizeBytes: number }[];
  reply: string | null;
}
interface JointView {
  participants: string[];
  round: number;
  rounds: { round: number; reports: Record<string, unknown>; meeting: { minutes: string } | null }[];
  decisions: { decisionId: string; ownerAgencyId: string; dueAt: string; doneAt: string | null }[];
  behind: string[];
}

const HOURS = 3_600_000;
const SHA = (c: string) => c.repeat(64);

describe('notification, consultation and joint supervision through the REST APIs (issue 12)', () => {
  let env: TestWorkflowEnvironment;
  let sys: TestSystem;
  let a: Agencies;
  let sup: Api;
  let auditor: Api;
  let otherPolice: Api;
  let linkedCaseId: string;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'supervision', 'audit', 'workflow-worker'], {
      '*': { CASEBRIDGE_TEMPORAL_ADDRESS: env.address },
    });
    await sys.start();
    a = agencies(sys);
    sup = new Api(sys.url('supervision'), sys.token(PRO, ['supervisor'], 'coop-sup'));
    auditor = new Api(sys.url('audit'), sys.token('procuratorate:000000', ['auditor']));
    otherPolice = new Api(sys.url('police'), sys.token('police:210200', ['officer'], 'pol-other'));
    ({ linkedCaseId } = await a.enf.post<{ linkedCaseId: string }>('/cases', {
      caseNumber: `辽沈环罚〔2026〕coop-${randomInt(1e9)}号`,
      party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
      violation: '通过暗管向河道排放含铬废水',
      discoveredAt: '2026-11-20T10:30:00+08:00',
    }));
  }, 240_000);
  afterAll(async () => {
    await sys?.stop();
    await env?.teardown();
  }, 60_000);

  const inbox = async (api: Api, status = 'owed'): Promise<InboxItem[]> =>
    (await api.get<{ items: InboxItem[] }>(`/inbox?linkedCaseId=${linkedCaseId}&status=${status}`)).items;
  const notification = (api: Api, id: string) => api.get<NotificationView>(`/notifications/${id}`);

  let broadcastId: string;
  let unacknowledgedId: string;
  let answeredId: string;
  let overdueId: string;

  it('a suspected crime broadcast to every counterpart is acknowledged by all; the police open a preliminary inquiry', async () => {
    const sent = await a.enf.post<{ notificationId: string; recipients: string[] }>('/notifications', {
      linkedCaseId,
      kind: 'suspected-crime',
      content: 'COOP-BROADCAST 现场检查发现暗管排放含铬废水，涉嫌污染环境罪',
      broadcast: true,
    });
    broadcastId = sent.notificationId;
    expect(sent.recipients.sort()).toEqual([POL, PRO]);
    // each recipient's service holds it (its consumer kept it) and owes the acknowledgement on its own clock
    await eventually(
      () => notification(a.pol, broadcastId),
      (v) => v.recipients.length === 2,
      'police has it',
    );
    await eventually(
      () => notification(a.pro, broadcastId),
      (v) => v.phase === 'open',
      'procuratorate has it',
    );
    const owed = await eventually(
      () => inbox(a.pol),
      (i) => i.some((x) => x.stepId === `${broadcastId}/notification.suspected-crime@${POL}` && x.dueAt !== null),
      'police owes notification.suspected-crime',
    );
    expect(owed.find((x) => x.stepId.startsWith(broadcastId))).toMatchObject({
      stepKey: POL,
      ruleId: 'notification.suspected-crime',
    });

    const ack = await a.pol.post<{ inquiryId: string }>(`/notifications/${broadcastId}/acknowledgement`, {
      openInquiry: true,
    });
    expect(ack.inquiryId).toEqual(expect.any(String));
    await a.pro.post(`/notifications/${broadcastId}/acknowledgement`, {});
    // twice: 409; the sender cannot acknowledge; the procuratorate cannot open an inquiry
    expect(
      (await a.pro.call<{ code: string }>('POST', `/notifications/${broadcastId}/acknowledgement`, {}, 409)).body.code,
    ).toBe('NOTIFICATION.ALREADY_DONE');
    await a.enf.call('POST', `/notifications/${broadcastId}/acknowledgement`, {}, 409);

    const seen = await eventually(
      () => notification(a.enf, broadcastId),
      (v) => v.phase === 'all-acknowledged',
      'the sender sees every acknowledgement',
    );
    expect(seen.recipients.find((r) => r.agencyId === POL)).toMatchObject({
      phase: 'inquiry-opened',
      inquiryId: ack.inquiryId,
    });
    // both steps met: in the recipients' done lists
    await eventually(
      () => inbox(a.pol, 'done'),
      (i) => i.some((x) => x.stepId.startsWith(broadcastId) && x.outcome === 'met'),
      'police step met',
    );
    await eventually(
      () => inbox(a.pro, 'done'),
      (i) => i.some((x) => x.stepId.startsWith(broadcastId) && x.outcome === 'met'),
      'procuratorate step met',
    );
  });

  it('a record is read only by its parties: another office gets 404 and no data', async () => {
    const r = await otherPolice.call<{ code: string }>('GET', `/notifications/${broadcastId}`, undefined, 404);
    expect(r.body.code).toBe('NOTIFICATION.NOT_FOUND');
    expect(JSON.stringify(r.body)).not.toContain('COOP-BROADCAST');
    expect(await otherPolice.get<unknown[]>('/notifications')).toEqual([]);
    await otherPolice.call('POST', `/notifications/${broadcastId}/acknowledgement`, {}, 404);
    // kept case (session 5 trial): nor can it put a record of its own on this linked case (it neither holds nor was
    // granted it), which would have brought the case into its region's audit scope
    for (const [path, body] of [
      ['/notifications', { linkedCaseId, kind: 'development', content: 'probe', recipients: ['procuratorate:210200'] }],
      [
        '/consultations',
        {
          linkedCaseId,
          consultedAgencyId: 'procuratorate:210200',
          question: 'probe',
          attachments: [{ fileName: 'a.pdf', sha256: 'f'.repeat(64), sizeBytes: 1 }],
        },
      ],
    ] as const) {
      const refused = await otherPolice.call<{ code: string }>('POST', path, body, 404);
      expect(refused.body.code).toBe('CASE.LINKED_CASE_UNKNOWN');
    }
    const history = await auditor.get<{ entries: { who: { producer: { agencyId: string } } }[] }>(
      `/cases/${linkedCaseId}/history`,
    );
    expect(history.entries.some((e) => e.who.producer.agencyId === 'police:210200')).toBe(false);
  });

  it('two consultations at once: asked with hashed attachments; one answered, the other left open', async () => {
    ({ consultationId: answeredId } = await a.enf.post<{ consultationId: string }>('/consultations', {
      linkedCaseId,
      consultedAgencyId: POL,
      question: 'COOP-Q1 总铬超标5.2倍，是否达到立案追诉标准？',
      attachments: [{ fileName: '监测报告.pdf', sha256: SHA('a'), sizeBytes: 48211 }],
    }));
    ({ consultationId: overdueId } = await a.enf.post<{ consultationId: string }>('/consultations', {
      linkedCaseId,
      consultedAgencyId: PRO,
      question: 'COOP-Q2 是否需要固定电子数据？',
      attachments: [{ fileName: '现场照片.zip', sha256: SHA('c'), sizeBytes: 1024 }],
    }));
    // the same file twice, or consulting yourself: 400
    await a.enf.call(
      'POST',
      '/consultations',
      {
        linkedCaseId,
        consultedAgencyId: POL,
        question: 'q',
        attachments: [
          { fileName: 'a.pdf', sha256: SHA('b'), sizeBytes: 1 },
          { fileName: 'b.pdf', sha256: SHA('b'), sizeBytes: 1 },
        ],
      },
      400,
    );
    await a.enf.call(
      'POST',
      '/consultations',
      {
        linkedCaseId,
        consultedAgencyId: ENF,
        question: 'q',
        attachments: [{ fileName: 'a.pdf', sha256: SHA('d'), sizeBytes: 1 }],
      },
      400,
    );

    const q1 = await eventually(
      () => a.pol.get<ConsultationView>(`/consultations/${answeredId}`),
      (v) => v.phase === 'asked',
      'the police have the question',
    );
    expect(q1.attachments).toEqual([{ fileName: '监测报告.pdf', sha256: SHA('a'), sizeBytes: 48211 }]);
    // not party: the procuratorate's service never received the content of Q1
    await a.pro.call('GET', `/consultations/${answeredId}`, undefined, 404);
    await eventually(
      () => inbox(a.pro),
      (i) => i.some((x) => x.stepId === `${linkedCaseId}/consultation.written-reply@${overdueId}`),
      'procuratorate owes consultation.written-reply',
    );
    await eventually(
      () => inbox(a.pol),
      (i) => i.some((x) => x.stepId === `${linkedCaseId}/consultation.written-reply@${answeredId}`),
      'police owe consultation.written-reply',
    );
    await a.pol.post(`/consultations/${answeredId}/reply`, { reply: '已达到，建议移送公安机关。' });
    await a.pol.call('POST', `/consultations/${answeredId}/reply`, { reply: 'again' }, 409);
    await a.enf.call('POST', `/consultations/${overdueId}/reply`, { reply: 'not mine' }, 409);
    const answered = await eventually(
      () => a.enf.get<ConsultationView>(`/consultations/${answeredId}`),
      (v) => v.phase === 'replied',
      'the asking agency has the reply',
    );
    expect(answered.reply).toBe('已达到，建议移送公安机关。');
    await eventually(
      () => inbox(a.pol, 'done'),
      (i) => i.some((x) => x.stepKey === answeredId && x.outcome === 'met'),
      'the reply closed its step in time',
    );
  });

  it('time skipped: the unacknowledged notification and the unanswered consultation are warned and missed; a supervisor presses and escalates from the generic console', async () => {
    ({ notificationId: unacknowledgedId } = await a.enf.post<{ notificationId: string }>('/notifications', {
      linkedCaseId,
      kind: 'suspected-crime',
      content: 'COOP-UNACKED 复查发现新的暗管',
      recipients: [POL],
    }));
    const stepId = `${unacknowledgedId}/notification.suspected-crime@${POL}`;
    await eventually(
      () => inbox(a.pol),
      (i) => i.some((x) => x.stepId === stepId),
      'police owe the acknowledgement',
    );

    // 7 days counted in whole days from the day after the question (E17 art 24): 10 days pass them with room
    await env.sleep(10 * 24 * HOURS);

    const missed = await eventually(
      () => inbox(a.pol),
      (i) => i.some((x) => x.stepId === stepId && x.missedAt !== null),
      'police told: notification.suspected-crime missed',
      60_000,
    );
    expect(missed.find((x) => x.stepId === stepId)!.warnedAt).not.toBeNull();
    await eventually(
      () => inbox(a.pro),
      (i) => i.some((x) => x.stepKey === overdueId && x.missedAt !== null && x.warnedAt !== null),
      'procuratorate told: consultation.written-reply missed',
      60_000,
    );

    // the console shows both steps like any other: no code of these flows in supervision
    const step = await eventually(
      () => sup.get<{ stepId: string; status: string }>(`/steps/${encodeURIComponent(stepId)}`),
      (s) => s.status === 'overdue',
      'the console shows the missed acknowledgement',
      60_000,
    );
    expect(step.stepId).toBe(stepId);
    await eventually(
      () =>
        sup.get<{ status: string }>(
          `/steps/${encodeURIComponent(`${linkedCaseId}/consultation.written-reply@${overdueId}`)}`,
        ),
      (s) => s.status === 'overdue',
      'the console shows the overdue consultation',
      60_000,
    );
    await sup.post(`/steps/${encodeURIComponent(stepId)}/press`, { message: '请立即确认案情通报' });
    const escalated = await sup.post<{ toLevel: string }>(`/steps/${encodeURIComponent(stepId)}/escalate`, {
      message: '通报逾期未确认，报上级公安机关督办',
    });
    expect(escalated.toLevel).toMatch(/^police:21/);
    await eventually(
      () => inbox(a.pol),
      (i) => i.some((x) => x.stepId === stepId && x.presses.length === 1),
      'the press reaches the police inbox',
    );
  });

  it('the audit ledger holds the flows in the case history', async () => {
    const history = await eventually(
      () => auditor.get<{ entries: { type: string }[] }>(`/cases/${linkedCaseId}/history`),
      (h) =>
        [
          'notification.case-notified',
          'notification.inquiry-opened',
          'consultation.requested',
          'consultation.replied',
        ].every((t) => h.entries.some((e) => e.type === t)) && h.entries.some((e) => e.type === 'deadline.missed'),
      'the ledger has the notification and consultation events and their clocks',
      90_000,
    );
    expect(history.entries.filter((e) => e.type === 'notification.acknowledged').length).toBeGreaterThanOrEqual(2);
  });

  it('a joint-supervision cycle: participants report, the lagging agency is flagged, the joint meeting assigns decisions', async () => {
    await eventually(
      () => sup.get(`/cases/${linkedCaseId}`),
      () => true,
      'the case in the console',
    );
    // kept case (attack round 4): another region's office, or one of no division, cannot be named — 400, nothing listed
    const foreign = await sup.call<{ code: string; message: string }>(
      'POST',
      `/cases/${linkedCaseId}/joint-listing`,
      { reviewInterval: 'P14D', reason: 'x', participants: [POL, 'police:210200', 'enforcement:999999'] },
      400,
    );
    expect(foreign.body.code).toBe('CASE.JOINT_AGENCY_OUTSIDE_SCOPE');
    expect(foreign.body.message).toContain('police:210200, enforcement:999999');
    // a review interval beyond six months is a typing error: 400, nothing listed
    const endless = await sup.call<{ code: string; message: string }>(
      'POST',
      `/cases/${linkedCaseId}/joint-listing`,
      { reviewInterval: 'P999M', reason: 'x', participants: [POL] },
      400,
    );
    expect(endless.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(JSON.stringify(endless.body)).toContain('at most six months');
    await sup.post(`/cases/${linkedCaseId}/joint-listing`, {
      reviewInterval: 'P14D',
      reason: 'COOP-JOINT 重大跨区域污染案件',
      participants: [ENF, POL, PRO],
    });
    for (const api of [a.enf, a.pol, a.pro])
      await eventually(
        () => api.get<JointView>(`/joint-supervisions/${linkedCaseId}`),
        (v) => v.round === 1,
        'listed',
      );
    await otherPolice.call('GET', `/joint-supervisions/${linkedCaseId}`, undefined, 404);

    // the workflow asks each participant for its progress of round 1: a keyed step in each inbox
    const stepOf = (agencyId: string) => `${linkedCaseId}/joint-supervision@${agencyId}`;
    for (const [api, agencyId] of [
      [a.enf, ENF],
      [a.pol, POL],
      [a.pro, PRO],
    ] as const)
      await eventually(
        () => inbox(api),
        (i) => i.some((x) => x.stepId === stepOf(agencyId) && x.dueAt !== null),
        `${agencyId} owes its progress report`,
      );
    await a.pol.post(`/joint-supervisions/${linkedCaseId}/progress`, { round: 1, progress: '已完成询问' });
    await a.pro.post(`/joint-supervisions/${linkedCaseId}/progress`, { round: 1, progress: '已提前介入' });
    await a.pol.call('POST', `/joint-supervisions/${linkedCaseId}/progress`, { round: 1, progress: 'again' }, 409);
    const behind = await eventually(
      () => a.pol.get<JointView>(`/joint-supervisions/${linkedCaseId}`),
      (v) => Object.keys(v.rounds[0]!.reports).length === 2,
      'the police see both reports',
    );
    expect(behind.behind).toEqual([ENF]);
    await eventually(
      () => inbox(a.pol, 'done'),
      (i) => i.some((x) => x.stepId === stepOf(POL) && x.outcome === 'met'),
      'the police report closed their step',
    );

    // the interval (14 days) runs out: the agency behind is flagged to itself and to the supervisors
    await env.sleep(16 * 24 * HOURS);
    await eventually(
      () => inbox(a.enf),
      (i) => i.some((x) => x.stepId === stepOf(ENF) && x.missedAt !== null),
      'enforcement told: its progress report is overdue',
      60_000,
    );
    await eventually(
      () => sup.get<{ status: string; owingAgencyId: string }>(`/steps/${encodeURIComponent(stepOf(ENF))}`),
      (x) => x.status === 'overdue' && x.owingAgencyId === ENF,
      'the console flags the lagging agency',
      60_000,
    );

    const outsider = await sup.call<{ code: string }>(
      'POST',
      `/cases/${linkedCaseId}/joint-meetings`,
      { minutes: 'x', decisions: [{ text: 'x', ownerAgencyId: 'police:210200', dueAt: '2027-01-10T17:00:00+08:00' }] },
      400,
    );
    expect(outsider.body.code).toBe('CASE.JOINT_AGENCY_OUTSIDE_SCOPE');
    // a due date in the past (or off the whole hour) is refused: 400, no meeting recorded
    for (const dueAt of ['2020-01-10T17:00:00+08:00', '2027-01-10T17:30:00+08:00']) {
      const late = await sup.call<{ code: string }>(
        'POST',
        `/cases/${linkedCaseId}/joint-meetings`,
        { minutes: 'x', decisions: [{ text: 'x', ownerAgencyId: POL, dueAt }] },
        400,
      );
      expect(late.body.code).toBe('REQUEST.VALIDATION_FAILED');
    }
    const meeting = await sup.post<{ round: number; decisionIds: string[] }>(`/cases/${linkedCaseId}/joint-meetings`, {
      minutes: '联席会议：执法部门进度滞后，要求补报。',
      decisions: [{ text: '公安机关完成补充鉴定', ownerAgencyId: POL, dueAt: '2027-01-10T17:00:00+08:00' }],
    });
    expect(meeting.round).toBe(1);
    // the same meeting again (a double submission) is the recorded one: same event, no round 3
    expect(
      await sup.post(`/cases/${linkedCaseId}/joint-meetings`, {
        minutes: '联席会议：执法部门进度滞后，要求补报。',
        decisions: [{ text: '公安机关完成补充鉴定', ownerAgencyId: POL, dueAt: '2027-01-10T17:00:00+08:00' }],
      }),
    ).toEqual(meeting);
    // a meeting naming round 1 again (other minutes) is refused: its meeting was recorded
    const again = await sup.call<{ code: string }>(
      'POST',
      `/cases/${linkedCaseId}/joint-meetings`,
      {
        round: 1,
        minutes: '联席会议（补记）',
        decisions: [{ text: 'x', ownerAgencyId: POL, dueAt: '2027-01-10T17:00:00+08:00' }],
      },
      409,
    );
    expect(again.body.code).toBe('CASE.JOINT_ROUND_NOT_CURRENT');
    const after = await eventually(
      () => a.pol.get<JointView>(`/joint-supervisions/${linkedCaseId}`),
      (v) => v.round === 2 && v.decisions.length === 1,
      'round 2 opened with the decision',
    );
    expect(after.rounds[0]!.meeting!.minutes).toContain('执法部门进度滞后');
    expect(after.rounds).toHaveLength(2);
    expect(after.decisions[0]).toMatchObject({ decisionId: meeting.decisionIds[0], ownerAgencyId: POL, doneAt: null });
    await a.pro.call(
      'POST',
      `/joint-supervisions/${linkedCaseId}/decisions/${meeting.decisionIds[0]}/done`,
      { note: 'x' },
      404,
    );
    const decisionStep = `${linkedCaseId}/joint-supervision@decision:${meeting.decisionIds[0]}`;
    const owed = await eventually(
      () => inbox(a.pol),
      (i) => i.some((x) => x.stepId === decisionStep && x.dueAt !== null),
      'the decision is a step owed by its owner',
    );
    // due at the instant the meeting gave (17:00 +08:00), not recounted to the next whole hour
    expect(new Date(owed.find((x) => x.stepId === decisionStep)!.dueAt!).toISOString()).toBe(
      '2027-01-10T09:00:00.000Z',
    );
    await eventually(
      () => inbox(a.enf),
      (i) => i.some((x) => x.stepId === `${stepOf(ENF)}#2`),
      'round 2 asks again',
    );
    await a.pol.post(`/joint-supervisions/${linkedCaseId}/decisions/${meeting.decisionIds[0]}/done`, {
      note: '已完成',
    });
    await eventually(
      () => inbox(a.pol, 'done'),
      (i) => i.some((x) => x.stepId === decisionStep && x.outcome === 'met'),
      'the decision step closed',
    );
    expect((await a.pol.get<JointView>(`/joint-supervisions/${linkedCaseId}`)).decisions[0]!.doneAt).not.toBeNull();
  });
});

import { createEnvelope, type ProducerKind } from '@casebridge/contracts';
import { BRIDGED_EVENT_TYPES, WORKFLOW_REGISTRY } from '../registry';
import { routeEvent, toCaseEventSignal } from './route-event';
import { defineWorkflowRegistration, payloadField, type WorkflowRegistration } from './workflow-registration';

const transferId = '01a22400-0000-7000-8000-000000000001';
const supervisionId = '01a22400-0000-7000-8000-000000000002';
const linkedCaseId = '01a22400-0000-7000-8000-000000000003';

function env(type: string, kind: ProducerKind, payload: Record<string, unknown>) {
  return createEnvelope({
    type,
    version: 1,
    linkedCaseId,
    producer: { agencyId: `${kind}:210100`, kind },
    actor: { officerId: 'o' },
    occurredAt: '2025-09-30T02:00:00.000Z',
    payload,
  });
}

describe('routeEvent', () => {
  it('transfer.crime-suspected starts the transfer (signalWithStart, REJECT_DUPLICATE) with the producer as enforcement agency', () => {
    const e = env('transfer.crime-suspected', 'enforcement', { transferId });
    expect(routeEvent(e, { taskQueue: 'q' })).toEqual([
      {
        kind: 'signalWithStart',
        workflowType: 'caseTransferWorkflow',
        workflowId: `transfer-${transferId}`,
        stateQuery: 'transferState',
        taskQueue: 'q',
        startArgs: [{ transferId, linkedCaseId, enforcementAgencyId: 'enforcement:210100', region: '210100' }],
        signal: 'caseEvent',
        signalArgs: [toCaseEventSignal(e)],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        // the Temporal UI shows the case and the agency by its official name
        memo: { linkedCaseId, transferId, enforcementAgency: '沈阳市生态环境局 (enforcement:210100)' },
        staticSummary: `案件移送 · 沈阳市生态环境局 · ${linkedCaseId}`,
      },
    ]);
  });

  it('transfer.procuratorate-opinion may reopen a refused transfer (ALLOW_DUPLICATE), enforcement from the payload', () => {
    const [route] = routeEvent(
      env('transfer.procuratorate-opinion', 'procuratorate', { transferId, enforcementAgencyId: 'enforcement:210200' }),
    );
    expect(route).toMatchObject({
      kind: 'signalWithStart',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      taskQueue: 'casebridge-cases',
      startArgs: [{ enforcementAgencyId: 'enforcement:210200', region: '210200' }],
    });
  });

  it('police events only signal a transfer that exists', () => {
    expect(routeEvent(env('transfer.receipt-signed', 'police', { transferId }))).toEqual([
      expect.objectContaining({ kind: 'signal', workflowId: `transfer-${transferId}`, signal: 'caseEvent' }),
    ]);
  });

  it('transfer.filing-decided under supervision goes to the transfer (optional) and to the supervision', () => {
    const routes = routeEvent(
      env('transfer.filing-decided', 'police', { transferId, supervisionId, outcome: 'filed' }),
    );
    expect(routes.map((r) => [r.kind, r.workflowId, r.kind === 'signal' ? (r.optional ?? false) : null])).toEqual([
      ['signal', `transfer-${transferId}`, true],
      ['signal', `supervision-${supervisionId}`, false],
      // a filing decision is entered on the linked case's shared record automatically (sharing.platform-entry)
      ['signalWithStart', `sharing-${linkedCaseId}`, null],
    ]);
  });

  it('filing-supervision.opened starts the supervision with the producing procuratorate', () => {
    const [, route] = routeEvent(
      env('filing-supervision.opened', 'procuratorate', {
        supervisionId,
        transferId,
        policeAgencyId: 'police:210100',
        enforcementAgencyId: 'enforcement:210100',
        ground: 'not-filed',
      }),
    );
    expect(route).toMatchObject({
      kind: 'signalWithStart',
      workflowType: 'filingSupervisionWorkflow',
      workflowId: `supervision-${supervisionId}`,
      stateQuery: 'supervisionState',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      startArgs: [
        {
          supervisionId,
          transferId,
          procuratorateAgencyId: 'procuratorate:210100',
          policeAgencyId: 'police:210100',
          region: '210100',
          ground: 'not-filed',
        },
      ],
    });
  });

  it('filing-supervision.opened and reasons-accepted also reach the transfer (optional: own motion may have none), which holds supervision.request-review', () => {
    const opened = routeEvent(
      env('filing-supervision.opened', 'procuratorate', {
        supervisionId,
        transferId,
        policeAgencyId: 'police:210100',
        enforcementAgencyId: 'enforcement:210100',
        ground: 'not-filed',
      }),
    );
    expect(opened.map((r) => [r.kind, r.workflowId, r.kind === 'signal' ? (r.optional ?? false) : null])).toEqual([
      ['signal', `transfer-${transferId}`, true],
      ['signalWithStart', `supervision-${supervisionId}`, null],
    ]);
    const accepted = routeEvent(
      env('filing-supervision.reasons-accepted', 'procuratorate', { supervisionId, transferId, note: 'x' }),
    );
    expect(accepted.map((r) => [r.workflowId, r.kind === 'signal' ? (r.optional ?? false) : null])).toEqual([
      [`transfer-${transferId}`, true],
      [`supervision-${supervisionId}`, false],
    ]);
  });

  it('filing-supervision.requested goes to the transfer only (no supervision exists yet)', () => {
    expect(
      routeEvent(env('filing-supervision.requested', 'enforcement', { transferId })).map((r) => r.workflowId),
    ).toEqual([`transfer-${transferId}`]);
  });

  it('case.registered starts the penalty clock workflow; penalty.clock-changed signals it (optional: older cases have none)', () => {
    const [start] = routeEvent(env('case.registered', 'enforcement', { caseId: transferId, region: '210100' }));
    expect(start).toMatchObject({
      kind: 'signalWithStart',
      workflowType: 'penaltyPeriodWorkflow',
      workflowId: `penalty-${transferId}`,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      startArgs: [{ caseId: transferId, enforcementAgencyId: 'enforcement:210100', region: '210100' }],
    });
    expect(
      routeEvent(env('penalty.clock-changed', 'enforcement', { caseId: transferId, state: 'suspended', reason: 'x' })),
    ).toEqual([expect.objectContaining({ kind: 'signal', workflowId: `penalty-${transferId}`, optional: true })]);
  });

  it('events that are not for workflows route nowhere', () => {
    expect(routeEvent(env('deadline.started', 'workflow', { stepId: 'x' }))).toEqual([]);
    expect(routeEvent(env('evidence.attached', 'enforcement', { caseId: transferId }))).toEqual([]);
  });

  it('the signal is compact and plain', () => {
    const e = env('transfer.sent', 'enforcement', { transferId, toAgencyId: 'police:210100' });
    expect(toCaseEventSignal(e)).toEqual({
      eventId: e.eventId,
      type: 'transfer.sent',
      version: 1,
      occurredAt: '2025-09-30T02:00:00.000Z',
      producerAgencyId: 'enforcement:210100',
      payload: { transferId, toAgencyId: 'police:210100' },
    });
  });

  it("every registered workflow is fed: the bridged event types are the registrations' start and signal types", () => {
    expect(WORKFLOW_REGISTRY.map((r) => r.workflowType)).toEqual([
      'caseTransferWorkflow',
      'filingSupervisionWorkflow',
      'penaltyPeriodWorkflow',
      'courtCaseWorkflow',
      'prosecutionWorkflow',
      'caseNotificationWorkflow',
      'caseConsultationWorkflow',
      'jointSupervisionWorkflow',
      'pilCaseWorkflow',
      'edcConsultationWorkflow',
      'sharingWorkflow',
    ]);
    expect(BRIDGED_EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'transfer.crime-suspected',
        'filing-supervision.opened',
        'case.registered',
        'penalty.clock-changed',
        'court.case-received',
        'prosecution.transferred',
        'prosecution.nonprosecution-notified',
        'notification.case-notified',
        'consultation.requested',
        'supervision.joint-listed',
        'pil.case-opened',
        'pil.clock-changed',
        'edc.consultation-opened',
        'sharing.decision-recorded',
        'sharing.information-shared',
      ]),
    );
    expect(new Set(BRIDGED_EVENT_TYPES).size).toBe(BRIDGED_EVENT_TYPES.length);
  });
});

describe('routeEvent with a registration of its own (no change to the bridge)', () => {
  interface NoticeInput {
    noticeId: string;
    court: string;
  }
  const throwaway = defineWorkflowRegistration<NoticeInput>({
    workflowType: 'throwawayNoticeWorkflow',
    stateQuery: 'noticeState',
    startedBy: ['court.docketed'],
    signalledBy: ['court.hearing-scheduled', 'transfer.sent'],
    workflowId: (e) => (payloadField(e, 'noticeId') ? `notice-${payloadField(e, 'noticeId')}` : undefined),
    start: (e) => ({
      input: { noticeId: payloadField(e, 'noticeId')!, court: e.producer.agencyId },
      idReusePolicy: 'ALLOW_DUPLICATE',
      labels: {
        what: '测试',
        ids: { noticeId: payloadField(e, 'noticeId')! },
        agencies: { court: e.producer.agencyId },
      },
    }),
    signalOptional: (e) => e.type === 'transfer.sent',
  });
  const registrations: WorkflowRegistration[] = [throwaway];

  it("a start event starts it with the registration's input, policy and labels", () => {
    const e = env('court.docketed', 'court', { noticeId: 'n1' });
    expect(routeEvent(e, { registrations, taskQueue: 'q' })).toEqual([
      {
        kind: 'signalWithStart',
        workflowType: 'throwawayNoticeWorkflow',
        workflowId: 'notice-n1',
        stateQuery: 'noticeState',
        taskQueue: 'q',
        startArgs: [{ noticeId: 'n1', court: 'court:210100' }],
        signal: 'caseEvent',
        signalArgs: [toCaseEventSignal(e)],
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        memo: {
          linkedCaseId,
          noticeId: 'n1',
          courtAgency: expect.stringContaining('(court:210100)') as unknown as string,
        },
        staticSummary: expect.stringMatching(/^测试 · .+ · /) as unknown as string,
      },
    ]);
  });

  it('a signal event signals it (optional as the registration says); events it does not list, or without its id, route nowhere', () => {
    expect(routeEvent(env('court.hearing-scheduled', 'court', { noticeId: 'n1' }), { registrations })).toEqual([
      expect.objectContaining({ kind: 'signal', workflowId: 'notice-n1' }),
    ]);
    expect(
      routeEvent(env('court.hearing-scheduled', 'court', { noticeId: 'n1' }), { registrations })[0],
    ).not.toHaveProperty('optional');
    expect(routeEvent(env('transfer.sent', 'enforcement', { noticeId: 'n2', transferId }), { registrations })).toEqual([
      expect.objectContaining({ kind: 'signal', workflowId: 'notice-n2', optional: true }),
    ]);
    expect(routeEvent(env('court.hearing-scheduled', 'court', {}), { registrations })).toEqual([]);
    expect(
      routeEvent(env('transfer.crime-suspected', 'enforcement', { transferId, noticeId: 'n1' }), { registrations }),
    ).toEqual([]);
  });

  it('beside the built-in registrations, one event reaches both', () => {
    const routes = routeEvent(env('transfer.sent', 'enforcement', { noticeId: 'n3', transferId }), {
      registrations: [...WORKFLOW_REGISTRY, throwaway],
    });
    expect(routes.map((r) => r.workflowId)).toEqual([`transfer-${transferId}`, 'notice-n3']);
  });
});

import { createEnvelope, type ProducerKind } from '@casebridge/contracts';
import { routeEvent, toCaseEventSignal } from './route-event';

const transferId = '01a22400-0000-7000-8000-000000000001';
const supervisionId = '01a22400-0000-7000-8000-000000000002';
const linkedCaseId = '01a22400-0000-7000-8000-000000000003';

function env(type: string, kind: ProducerKind, payload: Record<string, unknown>) {
  return createEnvelope({
    type, version: 1, linkedCaseId, producer: { agencyId: `${kind}:210100`, kind }, actor: { officerId: 'o' },
    occurredAt: '2025-09-30T02:00:00.000Z', payload,
  });
}

describe('routeEvent', () => {
  it('transfer.crime-suspected starts the transfer (signalWithStart, REJECT_DUPLICATE) with the producer as enforcement agency', () => {
    const e = env('transfer.crime-suspected', 'enforcement', { transferId });
    expect(routeEvent(e, { taskQueue: 'q' })).toEqual([{
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
    }]);
  });

  it('transfer.procuratorate-opinion may reopen a refused transfer (ALLOW_DUPLICATE), enforcement from the payload', () => {
    const [route] = routeEvent(env('transfer.procuratorate-opinion', 'procuratorate', { transferId, enforcementAgencyId: 'enforcement:210200' }));
    expect(route).toMatchObject({
      kind: 'signalWithStart', workflowIdReusePolicy: 'ALLOW_DUPLICATE', taskQueue: 'casebridge-cases',
      startArgs: [{ enforcementAgencyId: 'enforcement:210200', region: '210200' }],
    });
  });

  it('police events only signal a transfer that exists', () => {
    expect(routeEvent(env('transfer.receipt-signed', 'police', { transferId }))).toEqual([
      expect.objectContaining({ kind: 'signal', workflowId: `transfer-${transferId}`, signal: 'caseEvent' }),
    ]);
  });

  it('transfer.filing-decided under supervision goes to the transfer (optional) and to the supervision', () => {
    const routes = routeEvent(env('transfer.filing-decided', 'police', { transferId, supervisionId, outcome: 'filed' }));
    expect(routes.map((r) => [r.kind, r.workflowId, r.kind === 'signal' ? r.optional ?? false : null])).toEqual([
      ['signal', `transfer-${transferId}`, true],
      ['signal', `supervision-${supervisionId}`, false],
    ]);
  });

  it('filing-supervision.opened starts the supervision with the producing procuratorate', () => {
    const [, route] = routeEvent(env('filing-supervision.opened', 'procuratorate', {
      supervisionId, transferId, policeAgencyId: 'police:210100', enforcementAgencyId: 'enforcement:210100', ground: 'not-filed',
    }));
    expect(route).toMatchObject({
      kind: 'signalWithStart', workflowType: 'filingSupervisionWorkflow', workflowId: `supervision-${supervisionId}`,
      stateQuery: 'supervisionState', workflowIdReusePolicy: 'REJECT_DUPLICATE',
      startArgs: [{ supervisionId, transferId, procuratorateAgencyId: 'procuratorate:210100', policeAgencyId: 'police:210100', region: '210100', ground: 'not-filed' }],
    });
  });

  it('filing-supervision.opened and reasons-accepted also reach the transfer (optional: own motion may have none), which holds supervision.request-review', () => {
    const opened = routeEvent(env('filing-supervision.opened', 'procuratorate', {
      supervisionId, transferId, policeAgencyId: 'police:210100', enforcementAgencyId: 'enforcement:210100', ground: 'not-filed',
    }));
    expect(opened.map((r) => [r.kind, r.workflowId, r.kind === 'signal' ? r.optional ?? false : null])).toEqual([
      ['signal', `transfer-${transferId}`, true],
      ['signalWithStart', `supervision-${supervisionId}`, null],
    ]);
    const accepted = routeEvent(env('filing-supervision.reasons-accepted', 'procuratorate', { supervisionId, transferId, note: 'x' }));
    expect(accepted.map((r) => [r.workflowId, r.kind === 'signal' ? r.optional ?? false : null])).toEqual([
      [`transfer-${transferId}`, true],
      [`supervision-${supervisionId}`, false],
    ]);
  });

  it('filing-supervision.requested goes to the transfer only (no supervision exists yet)', () => {
    expect(routeEvent(env('filing-supervision.requested', 'enforcement', { transferId })).map((r) => r.workflowId)).toEqual([`transfer-${transferId}`]);
  });

  it('case.registered starts the penalty clock workflow; penalty.clock-changed signals it (optional: older cases have none)', () => {
    const [start] = routeEvent(env('case.registered', 'enforcement', { caseId: transferId, region: '210100' }));
    expect(start).toMatchObject({
      kind: 'signalWithStart', workflowType: 'penaltyPeriodWorkflow', workflowId: `penalty-${transferId}`, workflowIdReusePolicy: 'REJECT_DUPLICATE',
      startArgs: [{ caseId: transferId, enforcementAgencyId: 'enforcement:210100', region: '210100' }],
    });
    expect(routeEvent(env('penalty.clock-changed', 'enforcement', { caseId: transferId, state: 'suspended', reason: 'x' }))).toEqual([
      expect.objectContaining({ kind: 'signal', workflowId: `penalty-${transferId}`, optional: true }),
    ]);
  });

  it('events that are not for workflows route nowhere', () => {
    expect(routeEvent(env('deadline.started', 'workflow', { stepId: 'x' }))).toEqual([]);
    expect(routeEvent(env('evidence.attached', 'enforcement', { caseId: transferId }))).toEqual([]);
  });

  it('the signal is compact and plain', () => {
    const e = env('transfer.sent', 'enforcement', { transferId, toAgencyId: 'police:210100' });
    expect(toCaseEventSignal(e)).toEqual({
      eventId: e.eventId, type: 'transfer.sent', version: 1, occurredAt: '2025-09-30T02:00:00.000Z', producerAgencyId: 'enforcement:210100',
      payload: { transferId, toAgencyId: 'police:210100' },
    });
  });
});

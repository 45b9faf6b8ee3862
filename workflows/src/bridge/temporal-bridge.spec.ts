import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { createEnvelope } from '@casebridge/contracts';
import { routeEvent } from './route-event';
import { TemporalBridge, WorkflowNotStartedError, WorkflowSignalRaceError } from './temporal-bridge';

const transferId = '01a22400-0000-7000-8000-000000000001';
const workflowId = `transfer-${transferId}`;
const receipt = createEnvelope({
  type: 'transfer.receipt-signed', version: 1, linkedCaseId: '01a22400-0000-7000-8000-000000000003',
  producer: { agencyId: 'police:210100', kind: 'police' }, actor: { officerId: 'o' }, occurredAt: '2026-12-06T02:59:17.000Z',
  payload: { transferId, receiptNumber: 'R-1' },
});

/**
 * The classification of a refused signal only (what the bridge asks Temporal and decides from the answers): the
 * server's answers are stubbed here; the bridge against a real server is covered by the workflow and e2e tests.
 */
function bridgeWhere(describe: () => Promise<{ status: { name: string } }>): TemporalBridge {
  const handle = {
    signal: async (): Promise<void> => { throw new WorkflowNotFoundError('workflow execution not found', workflowId, undefined); },
    describe,
  };
  return new TemporalBridge({ workflow: { getHandle: () => handle } } as unknown as Client);
}

describe('TemporalBridge: a signal refused as "workflow not found"', () => {
  const [route] = routeEvent(receipt, { taskQueue: 'q' });

  it('is retried, not dropped, when the workflow is running after all (a transient answer: dropping would lose the act)', async () => {
    const bridge = bridgeWhere(async () => ({ status: { name: 'RUNNING' } }));
    expect(route!.kind).toBe('signal');
    await expect(bridge.deliver(receipt)).rejects.toBeInstanceOf(WorkflowSignalRaceError);
    await expect(bridge.execute(route!)).rejects.toThrow(/refused as not found \(workflow execution not found\) but the workflow is running: retry/);
  });

  it('is dropped as late when the workflow has closed', async () => {
    const bridge = bridgeWhere(async () => ({ status: { name: 'COMPLETED' } }));
    expect((await bridge.deliver(receipt)).map((o) => o.status)).toEqual(['dropped-closed']);
  });

  it('waits for the start event when the workflow does not exist yet', async () => {
    const bridge = bridgeWhere(async () => { throw new WorkflowNotFoundError('not found', workflowId, undefined); });
    await expect(bridge.deliver(receipt)).rejects.toBeInstanceOf(WorkflowNotStartedError);
    expect(await bridge.execute({ ...route!, kind: 'signal', optional: true })).toMatchObject({ status: 'skipped-not-started' });
  });
});

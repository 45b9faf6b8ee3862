/**
 * TemporalBridge's delivery decisions for signal-only events (no Temporal here: the client is scripted, the
 * routing and the Temporal round trips are covered by the workflow and e2e projects). The case kept from CI
 * (supervision e2e, 2026-11-29): transfer.receipt-signed parked until transfer.crime-suspected started the
 * transfer, then its signal answered NOT_FOUND while describe said RUNNING, and the bridge dropped it as
 * "late", so the filing-review clock (E17 art 9, rule transfer.filing-review) never opened.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import { TemporalBridge, WorkflowNotStartedError } from './temporal-bridge';

const TRANSFER = '6d793368-9321-4c72-8923-eb8dc5d35e4d';
const receiptSigned: IntegrationEventEnvelope = {
  eventId: '01a24935-9845-7021-af3a-bd143854b292',
  type: 'transfer.receipt-signed',
  version: 1,
  occurredAt: '2026-12-06T02:36:20.000Z',
  linkedCaseId: '01a24935-926a-70d8-b28b-334c6903fc80',
  producer: { agencyId: 'police:210100' },
  payload: { transferId: TRANSFER, receiptNumber: 'R-1' },
} as unknown as IntegrationEventEnvelope;

type Answer = 'ok' | 'not-found';

/** A client whose handle answers signals and describes from scripts (the last answer repeats). */
function scriptedClient(signals: Answer[], status: string | 'not-found') {
  const calls = { signal: 0, describe: 0 };
  const notFound = () => new WorkflowNotFoundError('workflow not found', `transfer-${TRANSFER}`, undefined);
  const handle = {
    signal: async () => {
      const answer = signals[Math.min(calls.signal++, signals.length - 1)];
      if (answer === 'not-found') throw notFound();
    },
    describe: async () => {
      calls.describe++;
      if (status === 'not-found') throw notFound();
      return { status: { name: status } };
    },
  };
  const client = { workflow: { getHandle: () => handle } } as unknown as Client;
  return { client, calls };
}

describe('TemporalBridge, signal-only events', () => {
  it('signals a running workflow again when it refused the first signal (the event is not late)', async () => {
    const { client, calls } = scriptedClient(['not-found', 'not-found', 'ok'], 'RUNNING');
    const [outcome] = await new TemporalBridge(client).deliver(receiptSigned);
    expect(outcome!.status).toBe('delivered');
    expect(calls.signal).toBe(3);
  });

  it('parks the event (WorkflowNotStartedError) when a running workflow keeps refusing it', async () => {
    const { client, calls } = scriptedClient(['not-found'], 'RUNNING');
    await expect(new TemporalBridge(client).deliver(receiptSigned)).rejects.toBeInstanceOf(WorkflowNotStartedError);
    expect(calls.signal).toBe(5);
  });

  it('drops the event as late when the workflow has completed', async () => {
    const { client, calls } = scriptedClient(['not-found'], 'COMPLETED');
    const [outcome] = await new TemporalBridge(client).deliver(receiptSigned);
    expect(outcome!.status).toBe('dropped-closed');
    expect(calls.signal).toBe(1);
  });

  it('parks the event when the workflow was never started (an event of another topic overtook it)', async () => {
    const { client } = scriptedClient(['not-found'], 'not-found');
    await expect(new TemporalBridge(client).deliver(receiptSigned)).rejects.toBeInstanceOf(WorkflowNotStartedError);
  });
});

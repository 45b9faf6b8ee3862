/**
 * A workflow the bridge has never heard of, fed through TemporalBridge on the time-skipping server by one
 * registration: its start event starts it (signal-with-start, with the registration's input and labels), the next
 * event signals it, a late event after it closed is dropped, and an early signal waits for its start. The
 * bridge and route-event are not changed for it — that is the point of the registry.
 */
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { v7 as uuidv7 } from 'uuid';
import { createEnvelope, eventRegistry, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import { workflowBundlerOptions } from '../bundler-options';
import { THROWAWAY_STATE_QUERY, type ThrowawayInput, type ThrowawayState } from '../testing/throwaway.workflow';
import { eventually } from '../testing/workflow-test-kit';
import { TemporalBridge } from './temporal-bridge';
import { defineWorkflowRegistration, payloadField, workflowIdFromPayload } from './workflow-registration';

const COURT = 'court:210100';

const throwawayRegistration = defineWorkflowRegistration<ThrowawayInput>({
  workflowType: 'throwawayCourtCaseWorkflow',
  stateQuery: THROWAWAY_STATE_QUERY,
  startedBy: ['court.case-docketed'],
  signalledBy: ['court.hearing-scheduled', 'court.judgment-rendered'],
  workflowId: workflowIdFromPayload('courtCaseId', (id) => `throwaway-${id}`),
  start: (e) => ({
    input: { courtCaseId: payloadField(e, 'courtCaseId')!, courtAgencyId: e.producer.agencyId },
    labels: {
      what: '测试',
      ids: { courtCaseId: payloadField(e, 'courtCaseId')! },
      agencies: { court: e.producer.agencyId },
    },
  }),
});

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let client: Client;
let bridge: TemporalBridge;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  const taskQueue = `throwaway-${uuidv7()}`;
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../testing/throwaway.workflow'),
    bundlerOptions: workflowBundlerOptions(),
  });
  running = worker.run();
  client = new Client({ connection: env.connection, namespace: 'default' });
  bridge = new TemporalBridge(client, { route: { taskQueue, registrations: [throwawayRegistration] } });
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

function courtEvent(type: string, payload: Record<string, unknown>): IntegrationEventEnvelope {
  const e = createEnvelope({
    type,
    version: 1,
    linkedCaseId: uuidv7(),
    producer: { agencyId: COURT, kind: 'court' },
    actor: { officerId: 'judge' },
    occurredAt: new Date().toISOString(),
    eventId: uuidv7(),
    payload,
  });
  const decoded = eventRegistry.decode(JSON.stringify(e));
  if (!decoded.ok) throw new Error(`fixture ${type} is not contract-valid: ${decoded.detail}`);
  return e;
}

describe('a registered throwaway workflow fed by the unchanged bridge', () => {
  it('starts on its start event, is signalled by the next ones, ends, and drops a late event', async () => {
    const courtCaseId = uuidv7();
    const workflowId = `throwaway-${courtCaseId}`;
    const docketed = courtEvent('court.case-docketed', {
      courtCaseId,
      docketNumber: '(2025)辽01民初1号',
      track: 'civil',
      procedure: 'ordinary',
      sourceId: uuidv7(),
    });
    const [started] = await bridge.deliver(docketed);
    expect(started).toMatchObject({
      status: 'delivered',
      route: { kind: 'signalWithStart', workflowType: 'throwawayCourtCaseWorkflow', workflowId },
    });

    const handle = client.workflow.getHandle(workflowId);
    const description = await handle.describe();
    expect(description.type).toBe('throwawayCourtCaseWorkflow');
    expect(await description.memo).toMatchObject({
      courtCaseId,
      courtAgency: expect.stringContaining(COURT) as unknown as string,
    });

    const hearing = courtEvent('court.hearing-scheduled', { courtCaseId, hearingAt: '2025-11-03T09:00:00+08:00' });
    expect(await bridge.deliver(hearing)).toEqual([
      expect.objectContaining({ status: 'delivered', route: expect.objectContaining({ kind: 'signal' }) }),
    ]);
    await bridge.deliver(docketed); // redelivered: the start is not repeated, the workflow dedupes the signal
    const state = await eventually(async () => {
      const s = await handle.query<ThrowawayState>(THROWAWAY_STATE_QUERY);
      return s.events.length === 2 ? s : undefined;
    }, 'both events recorded');
    expect(state).toEqual({
      input: { courtCaseId, courtAgencyId: COURT },
      events: [
        { eventId: docketed.eventId, type: 'court.case-docketed' },
        { eventId: hearing.eventId, type: 'court.hearing-scheduled' },
      ],
    });

    await bridge.deliver(courtEvent('court.judgment-rendered', { courtCaseId, summary: '判决' }));
    expect(((await handle.result()) as ThrowawayState).events.map((e) => e.type)).toEqual([
      'court.case-docketed',
      'court.hearing-scheduled',
      'court.judgment-rendered',
    ]);
    // after it closed: a late signal and a late start are dropped, never restart it (REJECT_DUPLICATE by default)
    expect(
      (
        await bridge.deliver(
          courtEvent('court.hearing-scheduled', { courtCaseId, hearingAt: '2025-11-04T09:00:00+08:00' }),
        )
      )[0]!.status,
    ).toBe('dropped-closed');
    expect(
      (await bridge.deliver(courtEvent('court.case-docketed', { ...(docketed.payload as object) })))[0]!.status,
    ).toBe('dropped-closed');
  });

  it('a signal for a workflow that does not exist yet is refused as early (WorkflowNotStartedError: the consumer parks it)', async () => {
    await expect(
      bridge.deliver(
        courtEvent('court.hearing-scheduled', { courtCaseId: uuidv7(), hearingAt: '2025-11-03T09:00:00+08:00' }),
      ),
    ).rejects.toMatchObject({ code: 'BRIDGE.WORKFLOW_NOT_STARTED' });
  });
});

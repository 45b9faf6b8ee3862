/**
 * A throwaway workflow for the registry test (bridge/registration.workflow-spec.ts): records the case events it
 * receives and ends on a judgment. Test-only: bundled by that spec alone, not part of ./index.ts.
 * WORKFLOW CODE.
 */
import { condition, defineQuery, defineSignal, setHandler } from '@temporalio/workflow';
import { CaseWorkflowSignals, type CaseEventSignal } from '../shared/deadline.contracts';

export interface ThrowawayInput {
  courtCaseId: string;
  courtAgencyId: string;
}

export interface ThrowawayState {
  input: ThrowawayInput;
  events: Array<{ eventId: string; type: string }>;
}

export const THROWAWAY_STATE_QUERY = 'throwawayState';
const stateQuery = defineQuery<ThrowawayState>(THROWAWAY_STATE_QUERY);
const caseEventSignal = defineSignal<[CaseEventSignal]>(CaseWorkflowSignals.caseEvent);

export async function throwawayCourtCaseWorkflow(input: ThrowawayInput): Promise<ThrowawayState> {
  const events: ThrowawayState['events'] = [];
  setHandler(caseEventSignal, (e: CaseEventSignal) => {
    if (!events.some((x) => x.eventId === e.eventId)) events.push({ eventId: e.eventId, type: e.type });
  });
  setHandler(stateQuery, () => ({ input, events }));
  await condition(() => events.some((e) => e.type === 'court.judgment-rendered'));
  return { input, events };
}

/**
 * How the bridge starts and signals jointSupervisionWorkflow (one per listed case, id `joint-supervision-<linkedCaseId>`).
 * Node code: listed in workflows/src/registry.ts.
 */
import { defineWorkflowRegistration } from '../bridge/workflow-registration';
import {
  JOINT_SUPERVISION_WORKFLOW_TYPE,
  JointSupervisionQueries,
  jointSupervisionWorkflowId,
  type JointSupervisionInput,
} from './joint-supervision.contracts';

export const jointSupervisionRegistration = defineWorkflowRegistration<JointSupervisionInput>({
  workflowType: JOINT_SUPERVISION_WORKFLOW_TYPE,
  stateQuery: JointSupervisionQueries.jointSupervisionState,
  startedBy: ['supervision.joint-listed'],
  signalledBy: [
    'joint-supervision.progress-reported',
    'supervision.joint-meeting-recorded',
    'joint-supervision.decision-done',
  ],
  workflowId: (event) => jointSupervisionWorkflowId(event.linkedCaseId),
  start: (event, { config }) => {
    const participants = (event.payload as { participants?: unknown }).participants;
    const first = Array.isArray(participants) && typeof participants[0] === 'string' ? participants[0] : '';
    const region = first.split(':')[1] ?? '';
    return {
      input: { linkedCaseId: event.linkedCaseId, region, ...(config ? { config } : {}) },
      labels: { what: '联合督办', ids: {}, agencies: { first } },
    };
  },
});

/**
 * The joint-supervision flow as the registry lists it (../registry.ts): its events, the subject (one joint
 * supervision per linked case: 'joint-supervision'), and the audit's rows — the one view participants and
 * supervisors fold (`evolveJointSupervision`), listed once for each party (each participant and each other
 * decision owner) in the `jointSupervisions` section of its agency kind, with its `agencyId` and `role`.
 * The view has no phases (rounds instead); the supervisors' acts stay in supervision.acts as well.
 */
import { AUDIT_AGENCY_KINDS, defineFlow, partyRows } from '../kit';
import {
  evolveJointSupervision,
  isJointSupervisionEvent,
  JOINT_SUPERVISION_EVENT_TYPES,
  jointParties,
  type JointSupervisionView,
} from './joint-supervision.flow';

/** Each party's row of the case's joint supervision (no rows before the listing). */
function auditRows(v: JointSupervisionView | null) {
  if (!v) return partyRows('jointSupervisions', AUDIT_AGENCY_KINDS, null, []);
  const { linkedCaseId: _linked, ...row } = v;
  return partyRows(
    'jointSupervisions',
    AUDIT_AGENCY_KINDS,
    row,
    jointParties(v).map((agencyId) => ({
      agencyId,
      role: v.participants.includes(agencyId) ? 'participant' : 'decision-owner',
    })),
  );
}

/** The joint-supervision flow (联合督办, flows.md §5) for the registry. */
export const jointSupervisionDefinition = defineFlow({
  name: 'joint-supervision',
  eventTypes: JOINT_SUPERVISION_EVENT_TYPES,
  isEvent: isJointSupervisionEvent,
  subjectOf: () => 'joint-supervision',
  phases: {},
  audit: {
    sections: Object.fromEntries(AUDIT_AGENCY_KINDS.map((k) => [k, ['jointSupervisions']])),
    empty: null as JointSupervisionView | null,
    evolve: (v, e) => evolveJointSupervision(v, e),
    rows: auditRows,
  },
});

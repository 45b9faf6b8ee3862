/**
 * The shared record of a linked case (信息共享, flows.md §5) as a pure decider: one sharing.platform-entry step
 * per decision (key = decisionId), 7 days from the decision (E17 art 34). No Temporal, no I/O, no clock.
 */
import { knownDecisionOf } from '@casebridge/legal-time/rules/shared-decisions';
import type { AgencyRole, CaseEventSignal } from '../shared/deadline.contracts';
import {
  apply,
  ignore,
  payloadString,
  type CaseDecider,
  type Decision,
  type StepContext,
} from '../shared/step-actions';
import type { SharedDecisionView } from './sharing.contracts';

export const SHARING_PLATFORM_ENTRY = 'sharing.platform-entry';

export interface SharingModel {
  linkedCaseId: string;
  /** by decisionId, in the order they became known */
  decisions: Record<string, SharedDecisionView>;
  /** the first agency of each role seen on the case (the runner's owners; steps name their owner themselves) */
  agencies: Partial<Record<AgencyRole, string>>;
}

export function initialSharingModel(linkedCaseId: string): SharingModel {
  return { linkedCaseId, decisions: {}, agencies: {} };
}

const ROLES: readonly AgencyRole[] = ['enforcement', 'police', 'procuratorate'];

/** The role an agency id has on the runner's side ('enforcement' for a court: its steps name the court as owner). */
function roleOf(agencyId: string): AgencyRole {
  const kind = agencyId.split(':')[0] as AgencyRole;
  return ROLES.includes(kind) ? kind : 'enforcement';
}

function withAgency(model: SharingModel, agencyId: string): SharingModel['agencies'] {
  const kind = agencyId.split(':')[0] as AgencyRole;
  if (!ROLES.includes(kind) || model.agencies[kind]) return model.agencies;
  return { ...model.agencies, [kind]: agencyId };
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function decideSharing(model: SharingModel, event: CaseEventSignal, ctx: StepContext): Decision<SharingModel> {
  const at = event.occurredAt;
  const owner = event.producerAgencyId;
  const stepOwner = { role: roleOf(owner), owner: { kind: 'agency', agencyId: owner } } as const;
  const agencies = withAgency(model, owner);

  if (event.type === 'sharing.decision-recorded') {
    const decisionId = payloadString(event, 'decisionId');
    const decisionKind = payloadString(event, 'decisionKind');
    const decidedAt = payloadString(event, 'decidedAt');
    if (!decisionId || !decisionKind || !decidedAt) return ignore('decision without id, kind or date');
    if (model.decisions[decisionId]) return ignore(`decision ${decisionId} already known`);
    const decision: SharedDecisionView = {
      decisionId,
      decisionKind,
      ownerAgencyId: owner,
      decidedAt,
      enteredAt: null,
      entryId: null,
      automatic: false,
      sharedWith: [],
    };
    return apply(
      { ...model, agencies, decisions: { ...model.decisions, [decisionId]: decision } },
      { kind: 'open', ruleId: SHARING_PLATFORM_ENTRY, key: decisionId, from: decidedAt, ...stepOwner },
    );
  }

  if (event.type === 'sharing.information-shared') {
    const decisionId = payloadString(event, 'decisionId');
    const entryId = payloadString(event, 'entryId');
    if (!decisionId || !entryId) return ignore('entry without decision or entry id');
    const known = model.decisions[decisionId];
    if (known?.enteredAt) return ignore(`decision ${decisionId} already entered`);
    const entered: SharedDecisionView = {
      decisionId,
      decisionKind: known?.decisionKind ?? payloadString(event, 'decisionKind') ?? 'unclassified',
      ownerAgencyId: known?.ownerAgencyId ?? owner,
      decidedAt: known?.decidedAt ?? payloadString(event, 'decidedAt') ?? at,
      enteredAt: at,
      entryId,
      automatic: event.payload.automatic === true,
      sharedWith: stringList(event.payload.sharedWith),
    };
    const next = { ...model, agencies, decisions: { ...model.decisions, [decisionId]: entered } };
    if (ctx.isOpen(SHARING_PLATFORM_ENTRY, decisionId)) {
      return apply(next, { kind: 'close', ruleId: SHARING_PLATFORM_ENTRY, key: decisionId, at });
    }
    // entered without being recorded first: the period is checked at once, counted from the decision
    return apply(next, {
      kind: 'instant',
      ruleId: SHARING_PLATFORM_ENTRY,
      key: decisionId,
      from: entered.decidedAt,
      at,
      ...stepOwner,
    });
  }

  // a decision the system already knows from its own event: entered automatically, the step met at once
  const known = knownDecisionOf(event.type, event.payload);
  if (!known) return ignore(`${event.type} is not a decision entered on the shared record`);
  if (model.decisions[event.eventId]) return ignore(`decision ${event.eventId} already entered`);
  const decision: SharedDecisionView = {
    decisionId: event.eventId,
    decisionKind: known.kind,
    ownerAgencyId: owner,
    decidedAt: at,
    enteredAt: at,
    entryId: event.eventId,
    automatic: true,
    sharedWith: [],
  };
  return apply(
    { ...model, agencies, decisions: { ...model.decisions, [event.eventId]: decision } },
    { kind: 'instant', ruleId: SHARING_PLATFORM_ENTRY, key: event.eventId, from: at, at, ...stepOwner },
  );
}

export const sharingDecider: CaseDecider<SharingModel> = {
  decide: decideSharing,
  // The rule's consequence is a supervisor warning: deadline.missed itself (supervision shows it). The step stays
  // owed until the decision is entered (then closed late).
  onMissed: () => null,
  // The shared record lasts as long as the linked case.
  isFinished: () => false,
};

/** The runner's owners: the agency seen in each role ('' until one was). */
export function sharingOwners(model: SharingModel): Record<AgencyRole, string> {
  return {
    enforcement: model.agencies.enforcement ?? '',
    police: model.agencies.police ?? '',
    procuratorate: model.agencies.procuratorate ?? '',
  };
}

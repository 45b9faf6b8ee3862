/**
 * The consultations of one linked case as a pure decider: each question opens `consultation.written-reply`
 * (7 days, E17 art 24) owed by the consulted agency, keyed by the consultation id, so several run at once;
 * the written reply of the consulted agency closes its step (met or late). A reply by anyone else, or a second
 * reply, changes nothing. The workflow runs for the life of the case (continue-as-new keeps it small).
 * Mirrors libs/flows consultation.flow.ts. No Temporal, no I/O.
 */
import type { AgencyRole, CaseEventSignal } from '../shared/deadline.contracts';
import { apply, defer, ignore, payloadString, type CaseDecider, type Decision } from '../shared/step-actions';
import { roleOf } from '../notification/notification.decider';
import type { ConsultationEntry } from './consultation.contracts';

export const CONSULTATION_REPLY_RULE = 'consultation.written-reply';

export interface ConsultationModel {
  consultations: ConsultationEntry[];
}

export function initialConsultationModel(): ConsultationModel {
  return { consultations: [] };
}

export function decideConsultation(model: ConsultationModel, event: CaseEventSignal): Decision<ConsultationModel> {
  const at = event.occurredAt;
  const consultationId = payloadString(event, 'consultationId');
  if (!consultationId) return ignore(`${event.type} names no consultation`);
  const known = model.consultations.find((c) => c.consultationId === consultationId);
  switch (event.type) {
    case 'consultation.requested': {
      if (known) return ignore(`consultation ${consultationId} was already asked`);
      const consultedAgencyId = payloadString(event, 'consultedAgencyId');
      if (!consultedAgencyId || consultedAgencyId === event.producerAgencyId)
        return ignore('a consultation names another agency to consult');
      const entry: ConsultationEntry = {
        consultationId,
        askingAgencyId: event.producerAgencyId,
        consultedAgencyId,
        askedAt: at,
        repliedAt: null,
      };
      return apply(
        { consultations: [...model.consultations, entry] },
        {
          kind: 'open',
          ruleId: CONSULTATION_REPLY_RULE,
          key: consultationId,
          role: roleOf(consultedAgencyId),
          owner: { kind: 'agency', agencyId: consultedAgencyId },
          from: at,
        },
      );
    }
    case 'consultation.replied': {
      if (!known) return defer(`waiting for consultation.requested ${consultationId}`);
      if (event.producerAgencyId !== known.consultedAgencyId)
        return ignore(`${event.producerAgencyId} was not consulted in ${consultationId}`);
      if (known.repliedAt) return ignore(`consultation ${consultationId} was already answered`);
      return apply(
        {
          consultations: model.consultations.map((c) => (c === known ? { ...c, repliedAt: at } : c)),
        },
        { kind: 'close', ruleId: CONSULTATION_REPLY_RULE, key: consultationId, at },
      );
    }
    default:
      return ignore(`not a consultation event: ${event.type}`);
  }
}

export const consultationDecider: CaseDecider<ConsultationModel> = {
  decide: (model, event) => decideConsultation(model, event),
  // an overdue reply stays owed (deadline.missed to the consulted agency and the supervisors)
  onMissed: () => null,
  isFinished: () => false,
};

export function consultationOwners(input: { firstAskingAgencyId: string; region: string }): Record<AgencyRole, string> {
  return {
    enforcement: `enforcement:${input.region}`,
    police: `police:${input.region}`,
    procuratorate: `procuratorate:${input.region}`,
    [roleOf(input.firstAskingAgencyId)]: input.firstAskingAgencyId,
  };
}

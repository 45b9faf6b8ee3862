/**
 * Two-way consultation (双向案件咨询), flows.md §5, as data: a written question from one agency to another
 * (with attachments hashed like evidence), answered in writing within `consultation.written-reply` (7 days,
 * E17 art 24). Several may be open on one case at once, each its own keyed step. The phases, the acts
 * (who, where, what they emit) and one pure view every party, the workflow and audit fold. Pure.
 */
import type { ConsultationAttachmentV1, ConsultationRepliedV1, ConsultationRequestedV2 } from '@casebridge/contracts';
import {
  actRules,
  eventGuard,
  moveTo,
  unhandled,
  type ActSpec,
  type EventsOf,
  type FlowEvent,
  type Phased,
} from '../kit';

export interface ConsultationEventPayloads {
  'consultation.requested': ConsultationRequestedV2;
  'consultation.replied': ConsultationRepliedV1;
}
export type ConsultationEvent = EventsOf<ConsultationEventPayloads>;
export type ConsultationEventType = ConsultationEvent['type'];

const TYPES: Record<ConsultationEventType, true> = { 'consultation.requested': true, 'consultation.replied': true };
export const CONSULTATION_EVENT_TYPES = Object.keys(TYPES) as ConsultationEventType[];
export const isConsultationEvent: (e: FlowEvent) => e is ConsultationEvent =
  eventGuard<ConsultationEvent>(CONSULTATION_EVENT_TYPES);

/** The clock of the written reply (deadlines.md, E17 art 24), one step per consultation (key: consultationId). */
export const CONSULTATION_REPLY_RULE = 'consultation.written-reply';

export const CONSULTATION_PHASES = ['asked', 'replied'] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];

export type ConsultationAct = 'reply';

/** The consulted agency's act (any agency kind that can be consulted: `by` is its kind). */
export function consultedActs(
  kind: ActSpec<ConsultationPhase>['by'],
): Readonly<Record<ConsultationAct, ActSpec<ConsultationPhase>>> {
  return {
    reply: {
      by: kind,
      roles: ['officer', 'head'],
      allowedIn: ['asked'],
      leadsTo: ['replied'],
      emits: 'consultation.replied',
      text: 'reply to the consultation',
    },
  };
}

export const ConsultationErrors = {
  notFound: 'CONSULTATION.NOT_FOUND',
  alreadyDone: 'CONSULTATION.ALREADY_DONE',
  outOfOrder: 'CONSULTATION.OUT_OF_ORDER',
  /** 400: an agency consulting itself */
  consultedInvalid: 'CONSULTATION.CONSULTED_INVALID',
  /** 400: two attachments with the same content (SHA-256) */
  attachmentDuplicate: 'CONSULTATION.ATTACHMENT_DUPLICATE',
} as const;

export const CONSULTED_ACT_RULES = actRules(consultedActs('police'), {
  subject: 'consultation',
  codes: {
    alreadyDone: ConsultationErrors.alreadyDone,
    outOfOrder: ConsultationErrors.outOfOrder,
    closed: ConsultationErrors.alreadyDone,
  },
  closed: ['replied'],
  next: {
    asked: 'reply in writing within 7 days (consultation.written-reply)',
    replied: 'nothing is owed: the consultation is answered',
  },
});

/** One consultation as both its parties see it. */
export interface ConsultationView extends Phased<ConsultationPhase> {
  consultationId: string;
  linkedCaseId: string | null;
  askingAgencyId: string;
  consultedAgencyId: string;
  question: string;
  attachments: ConsultationAttachmentV1[];
  askedAt: string;
  reply: string | null;
  repliedAt: string | null;
}

export function consultationParties(v: Pick<ConsultationView, 'askingAgencyId' | 'consultedAgencyId'>): string[] {
  return [v.askingAgencyId, v.consultedAgencyId];
}

/**
 * Folds one event (null before the question). A reply from anyone but the consulted agency, or a reply
 * learnt before its question, changes nothing (null stays null). Exhaustive.
 */
export function evolveConsultation(
  view: ConsultationView | null,
  e: ConsultationEvent,
  linkedCaseId: string | null = null,
): ConsultationView | null {
  switch (e.type) {
    case 'consultation.requested': {
      if (view) return view;
      const p = e.payload;
      return {
        consultationId: p.consultationId,
        linkedCaseId,
        askingAgencyId: e.producer.agencyId,
        consultedAgencyId: p.consultedAgencyId,
        question: p.question,
        attachments: p.attachments.map((a) => ({ ...a })),
        askedAt: e.occurredAt,
        reply: null,
        repliedAt: null,
        phase: 'asked',
        phaseAt: e.occurredAt,
      };
    }
    case 'consultation.replied':
      if (!view || e.producer.agencyId !== view.consultedAgencyId || view.reply !== null) return view;
      return moveTo(view, e, 'replied', { with: { reply: e.payload.reply, repliedAt: e.occurredAt } });
    default:
      return unhandled(e);
  }
}

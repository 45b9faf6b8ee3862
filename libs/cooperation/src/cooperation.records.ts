/**
 * The three kinds of record as one table: how each folds its events (the flows' views), who is party to it, and
 * the reads and writes every command, query and consumer share. An officer reads a record only when its agency is
 * a party; otherwise the record does not exist for it (404, no data).
 */
import type { EntityManager } from 'typeorm';
import { DomainError, type IntegrationEventEnvelope } from '@casebridge/contracts';
import {
  consultationParties,
  ConsultationErrors,
  evolveConsultation,
  evolveJointSupervision,
  evolveNotification,
  isConsultationEvent,
  isJointSupervisionEvent,
  isNotificationEvent,
  jointParties,
  JointSupervisionErrors,
  notificationParties,
  NotificationErrors,
  type ConsultationView,
  type FlowEvent,
  type JointSupervisionView,
  type NotificationView,
} from '@casebridge/flows';
import { CooperationRecord, type RecordKind } from './cooperation-record.entity';

export interface RecordViews {
  notification: NotificationView;
  consultation: ConsultationView;
  'joint-supervision': JointSupervisionView;
}

const NOT_FOUND: Record<RecordKind, { code: string; what: string }> = {
  notification: { code: NotificationErrors.notFound, what: 'notification' },
  consultation: { code: ConsultationErrors.notFound, what: 'consultation' },
  'joint-supervision': { code: JointSupervisionErrors.notFound, what: 'joint supervision of case' },
};

/** The kind's 404 (e.g. NOTIFICATION.NOT_FOUND) for a record that does not exist for the caller. */
export function notFoundOf(kind: RecordKind, id: string): DomainError {
  const nf = NOT_FOUND[kind];
  return new DomainError(nf.code, 'not-found', `No ${nf.what} ${id} concerns your office.`);
}

/** The kind and id of the record an event concerns, or null for an event of no record. */
export function recordOf(e: IntegrationEventEnvelope): { kind: RecordKind; id: string } | null {
  const p = e.payload as Record<string, unknown>;
  if (isNotificationEvent(e as FlowEvent)) return { kind: 'notification', id: String(p.notificationId) };
  if (isConsultationEvent(e as FlowEvent)) return { kind: 'consultation', id: String(p.consultationId) };
  if (isJointSupervisionEvent(e as FlowEvent)) return { kind: 'joint-supervision', id: e.linkedCaseId };
  return null;
}

/** Folds an event into a view of its kind (null: not folded, e.g. an acknowledgement before its notification). */
export function fold<K extends RecordKind>(
  kind: K,
  view: RecordViews[K] | null,
  e: IntegrationEventEnvelope,
): RecordViews[K] | null {
  const event = e as FlowEvent;
  if (kind === 'notification' && isNotificationEvent(event))
    return evolveNotification(view as NotificationView | null, event, e.linkedCaseId) as RecordViews[K] | null;
  if (kind === 'consultation' && isConsultationEvent(event))
    return evolveConsultation(view as ConsultationView | null, event, e.linkedCaseId) as RecordViews[K] | null;
  if (kind === 'joint-supervision' && isJointSupervisionEvent(event))
    return evolveJointSupervision(view as JointSupervisionView | null, event, e.linkedCaseId) as RecordViews[K] | null;
  return view;
}

/** Who may read a view of `kind`. */
export function partiesOf<K extends RecordKind>(kind: K, view: RecordViews[K]): string[] {
  if (kind === 'notification') return notificationParties(view as NotificationView);
  if (kind === 'consultation') return consultationParties(view as ConsultationView);
  return jointParties(view as JointSupervisionView);
}

/** The view of a record `agencyId` is party to, locked for update when `lock`; else 404 with the kind's code. */
export async function partyRecord<K extends RecordKind>(
  manager: EntityManager,
  kind: K,
  id: string,
  agencyId: string,
  lock = false,
): Promise<{ row: CooperationRecord; view: RecordViews[K] }> {
  const row = await manager.findOne(CooperationRecord, {
    where: { kind, id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!row || !row.parties.includes(agencyId)) throw notFoundOf(kind, id);
  return { row, view: row.view as unknown as RecordViews[K] };
}

/** Saves the view of a record (new or changed) with its parties. */
export async function saveRecord<K extends RecordKind>(
  manager: EntityManager,
  kind: K,
  id: string,
  linkedCaseId: string,
  view: RecordViews[K],
): Promise<void> {
  await manager.save(
    manager.create(CooperationRecord, {
      kind,
      id,
      linkedCaseId,
      parties: partiesOf(kind, view),
      view: view as unknown as Record<string, unknown>,
      updatedAt: new Date(),
    }),
  );
}

/**
 * A record none of this service's agencies is party to: no parties, and either an empty view (a marker kept before
 * content-free copies, or a joint supervision's act) or a content-free copy of the view (CooperationConsumer). Acts
 * treat it as absent; reads answer a content-free copy only to an office with a grant, redacted.
 */
export function isMarker(row: Pick<CooperationRecord, 'parties'>): boolean {
  return row.parties.length === 0;
}

/** Whether a record none of this service's agencies is party to holds a content-free copy of its view. */
export function hasCopy(row: Pick<CooperationRecord, 'view'>): boolean {
  return Object.keys(row.view ?? {}).length > 0;
}

/**
 * The view with what was said taken out, shape kept so the flow's fold goes on over it: a notification's content
 * and each recipient's inquiry id; a consultation's question, reply and each attachment's name and hash (the count
 * and sizes stay). What is left is what a granted reader may see (cooperation.access.ts redactedView) and nothing
 * more, so a service that is not party never holds the content (issue 12).
 */
export function contentFree<K extends 'notification' | 'consultation'>(kind: K, view: RecordViews[K]): RecordViews[K] {
  if (kind === 'notification') {
    const v = view as NotificationView;
    return {
      ...v,
      content: '',
      recipients: v.recipients.map((r) => ({ ...r, inquiryId: null })),
    } as RecordViews[K];
  }
  const v = view as ConsultationView;
  return {
    ...v,
    question: '',
    reply: v.reply === null ? null : '',
    attachments: v.attachments.map((a) => ({ fileName: '', sha256: '', sizeBytes: a.sizeBytes })),
  } as RecordViews[K];
}

/** Saves the content-free copy (or, with no view, the marker) of a record none of this service's agencies is party to. */
export async function saveMarker(
  manager: EntityManager,
  kind: RecordKind,
  id: string,
  linkedCaseId: string,
  copy: Record<string, unknown> = {},
): Promise<void> {
  await manager.save(
    manager.create(CooperationRecord, { kind, id, linkedCaseId, parties: [], view: copy, updatedAt: new Date() }),
  );
}

/**
 * Whether `agencyId` is party to a record of this service on `linkedCaseId` (then it may notify or consult on that
 * case, besides the cases it owns or was granted: the `holds` probe of @MayLinkCase on POST /notifications and
 * POST /consultations).
 */
export function partyOnCase(manager: EntityManager, agencyId: string, linkedCaseId: string): Promise<boolean> {
  return manager
    .createQueryBuilder(CooperationRecord, 'r')
    .where('r.linkedCaseId = :linkedCaseId AND r.parties @> :party::jsonb', {
      linkedCaseId,
      party: JSON.stringify([agencyId]),
    })
    .getExists();
}

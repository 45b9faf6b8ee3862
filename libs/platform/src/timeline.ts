/** Entries of the per-record timelines every agency app keeps (who did what, when, from which event). */
import type { IntegrationEventEnvelope } from '@casebridge/contracts';

export interface TimelineEntry {
  at: string;
  what: string;
  by: string;
  eventId?: string;
  note?: string;
}

export function entry(what: string, by: string, at: Date | string = new Date(), extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return { at: typeof at === 'string' ? at : at.toISOString(), what, by, ...extra };
}

/** A timeline entry for what another agency (or the workflow) did, as told by one of its events. */
export function eventEntry(e: IntegrationEventEnvelope, what: string, note?: string | null): TimelineEntry {
  return entry(what, `${e.producer.agencyId}/${e.actor.officerId}`, e.occurredAt, { eventId: e.eventId, ...(note ? { note } : {}) });
}

/** Entries of the per-record timelines every agency app keeps (who did what, when, from which event). */
import type { IntegrationEventEnvelope } from '@casebridge/contracts';

export interface TimelineEntry {
  at: string;
  what: string;
  by: string;
  eventId?: string;
  note?: string;
}

export function entry(
  what: string,
  by: string,
  at: Date | string = new Date(),
  extra: Partial<TimelineEntry> = {},
): TimelineEntry {
  return { at: typeof at === 'string' ? at : at.toISOString(), what, by, ...extra };
}

/** A timeline entry for what another agency (or the workflow) did, as told by one of its events. */
export function eventEntry(e: IntegrationEventEnvelope, what: string, note?: string | null): TimelineEntry {
  return entry(what, `${e.producer.agencyId}/${e.actor.officerId}`, e.occurredAt, {
    eventId: e.eventId,
    ...(note ? { note } : {}),
  });
}

/**
 * The timeline with `e` added in event-time order (ISO instants compared as instants; equal times keep
 * arrival order). Events of other agencies arrive late or out of order (Kafka, retries): every view
 * lists what happened in the order it happened, not in the order it was learnt.
 */
export function withEntry(timeline: readonly TimelineEntry[], e: TimelineEntry): TimelineEntry[] {
  const at = Date.parse(e.at);
  let i = timeline.length;
  while (i > 0 && Date.parse(timeline[i - 1]!.at) > at) i -= 1;
  return [...timeline.slice(0, i), e, ...timeline.slice(i)];
}

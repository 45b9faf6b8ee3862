import type { TimelineEntry } from '../transfers/transfer.entity';

export function entry(what: string, by: string, at: Date | string = new Date(), extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return { at: typeof at === 'string' ? at : at.toISOString(), what, by, ...extra };
}

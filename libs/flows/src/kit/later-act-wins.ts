/**
 * The event-time rule of every view, applied here once: **the later act wins.**
 *
 * Events of one case come from several topics (one per producing agency) and are learnt late, out of
 * order, or after a retry. A view records the event time of the act that put it in its phase
 * (`phaseAt`); an act that happened before that (an older `occurredAt`) does not move the phase back —
 * its facts may still be recorded (a receipt number, a police case number) and every timeline keeps it.
 * Equal instants keep arrival order. Pure.
 */
export interface Phased<P extends string> {
  phase: P;
  /** ISO-8601 event time of the act that brought the view into `phase`; null when not known (then any act may move it) */
  phaseAt: string | null;
}

/** Whether an act at `occurredAt` happened before the one that set the view's phase (so it cannot move it). */
export function happenedBefore(view: Phased<string>, occurredAt: string): boolean {
  if (view.phaseAt === null) return false;
  return Date.parse(occurredAt) < Date.parse(view.phaseAt);
}

export interface MoveOptions<V extends Phased<string>> {
  /** the phases the act moves the view from (others: the view stays as it is); all phases when absent */
  from?: readonly V['phase'][];
  /** other fields that change with the phase (and only when it changes) */
  with?: Partial<V>;
}

/**
 * The view moved to `phase` by the act `e` (its `phaseAt` = e.occurredAt) — unless a later act already
 * set the phase, or the view is not in one of `from`: then the view unchanged (the same object).
 */
export function moveTo<V extends Phased<string>>(
  view: V,
  e: { occurredAt: string },
  phase: V['phase'],
  options: MoveOptions<V> = {},
): V {
  if (happenedBefore(view, e.occurredAt)) return view;
  if (options.from && !options.from.includes(view.phase)) return view;
  return { ...view, ...options.with, phase, phaseAt: e.occurredAt };
}

/**
 * The view moved to `phase` because a period ran out (deadline.missed) — when it is in one of `from`. A period
 * running out is no act: it keeps the `phaseAt` of the last act, so it never outranks an act of an agency (whose
 * clock, not the workflow's, stamps its events). Otherwise the view unchanged (the same object).
 */
export function overdue<V extends Phased<string>>(view: V, phase: V['phase'], from: readonly V['phase'][]): V {
  return from.includes(view.phase) ? { ...view, phase } : view;
}

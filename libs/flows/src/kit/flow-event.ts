/**
 * The part of an integration event a flow's views read: type, event time, producing agency, payload.
 * An `IntegrationEventEnvelope` (libs/contracts) of the same type is one; apps narrow theirs with a
 * flow's `as…Event` guard. No framework, no I/O.
 */
export interface FlowEvent<T extends string = string, P = unknown> {
  readonly type: T;
  /** ISO-8601 instant of the act (the producer's clock) */
  readonly occurredAt: string;
  readonly producer: { readonly agencyId: string };
  readonly payload: P;
}

/** The union of FlowEvents of a map `type → payload`: `EventsOf<{ 'a': A; 'b': B }>` = FlowEvent<'a', A> | FlowEvent<'b', B>. */
export type EventsOf<M> = { [T in keyof M & string]: FlowEvent<T, M[T]> }[keyof M & string];

/**
 * The `default` of an exhaustive switch over a union of events: `default: return unhandled(e)`. A type
 * added to the union and not given a case does not compile (`e` is not `never` there).
 * @throws Error when reached at run time (an event that bypassed the type system)
 */
export function unhandled(e: never): never {
  throw new Error(`unhandled event type ${JSON.stringify((e as { type?: unknown }).type)}`);
}

/** A guard `(e) => e is Union` for the types of a flow (an envelope read from Kafka carries a plain string type). */
export function eventGuard<E extends FlowEvent>(types: readonly E['type'][]): (e: FlowEvent) => e is E {
  const set = new Set<string>(types);
  return (e: FlowEvent): e is E => set.has(e.type);
}

/**
 * Span attributes CaseBridge adds to its OpenTelemetry traces (docs/runbook.md, "Traces"). Dependency-free: the
 * services, libs/messaging and the workflow code (Temporal sandbox) import them from here.
 */
export const TraceAttributes = {
  /** The linked-case id (`LC-…`) a span works on: the HTTP command that wrote an event, each publish and consume, the bridge, the workflow's signal. */
  linkedCaseId: 'casebridge.linked_case_id',
  /** Integration event type, e.g. `transfer.received` (publish and consume spans). */
  eventType: 'casebridge.event_type',
  /** Integration event id (UUID). */
  eventId: 'casebridge.event_id',
  /** What the consumer did with the message: applied, duplicate, ignored, parked, dead-lettered. */
  outcome: 'casebridge.outcome',
} as const;

/**
 * Thrown by an integration-event handler when retrying cannot help (the event contradicts the
 * local state, a business rule refuses it …): the message goes straight to the dead-letter topic.
 */
export class NonRetryableError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NonRetryableError';
  }
}

/**
 * Thrown by an integration-event handler when the record the event refers to does not exist here yet
 * (it is on its way on another topic, or created later): the consumer parks the event (table
 * `parked_event`, in its own transaction, with the inbox row) instead of retrying and dead-lettering it,
 * and applies it once the record exists. `awaiting` names the record, e.g. `transfer 0193…`.
 */
export class RecordNotYetKnownError extends Error {
  constructor(
    readonly awaiting: string,
    message = `${awaiting} is not known here (yet)`,
  ) {
    super(message);
    this.name = 'RecordNotYetKnownError';
  }
}

export function isRecordNotYetKnown(e: unknown): e is RecordNotYetKnownError {
  return (
    e instanceof RecordNotYetKnownError ||
    (e instanceof Error &&
      e.name === 'RecordNotYetKnownError' &&
      typeof (e as { awaiting?: unknown }).awaiting === 'string')
  );
}

export function isNonRetryable(e: unknown): boolean {
  return e instanceof NonRetryableError || (e instanceof Error && e.name === 'NonRetryableError');
}

/** An outgoing event refused at the source (before it reaches the outbox). */
export class InvalidIntegrationEventError extends Error {
  constructor(
    readonly reason:
      'invalid-envelope' | 'unknown-event' | 'invalid-payload' | 'forbidden-producer' | 'not-serialisable',
    readonly eventType: string,
    readonly detail: string,
  ) {
    super(`integration event ${eventType || '(no type)'} refused (${reason}): ${detail}`);
    this.name = 'InvalidIntegrationEventError';
  }
}

const PG_INFRA_CODES = /^(08|53|57P|58)/; // connection exception, insufficient resources, operator intervention, system error
const NODE_INFRA_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const INFRA_MESSAGES =
  /Connection terminated|connection is closed|Client has encountered a connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end/i;

/**
 * A PostgreSQL serialization failure (40001) or deadlock (40P01): the transaction was rolled back because of
 * other transactions, and running it again may succeed. Never a reason to dead-letter an event.
 */
export function isTransientConflict(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (err.code === '40001' || err.code === '40P01') return true;
    cur = err.driverError ?? err.cause;
  }
  return false;
}

/**
 * True when an error says the database (or the network) is unavailable rather than that the message
 * is bad. Such failures must never dead-letter a message: the consumer leaves it uncommitted and
 * Kafka redelivers it once the infrastructure is back.
 */
export function isInfrastructureError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof err.code === 'string' && (PG_INFRA_CODES.test(err.code) || NODE_INFRA_CODES.has(err.code))) return true;
    if (typeof err.message === 'string' && INFRA_MESSAGES.test(err.message)) return true;
    cur = err.driverError ?? err.cause;
  }
  return false;
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' && code && !e.message.includes(code)
      ? `${e.name} [${code}]: ${e.message}`
      : `${e.name}: ${e.message}`;
  }
  return String(e);
}

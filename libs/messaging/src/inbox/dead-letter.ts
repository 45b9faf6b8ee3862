import type { DecodeFailure } from '@casebridge/contracts';

/**
 * Why a message went to the dead-letter topic.
 * - decode failures of the contracts registry: `malformed`, `invalid-envelope`, `unknown-event`, `invalid-payload`
 * - `forbidden-producer`: a valid event from a producer kind that may not produce it
 * - `handler-failed`: the handler kept failing after every retry
 * - `non-retryable`: the handler threw a NonRetryableError
 */
export type DeadLetterReason = DecodeFailure['reason'] | 'forbidden-producer' | 'handler-failed' | 'non-retryable';

export const DEAD_LETTER_REASONS: readonly DeadLetterReason[] = [
  'malformed',
  'invalid-envelope',
  'unknown-event',
  'invalid-payload',
  'forbidden-producer',
  'handler-failed',
  'non-retryable',
];

/** The JSON value of a record on the dead-letter topic (its key is the original key). */
export interface DeadLetterRecord {
  consumerGroup: string;
  sourceTopic: string;
  partition: number;
  /** Offset of the original message in `sourceTopic`/`partition` (string: Kafka offsets are 64-bit). */
  offset: string;
  key: string | null;
  reason: DeadLetterReason;
  detail: string;
  /** ISO-8601 instant the consumer gave up. */
  failedAt: string;
  /** The original value, decoded as UTF-8 (null for a tombstone). */
  value: string | null;
}

export interface DeadLetterSource {
  consumerGroup: string;
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null | undefined;
  value: Buffer | string | null | undefined;
}

const MAX_DETAIL = 8000;

export function deadLetterRecord(
  source: DeadLetterSource,
  reason: DeadLetterReason,
  detail: string,
  failedAt: Date = new Date(),
): DeadLetterRecord {
  return {
    consumerGroup: source.consumerGroup,
    sourceTopic: source.topic,
    partition: source.partition,
    offset: source.offset,
    key: toText(source.key),
    reason,
    detail: detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}… (truncated)` : detail,
    failedAt: failedAt.toISOString(),
    value: toText(source.value),
  };
}

/** Headers of a dead-letter record: the original headers plus the reason and origin, for routing without parsing. */
export function deadLetterHeaders(
  record: DeadLetterRecord,
  original: Record<string, Buffer | string | (Buffer | string)[] | undefined> = {},
): Record<string, Buffer | string | (Buffer | string)[]> {
  const headers: Record<string, Buffer | string | (Buffer | string)[]> = {};
  for (const [k, v] of Object.entries(original)) if (v !== undefined) headers[k] = v;
  headers['cb-dlq-reason'] = record.reason;
  headers['cb-dlq-source'] = `${record.sourceTopic}/${record.partition}/${record.offset}`;
  headers['cb-dlq-group'] = record.consumerGroup;
  return headers;
}

function toText(v: Buffer | string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : v.toString('utf8');
}

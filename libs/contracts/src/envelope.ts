import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { v7 as uuidv7 } from 'uuid';
import { AGENCY_KINDS, SYSTEM_PRODUCERS, type ProducerKind } from './agency';

export class ProducerRef {
  /** `police:210100`, or a system producer id such as `workflow` */
  @IsString() @MaxLength(64) agencyId!: string;
  @IsIn([...AGENCY_KINDS, ...SYSTEM_PRODUCERS]) kind!: ProducerKind;
}

/** Longest officer id (a token's `sub`) an event's actor may carry; claimsProblem (libs/auth) refuses longer ones with 401. */
export const OFFICER_ID_MAX_LENGTH = 128;
/**
 * What an officer id must look like to be stored and carried: 1–128 characters, not blank; no control characters
 * (a NUL cannot be stored in PostgreSQL text; line breaks would forge log and timeline lines), no invisible format
 * characters (a right-to-left override or a zero-width space would make one officer's name read as another's on
 * screen), no lone surrogates or private-use characters, and none of `< > " ' \`` (markup where the id is shown).
 */
export const OFFICER_ID_PATTERN = /^(?!\s*$)[^\p{Cc}\p{Cf}\p{Cs}\p{Co}<>"'`]{1,128}$/u;

export class ActorRef {
  /** Officer id from the token (`sub`), or `system:<component>` for automated acts. */
  @IsString() @MaxLength(OFFICER_ID_MAX_LENGTH) officerId!: string;
}

/**
 * The integration-event envelope (wire format). Payload shape is defined per (type, version) in the
 * event registry; old versions are upcast on read.
 */
export class IntegrationEventEnvelope<P = unknown> {
  @IsUUID() eventId!: string;
  @IsString() @Matches(/^[a-z][a-z-]*(\.[a-z-]+)+$/) type!: string;
  @IsInt() @Min(1) version!: number;
  /** Cross-agency id that ties the files of different agencies about the same facts (联动案件). */
  @IsUUID() linkedCaseId!: string;
  @ValidateNested() @Type(() => ProducerRef) producer!: ProducerRef;
  @ValidateNested() @Type(() => ActorRef) actor!: ActorRef;
  /** When the act happened (event time). */
  @IsISO8601({ strict: true }) occurredAt!: string;
  /** When the producer recorded it (processing time). */
  @IsISO8601({ strict: true }) recordedAt!: string;
  @IsUUID() correlationId!: string;
  @IsOptional() @IsUUID() causationId?: string | null;
  @IsObject() payload!: P;
}

export interface EnvelopeInput<P> {
  type: string;
  version: number;
  linkedCaseId: string;
  producer: { agencyId: string; kind: ProducerKind };
  actor: { officerId: string };
  occurredAt?: Date | string;
  recordedAt?: Date;
  correlationId?: string;
  causationId?: string | null;
  eventId?: string;
  payload: P;
}

export function newEventId(): string {
  return uuidv7();
}

export function createEnvelope<P>(input: EnvelopeInput<P>): IntegrationEventEnvelope<P> {
  const eventId = input.eventId ?? newEventId();
  const recordedAt = (input.recordedAt ?? new Date()).toISOString();
  const occurredAt =
    input.occurredAt === undefined
      ? recordedAt
      : typeof input.occurredAt === 'string'
        ? new Date(input.occurredAt).toISOString()
        : input.occurredAt.toISOString();
  return {
    eventId,
    type: input.type,
    version: input.version,
    linkedCaseId: input.linkedCaseId,
    producer: { ...input.producer },
    actor: { ...input.actor },
    occurredAt,
    recordedAt,
    correlationId: input.correlationId ?? eventId,
    causationId: input.causationId ?? null,
    payload: input.payload,
  };
}

/** Kafka headers carried beside the JSON value, so routers can filter without parsing. */
export function envelopeHeaders(e: IntegrationEventEnvelope): Record<string, string> {
  return {
    'cb-event-id': e.eventId,
    'cb-type': e.type,
    'cb-version': String(e.version),
    'cb-producer': e.producer.agencyId,
  };
}

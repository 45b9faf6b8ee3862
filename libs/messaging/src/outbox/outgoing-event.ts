import {
  AGENCY_ID_PATTERN,
  envelopeHeaders,
  eventRegistry,
  isAgencyKind,
  sharingTopicOf,
  type EventRegistry,
  type IntegrationEventEnvelope,
} from '@casebridge/contracts';
import { InvalidIntegrationEventError } from '../errors';
import type { TopicNames } from '../topics/topic-names';

/** What the relay will send for one event. */
export interface OutgoingMessage {
  eventId: string;
  topic: string;
  key: string;
  type: string;
  version: number;
  /** The envelope exactly as it goes on the wire (JSON round-tripped, not upcast). */
  envelope: IntegrationEventEnvelope;
  headers: Record<string, string>;
}

/**
 * Checks an outgoing event with the very checks a consumer applies (`eventRegistry.decode` of its
 * JSON) plus the producer rules, and returns what to store. Throws InvalidIntegrationEventError.
 */
export function prepareOutgoing(
  envelope: IntegrationEventEnvelope,
  topics: TopicNames,
  registry: EventRegistry = eventRegistry,
): OutgoingMessage {
  const type = typeof envelope?.type === 'string' ? envelope.type : '';
  let text: string;
  try {
    text = JSON.stringify(envelope);
  } catch (e) {
    throw new InvalidIntegrationEventError('not-serialisable', type, (e as Error).message);
  }
  if (text === undefined)
    throw new InvalidIntegrationEventError('not-serialisable', type, 'envelope is not a JSON value');
  const decoded = registry.decode(text);
  if (!decoded.ok) {
    const reason = decoded.reason === 'malformed' ? 'not-serialisable' : decoded.reason;
    throw new InvalidIntegrationEventError(reason, type, decoded.detail);
  }
  const wire = JSON.parse(text) as IntegrationEventEnvelope;
  const definition = registry.get(wire.type, wire.version)!;
  const { kind, agencyId } = wire.producer;
  if (!definition.producers.includes(kind)) {
    throw new InvalidIntegrationEventError(
      'forbidden-producer',
      type,
      `a ${kind} producer may not produce ${wire.type} (allowed: ${definition.producers.join(', ')})`,
    );
  }
  if (isAgencyKind(kind) && (!AGENCY_ID_PATTERN.test(agencyId) || !agencyId.startsWith(`${kind}:`))) {
    throw new InvalidIntegrationEventError(
      'invalid-envelope',
      type,
      `producer.agencyId '${agencyId}' must be '${kind}:<6-digit region code>'`,
    );
  }
  return {
    eventId: wire.eventId,
    // content for some services only travels on their private sharing topic (EventDefinition.privateTo)
    topic: definition.privateTo
      ? topics.resolve(sharingTopicOf(definition.privateTo(wire.payload as Record<string, unknown>)))
      : topics.forProducer(kind),
    key: wire.linkedCaseId,
    type: wire.type,
    version: wire.version,
    envelope: wire,
    headers: envelopeHeaders(wire),
  };
}

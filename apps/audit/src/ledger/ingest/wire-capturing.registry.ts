import { EventRegistry, type DecodeResult, type EventDefinition } from '@casebridge/contracts';
import type { ReceivedEnvelope } from '../ledger.store';

/**
 * The contracts registry, remembering the wire form of every envelope it decodes. The messaging consumer
 * hands its handlers the decoded (upcast) envelope; the ledger must keep the envelope exactly as received.
 * The consumer passes `decode(raw).envelope` itself to the handlers, so the decoded object is the key.
 * (A `raw` field in HandlerContext would make this unnecessary — see the report.)
 */
export class WireCapturingRegistry extends EventRegistry {
  private readonly wire = new WeakMap<object, ReceivedEnvelope>();

  constructor(definitions: readonly EventDefinition[]) {
    super(definitions);
  }

  override decode(raw: Buffer | string | null): DecodeResult {
    const result = super.decode(raw);
    if (result.ok && raw !== null) {
      this.wire.set(result.envelope, { raw: typeof raw === 'string' ? raw : raw.toString('utf8') });
    }
    return result;
  }

  /** The wire form of an envelope this registry decoded. */
  wireOf(decoded: object): ReceivedEnvelope | undefined {
    return this.wire.get(decoded);
  }
}

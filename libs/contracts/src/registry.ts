import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { AgencyKind, ProducerKind } from './agency';
import { IntegrationEventEnvelope } from './envelope';

type Class<T> = new () => T;

/** One (type, version) of an integration event. Frozen once published: change = new version. */
export interface EventDefinition<P extends object = object> {
  readonly type: string;
  readonly version: number;
  readonly payload: Class<P>;
  /** Who may produce it (the topic follows from the producer). */
  readonly producers: readonly ProducerKind[];
  /** Turns the payload of `version - 1` into this version's payload. Required for version > 1. */
  readonly upcastFrom?: (previous: Record<string, unknown>, envelope: IntegrationEventEnvelope) => P;
  readonly description: string;
  /**
   * For content only some services may hold (fetch-on-grant, e.g. sharing.content-delivered): the agency kind whose
   * private sharing topic (`SharingTopics`) carries the event instead of the producer's topic, which every
   * consumer group reads. Absent: the producer's topic.
   */
  readonly privateTo?: (payload: Record<string, unknown>) => AgencyKind;
}

export function defineEvent<P extends object>(def: EventDefinition<P>): EventDefinition<P> {
  if (def.version > 1 && !def.upcastFrom) {
    throw new Error(`${def.type} v${def.version}: a version above 1 needs an upcaster from v${def.version - 1}`);
  }
  return Object.freeze(def);
}

export type DecodeFailure =
  | { reason: 'malformed'; detail: string }
  | { reason: 'invalid-envelope'; detail: string }
  | { reason: 'unknown-event'; detail: string }
  | { reason: 'invalid-payload'; detail: string };

export type DecodeResult =
  | { ok: true; envelope: IntegrationEventEnvelope<object>; definition: EventDefinition; upcastFrom: number | null }
  | ({ ok: false } & DecodeFailure);

export function formatValidationErrors(errors: ValidationError[], prefix = ''): string {
  return errors
    .flatMap((e) => {
      const path = prefix ? `${prefix}.${e.property}` : e.property;
      const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`);
      return [...own, ...(e.children?.length ? [formatValidationErrors(e.children, path)] : [])];
    })
    .filter(Boolean)
    .join('; ');
}

export class EventRegistry {
  private readonly byKey = new Map<string, EventDefinition>();
  private readonly latest = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const d of definitions) this.register(d);
    for (const [type, def] of this.latest) {
      for (let v = 1; v <= def.version; v++) {
        if (!this.byKey.has(key(type, v))) throw new Error(`${type}: version ${v} is missing from the registry`);
      }
    }
  }

  private register(def: EventDefinition): void {
    const k = key(def.type, def.version);
    if (this.byKey.has(k)) throw new Error(`event ${k} is defined twice`);
    this.byKey.set(k, def);
    const cur = this.latest.get(def.type);
    if (!cur || cur.version < def.version) this.latest.set(def.type, def);
  }

  definitions(): EventDefinition[] {
    return [...this.byKey.values()].sort((a, b) => a.type.localeCompare(b.type) || a.version - b.version);
  }

  get(type: string, version: number): EventDefinition | undefined {
    return this.byKey.get(key(type, version));
  }

  latestOf(type: string): EventDefinition | undefined {
    return this.latest.get(type);
  }

  /** Validates a payload against its (type, version) class; returns a readable message or null. */
  validatePayload(type: string, version: number, payload: unknown): string | null {
    const def = this.get(type, version);
    if (!def) return `unknown event ${type} v${version}`;
    if (typeof payload !== 'object' || payload === null) return 'payload must be an object';
    const instance = plainToInstance(def.payload, payload);
    const errors = validateSync(instance as object, { whitelist: true, forbidNonWhitelisted: true });
    return errors.length ? formatValidationErrors(errors) : null;
  }

  /** Parses, validates and upcasts one wire message to the latest version of its type. */
  decode(raw: Buffer | string | null): DecodeResult {
    if (raw === null) return { ok: false, reason: 'malformed', detail: 'empty message value' };
    let json: unknown;
    try {
      json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
    } catch (e) {
      return { ok: false, reason: 'malformed', detail: `not JSON: ${(e as Error).message}` };
    }
    const env = plainToInstance(IntegrationEventEnvelope, json);
    const envErrors = validateSync(env as object);
    if (envErrors.length) return { ok: false, reason: 'invalid-envelope', detail: formatValidationErrors(envErrors) };
    return this.upcast(json as IntegrationEventEnvelope<Record<string, unknown>>);
  }

  /** Upcasts an already parsed envelope (e.g. read back from a ledger) to the latest version. */
  upcast(envelope: IntegrationEventEnvelope<Record<string, unknown>>): DecodeResult {
    const original = this.get(envelope.type, envelope.version);
    const target = this.latestOf(envelope.type);
    if (!original || !target) {
      return { ok: false, reason: 'unknown-event', detail: `no contract for ${envelope.type} v${envelope.version}` };
    }
    const firstError = this.validatePayload(envelope.type, envelope.version, envelope.payload);
    if (firstError) return { ok: false, reason: 'invalid-payload', detail: firstError };
    let payload: Record<string, unknown> = envelope.payload;
    for (let v = envelope.version + 1; v <= target.version; v++) {
      const step = this.get(envelope.type, v)!;
      payload = step.upcastFrom!(payload, envelope) as unknown as Record<string, unknown>;
    }
    if (target.version !== envelope.version) {
      const err = this.validatePayload(target.type, target.version, payload);
      if (err) return { ok: false, reason: 'invalid-payload', detail: `after upcast to v${target.version}: ${err}` };
    }
    return {
      ok: true,
      envelope: { ...envelope, version: target.version, payload },
      definition: target,
      upcastFrom: target.version === envelope.version ? null : envelope.version,
    };
  }
}

function key(type: string, version: number): string {
  return `${type}@v${version}`;
}

import { eventRegistry, type EventRegistry, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { caseNotFound } from '../shared/audit.errors';
import type { LedgerEntry } from '../ledger/ledger.store';
import { readCaseEntries } from '../ledger/ledger.store';
import type { SqlRunner } from '../shared/sql';
import { projectCaseState, type CaseStateView, type ProjectedEvent } from './case-state.projector';

/** One event of a case's history, for auditors: who, when (both clocks), what. */
export interface HistoryItem {
  seq: number;
  caseSeq: number;
  eventId: string;
  type: string;
  who: { producer: { agencyId: string; kind: string }; officerId: string };
  /** event time: when the act happened */
  occurredAt: string;
  /** recorded time: when the producing agency recorded it */
  recordedAt: string;
  /** when the audit service appended it to the ledger */
  ingestedAt: string;
  /** the version on the wire, as received */
  originalVersion: number;
  /** the current version of the contract; `payload` is in this form */
  currentVersion: number;
  upcast: boolean;
  payload: Record<string, unknown>;
  /** the payload as received, when it was upcast */
  originalPayload?: Record<string, unknown>;
  correlationId: string | null;
  causationId: string | null;
  hashes: { contentHash: string; prevHash: string; entryHash: string };
  /** when the received form no longer decodes (a contract withdrawn): payload is the received one */
  upcastError?: string;
}

type Envelope = IntegrationEventEnvelope<Record<string, unknown>>;

/** Upcasts with the registry's validation (history: what an auditor reads is checked against the contract). */
export function toHistoryItem(e: LedgerEntry, registry: EventRegistry = eventRegistry): HistoryItem {
  const env = e.envelope as unknown as Envelope;
  const decoded = registry.upcast(env);
  const original = (env.payload ?? {}) as Record<string, unknown>;
  const base = {
    seq: e.seq,
    caseSeq: e.caseSeq,
    eventId: e.eventId,
    type: e.type,
    who: { producer: { agencyId: e.producerAgencyId, kind: e.producerKind }, officerId: e.actorOfficerId },
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    ingestedAt: e.ingestedAt,
    originalVersion: e.version,
    correlationId: (env.correlationId as string | undefined) ?? null,
    causationId: (env.causationId as string | null | undefined) ?? null,
    hashes: { contentHash: e.contentHash, prevHash: e.prevHash, entryHash: e.entryHash },
  };
  if (!decoded.ok)
    return {
      ...base,
      currentVersion: e.version,
      upcast: false,
      payload: original,
      upcastError: `${decoded.reason}: ${decoded.detail}`,
    };
  const upcast = decoded.upcastFrom !== null;
  return {
    ...base,
    currentVersion: decoded.envelope.version,
    upcast,
    payload: decoded.envelope.payload as Record<string, unknown>,
    ...(upcast ? { originalPayload: original } : {}),
  };
}

/**
 * Upcasts without re-validating (replaying a million events: every entry was validated when it was
 * received). Returns the received payload unchanged when no upcaster applies.
 */
export function upcastFast(
  envelope: Envelope,
  registry: EventRegistry = eventRegistry,
): { version: number; payload: Record<string, unknown> } {
  const latest = registry.latestOf(envelope.type);
  let payload = envelope.payload;
  let version = envelope.version;
  if (latest && latest.version > version) {
    for (let v = version + 1; v <= latest.version; v++) {
      const step = registry.get(envelope.type, v);
      if (!step?.upcastFrom) break;
      payload = step.upcastFrom(payload, envelope) as unknown as Record<string, unknown>;
      version = v;
    }
  }
  return { version, payload };
}

export function toProjectedEvent(
  e: LedgerEntry,
  current: { version: number; payload: Record<string, unknown> },
): ProjectedEvent {
  return {
    caseSeq: e.caseSeq,
    eventId: e.eventId,
    type: e.type,
    version: current.version,
    payload: current.payload,
    producer: { agencyId: e.producerAgencyId, kind: e.producerKind },
    actor: { officerId: e.actorOfficerId },
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
  };
}

export interface CaseHistory {
  linkedCaseId: string;
  count: number;
  head: { caseSeq: number; entryHash: string };
  entries: HistoryItem[];
}

export async function loadCaseHistory(db: SqlRunner, linkedCaseId: string): Promise<CaseHistory> {
  const entries = await readCaseEntries(db, linkedCaseId);
  if (!entries.length) throw caseNotFound(linkedCaseId);
  const last = entries[entries.length - 1]!;
  return {
    linkedCaseId,
    count: entries.length,
    head: { caseSeq: last.caseSeq, entryHash: last.entryHash },
    entries: entries.map((e) => toHistoryItem(e)),
  };
}

export async function loadCaseState(db: SqlRunner, linkedCaseId: string, asOf: Date): Promise<CaseStateView> {
  const entries = await readCaseEntries(db, linkedCaseId);
  if (!entries.length) throw caseNotFound(linkedCaseId);
  const events = entries.map((e) => {
    const h = toHistoryItem(e);
    return toProjectedEvent(e, { version: h.currentVersion, payload: h.payload });
  });
  return projectCaseState(linkedCaseId, events, asOf);
}

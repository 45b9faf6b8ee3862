/** Test helpers (unit specs only): envelopes, in-memory chains built exactly as appendEntry builds them. */
import { generateKeyPairSync } from 'node:crypto';
import {
  contentHashOf,
  entryHashOf,
  GENESIS_HASH,
  nextGlobalHash,
  type CheckpointClaim,
} from '../ledger/chain/hashing';
import type { LedgerEntry, StoredCheckpoint } from '../ledger/ledger.store';
import { signerFromPrivateKey, type CheckpointSigner } from '../ledger/signing/signing-key';
import type { ProjectedEvent } from '../replay/case-state.projector';

export const CASE_A = '0197a1c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d';
export const CASE_B = '0197a1c2-9999-7a3b-9c4d-5e6f7a8b9c0d';

let counter = 0;
export function uuid(): string {
  counter++;
  return `0197a1c2-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function newSigner(): CheckpointSigner {
  return signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}

export interface EnvelopeSpec {
  type: string;
  version?: number;
  payload: Record<string, unknown>;
  producer?: { agencyId: string; kind: string };
  officerId?: string;
  occurredAt: string;
  recordedAt?: string;
}

export function envelope(linkedCaseId: string, spec: EnvelopeSpec): Record<string, unknown> & { eventId: string } {
  const eventId = uuid();
  return {
    eventId,
    type: spec.type,
    version: spec.version ?? 1,
    linkedCaseId,
    producer: spec.producer ?? { agencyId: 'enforcement:210100', kind: 'enforcement' },
    actor: { officerId: spec.officerId ?? 'officer-1' },
    occurredAt: spec.occurredAt,
    recordedAt: spec.recordedAt ?? spec.occurredAt,
    correlationId: eventId,
    causationId: null,
    payload: spec.payload,
  };
}

/** A ledger of several cases, interleaved in the given order, built like appendEntry does. */
export class MemoryLedger {
  readonly entries: LedgerEntry[] = [];
  private seq = 0;
  private readonly heads = new Map<string, { caseSeq: number; hash: string }>();

  append(env: Record<string, unknown>, ingestedAt = new Date(Date.UTC(2026, 10, 20, 2, 30, 0, this.seq))): LedgerEntry {
    const e = env as {
      eventId: string;
      linkedCaseId: string;
      type: string;
      version: number;
      producer: { agencyId: string; kind: string };
      actor: { officerId: string };
      occurredAt: string;
      recordedAt: string;
    };
    const head = this.heads.get(e.linkedCaseId) ?? { caseSeq: 0, hash: GENESIS_HASH };
    const caseSeq = head.caseSeq + 1;
    const contentHash = contentHashOf(env);
    const ingested = ingestedAt.toISOString();
    const entryHash = entryHashOf({
      prevHash: head.hash,
      contentHash,
      caseSeq,
      linkedCaseId: e.linkedCaseId,
      eventId: e.eventId,
      ingestedAt: ingested,
    });
    this.seq += 1 + (this.seq % 3 === 2 ? 1 : 0); // gaps in the global seq are normal (rolled-back appends)
    const entry: LedgerEntry = {
      seq: this.seq,
      linkedCaseId: e.linkedCaseId,
      caseSeq,
      eventId: e.eventId,
      type: e.type,
      version: e.version,
      producerAgencyId: e.producer.agencyId,
      producerKind: e.producer.kind,
      actorOfficerId: e.actor.officerId,
      occurredAt: new Date(e.occurredAt).toISOString(),
      recordedAt: new Date(e.recordedAt).toISOString(),
      ingestedAt: ingested,
      envelope: JSON.parse(JSON.stringify(env)) as Record<string, unknown>,
      contentHash,
      prevHash: head.hash,
      entryHash,
    };
    this.heads.set(e.linkedCaseId, { caseSeq, hash: entryHash });
    this.entries.push(entry);
    return entry;
  }

  /** Signed checkpoints of every case head and the global head, as a checkpoint round makes them. */
  checkpoints(signer: CheckpointSigner, createdAt = '2026-11-20T03:00:00.000Z'): StoredCheckpoint[] {
    let g = GENESIS_HASH;
    for (const e of this.entries) g = nextGlobalHash(g, e.seq, e.entryHash);
    const claims: CheckpointClaim[] = [...this.heads.entries()].map(([linkedCaseId, h]) => ({
      linkedCaseId,
      upToSeq: h.caseSeq,
      headHash: h.hash,
      createdAt,
    }));
    claims.push({
      linkedCaseId: 'global',
      upToSeq: this.entries[this.entries.length - 1]?.seq ?? 0,
      headHash: g,
      createdAt,
    });
    return claims.map((c, i) => ({
      ...c,
      id: i + 1,
      algorithm: 'Ed25519',
      keyId: signer.keyId,
      signature: signer.sign(c),
    }));
  }

  ofCase(linkedCaseId: string): LedgerEntry[] {
    return this.entries.filter((e) => e.linkedCaseId === linkedCaseId);
  }
}

/** A projected event for projector tables. */
export function ev(
  caseSeq: number,
  type: string,
  payload: Record<string, unknown>,
  opts: { by?: string; kind?: string; at: string; recordedAt?: string; officer?: string; version?: number },
): ProjectedEvent {
  const agencyId = opts.by ?? 'enforcement:210100';
  return {
    caseSeq,
    eventId: uuid(),
    type,
    version: opts.version ?? 1,
    payload,
    producer: { agencyId, kind: opts.kind ?? agencyId.split(':')[0]! },
    actor: { officerId: opts.officer ?? 'officer-1' },
    occurredAt: opts.at,
    recordedAt: opts.recordedAt ?? opts.at,
  };
}

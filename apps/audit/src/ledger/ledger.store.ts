import type { SqlDatabase, SqlRunner } from '../shared/sql';
import { contentHashOf, entryHashOf, GENESIS_HASH, nextGlobalHash, type CheckpointClaim } from './chain/hashing';
import { LOCKS } from './schema/ledger.schema';
import type { CheckpointSigner } from './signing/signing-key';

/** One ledger entry as stored. Timestamps as ISO-8601 UTC strings. */
export interface LedgerEntry {
  /** global order of the ledger (identity; gaps are normal: rolled-back appends) */
  seq: number;
  linkedCaseId: string;
  /** 1, 2, 3 … within the linked case, without gaps */
  caseSeq: number;
  eventId: string;
  type: string;
  /** the version as received on the wire (not the upcast one) */
  version: number;
  producerAgencyId: string;
  producerKind: string;
  actorOfficerId: string;
  occurredAt: string;
  recordedAt: string;
  ingestedAt: string;
  /** the envelope exactly as received (JSON; key order and spacing are not significant) */
  envelope: Record<string, unknown>;
  contentHash: string;
  prevHash: string;
  entryHash: string;
}

export interface StoredCheckpoint extends CheckpointClaim {
  id: number;
  algorithm: string;
  keyId: string;
  signature: string;
}

/** An ISO-8601 UTC instant with milliseconds, as Date.prototype.toISOString writes it, formatted by PostgreSQL (no Date parsing per row). */
const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// seq is read as text (bigint); ORDER BY must name the table column (e.seq), not the text alias, or 10 sorts before 2.
const ENTRY_COLUMNS = `seq::text AS seq, linked_case_id, case_seq, event_id, type, version, producer_agency_id, producer_kind,
  actor_officer_id, ${isoUtc('occurred_at')} AS occurred_at, ${isoUtc('recorded_at')} AS recorded_at, ${isoUtc('ingested_at')} AS ingested_at,
  envelope, content_hash, prev_hash, entry_hash`;

interface EntryRow {
  seq: string;
  linked_case_id: string;
  case_seq: number;
  event_id: string;
  type: string;
  version: number;
  producer_agency_id: string;
  producer_kind: string;
  actor_officer_id: string;
  occurred_at: Date | string;
  recorded_at: Date | string;
  ingested_at: Date | string;
  envelope: Record<string, unknown> | string;
  content_hash: string;
  prev_hash: string;
  entry_hash: string;
}

const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();

function toEntry(r: EntryRow): LedgerEntry {
  return {
    seq: Number(r.seq),
    linkedCaseId: r.linked_case_id,
    caseSeq: Number(r.case_seq),
    eventId: r.event_id,
    type: r.type,
    version: Number(r.version),
    producerAgencyId: r.producer_agency_id,
    producerKind: r.producer_kind,
    actorOfficerId: r.actor_officer_id,
    occurredAt: iso(r.occurred_at),
    recordedAt: iso(r.recorded_at),
    ingestedAt: iso(r.ingested_at),
    envelope: typeof r.envelope === 'string' ? (JSON.parse(r.envelope) as Record<string, unknown>) : r.envelope,
    contentHash: r.content_hash,
    prevHash: r.prev_hash,
    entryHash: r.entry_hash,
  };
}

interface CheckpointRow {
  id: string;
  scope: string;
  up_to_seq: string;
  head_hash: string;
  created_at: Date | string;
  algorithm: string;
  key_id: string;
  signature: string;
}

function toCheckpoint(r: CheckpointRow): StoredCheckpoint {
  return {
    id: Number(r.id),
    linkedCaseId: r.scope,
    upToSeq: Number(r.up_to_seq),
    headHash: r.head_hash,
    createdAt: iso(r.created_at),
    algorithm: r.algorithm,
    keyId: r.key_id,
    signature: r.signature,
  };
}

// ---- append ---------------------------------------------------------------------------------------

/** The envelope as it came off the wire: its JSON text (already validated by the consumer's registry). */
export interface ReceivedEnvelope {
  raw: string;
}

/** The envelope fields the ledger reads (the consumer validated them against the envelope contract). */
interface EnvelopeFields {
  eventId: string;
  type: string;
  version: number;
  linkedCaseId: string;
  producer: { agencyId: string; kind: string };
  actor: { officerId: string };
  occurredAt: string;
  recordedAt: string;
}

export interface AppendOptions {
  /** sign a checkpoint of the case every `checkpointEvery` entries (with `signer`) */
  signer?: CheckpointSigner;
  checkpointEvery?: number;
  ingestedAt?: Date;
}

export type AppendResult =
  { appended: true; entry: Omit<LedgerEntry, 'envelope'> } | { appended: false; reason: 'duplicate'; seq: number };

/**
 * Appends one received envelope to the chain of its linked case, inside the caller's transaction (the
 * inbox transaction: the entry is written exactly once per event, with the inbox row). Takes the shared
 * global lock (so a checkpoint round never reads while an append is in flight) and the case lock (so two
 * appends of one case never read the same head), then reads the head and inserts.
 */
export async function appendEntry(
  tx: SqlRunner,
  received: ReceivedEnvelope,
  options: AppendOptions = {},
): Promise<AppendResult> {
  // hash and stored jsonb come from the same bytes: the parse of the raw text
  const e = JSON.parse(received.raw) as EnvelopeFields & Record<string, unknown>;
  await tx.query('SELECT pg_advisory_xact_lock_shared($1, $2), pg_advisory_xact_lock($3, hashtext($4))', [
    ...LOCKS.global,
    LOCKS.caseClass,
    e.linkedCaseId,
  ]);
  const [state] = await tx.query<{ existing: string | null; case_seq: number | null; entry_hash: string | null }>(
    `SELECT (SELECT seq::text FROM ledger_entry WHERE event_id = $2) AS existing, h.case_seq, h.entry_hash
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT case_seq, entry_hash FROM ledger_entry WHERE linked_case_id = $1 ORDER BY case_seq DESC LIMIT 1) h ON true`,
    [e.linkedCaseId, e.eventId],
  );
  if (state?.existing) return { appended: false, reason: 'duplicate', seq: Number(state.existing) };
  const caseSeq = (state?.case_seq ?? 0) + 1;
  const prevHash = state?.entry_hash ?? GENESIS_HASH;
  const ingestedAt = (options.ingestedAt ?? new Date()).toISOString();
  const contentHash = contentHashOf(e);
  const entryHash = entryHashOf({
    prevHash,
    contentHash,
    caseSeq,
    linkedCaseId: e.linkedCaseId,
    eventId: e.eventId,
    ingestedAt,
  });
  const [row] = await tx.query<{ seq: string }>(
    `INSERT INTO ledger_entry (linked_case_id, case_seq, event_id, type, version, producer_agency_id, producer_kind, actor_officer_id,
       occurred_at, recorded_at, ingested_at, envelope, content_hash, prev_hash, entry_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15) RETURNING seq::text AS seq`,
    [
      e.linkedCaseId,
      caseSeq,
      e.eventId,
      e.type,
      e.version,
      e.producer.agencyId,
      e.producer.kind,
      e.actor.officerId,
      e.occurredAt,
      e.recordedAt,
      ingestedAt,
      received.raw,
      contentHash,
      prevHash,
      entryHash,
    ],
  );
  if (options.signer && options.checkpointEvery && caseSeq % options.checkpointEvery === 0) {
    await insertCheckpoints(tx, options.signer, [
      { linkedCaseId: e.linkedCaseId, upToSeq: caseSeq, headHash: entryHash, createdAt: ingestedAt },
    ]);
  }
  return {
    appended: true,
    entry: {
      seq: Number(row!.seq),
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
      ingestedAt,
      contentHash,
      prevHash,
      entryHash,
    },
  };
}

// ---- checkpoints ----------------------------------------------------------------------------------

export async function insertCheckpoints(
  tx: SqlRunner,
  signer: CheckpointSigner,
  claims: CheckpointClaim[],
): Promise<number> {
  for (let i = 0; i < claims.length; i += 5000) {
    const chunk = claims.slice(i, i + 5000);
    await tx.query(
      `INSERT INTO ledger_checkpoint (scope, up_to_seq, head_hash, created_at, algorithm, key_id, signature)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])`,
      [
        chunk.map((c) => c.linkedCaseId),
        chunk.map((c) => c.upToSeq),
        chunk.map((c) => c.headHash),
        chunk.map((c) => c.createdAt),
        chunk.map(() => signer.algorithm),
        chunk.map(() => signer.keyId),
        chunk.map((c) => signer.sign(c)),
      ],
    );
  }
  return claims.length;
}

export interface CheckpointRound {
  global: CheckpointClaim | null;
  cases: number;
  entriesFolded: number;
}

/**
 * Signs the heads that moved since the last global checkpoint: one global checkpoint (the fold of every
 * entry in seq order, continued from the last global head) and one checkpoint per linked case whose head
 * is not signed yet. Holds the global lock exclusively, so every seq up to the new upToSeq is committed:
 * no later append can land below it.
 */
export async function runCheckpointRound(
  db: SqlDatabase,
  signer: CheckpointSigner,
  now: Date = new Date(),
): Promise<CheckpointRound> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [...LOCKS.global]);
    const [last] = await tx.query<{ up_to_seq: string; head_hash: string }>(
      `SELECT c.up_to_seq::text AS up_to_seq, c.head_hash FROM ledger_checkpoint c WHERE c.scope = 'global' ORDER BY c.up_to_seq DESC, c.id DESC LIMIT 1`,
    );
    let head = last?.head_hash ?? GENESIS_HASH;
    let upTo = Number(last?.up_to_seq ?? 0);
    let folded = 0;
    const heads = new Map<string, { caseSeq: number; hash: string }>();
    for (;;) {
      const rows = await tx.query<{ seq: string; linked_case_id: string; case_seq: number; entry_hash: string }>(
        'SELECT e.seq::text AS seq, e.linked_case_id, e.case_seq, e.entry_hash FROM ledger_entry e WHERE e.seq > $1 ORDER BY e.seq LIMIT 20000',
        [upTo],
      );
      for (const r of rows) {
        const seq = Number(r.seq);
        head = nextGlobalHash(head, seq, r.entry_hash);
        upTo = seq;
        const h = heads.get(r.linked_case_id);
        if (!h || h.caseSeq < r.case_seq) heads.set(r.linked_case_id, { caseSeq: r.case_seq, hash: r.entry_hash });
      }
      folded += rows.length;
      if (rows.length < 20000) break;
    }
    if (folded === 0) return { global: null, cases: 0, entriesFolded: 0 };
    const createdAt = now.toISOString();
    const ids = [...heads.keys()];
    const covered = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 10000) {
      const rows = await tx.query<{ scope: string; up_to: string }>(
        'SELECT scope, max(up_to_seq)::text AS up_to FROM ledger_checkpoint WHERE scope = ANY($1::text[]) GROUP BY scope',
        [ids.slice(i, i + 10000)],
      );
      for (const r of rows) covered.set(r.scope, Number(r.up_to));
    }
    const claims: CheckpointClaim[] = [];
    for (const [linkedCaseId, h] of heads) {
      if ((covered.get(linkedCaseId) ?? 0) < h.caseSeq)
        claims.push({ linkedCaseId, upToSeq: h.caseSeq, headHash: h.hash, createdAt });
    }
    const global: CheckpointClaim = { linkedCaseId: 'global', upToSeq: upTo, headHash: head, createdAt };
    await insertCheckpoints(tx, signer, [...claims, global]);
    return { global, cases: claims.length, entriesFolded: folded };
  });
}

// ---- reads ----------------------------------------------------------------------------------------

export async function readCaseEntries(db: SqlRunner, linkedCaseId: string): Promise<LedgerEntry[]> {
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entry e WHERE e.linked_case_id = $1 ORDER BY e.case_seq`,
    [linkedCaseId],
  );
  return rows.map(toEntry);
}

export async function readEntriesAfter(db: SqlRunner, afterSeq: number, limit: number): Promise<LedgerEntry[]> {
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entry e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
    [afterSeq, limit],
  );
  return rows.map(toEntry);
}

/**
 * Every entry in seq order, in batches (keyset pagination on the primary key: constant memory). The next
 * batch is requested before the current one is handed out, so reading overlaps with the caller's work.
 */
export async function* streamEntries(db: SqlRunner, batchSize = 5000): AsyncGenerator<LedgerEntry[]> {
  const read = (after: number) => {
    const p = readEntriesAfter(db, after, batchSize);
    p.catch(() => undefined); // a caller that stops early must not leave an unhandled rejection behind
    return p;
  };
  let next: Promise<LedgerEntry[]> | null = read(0);
  while (next) {
    const batch: LedgerEntry[] = await next;
    next = batch.length === batchSize ? read(batch[batch.length - 1]!.seq) : null;
    if (batch.length) yield batch;
  }
}

export async function readCheckpoints(db: SqlRunner, scope?: string): Promise<StoredCheckpoint[]> {
  const rows = await db.query<CheckpointRow>(
    `SELECT id::text AS id, scope, up_to_seq::text AS up_to_seq, head_hash, created_at, algorithm, key_id, signature
       FROM ledger_checkpoint c ${scope ? 'WHERE c.scope = $1' : ''} ORDER BY c.scope, c.up_to_seq, c.id`,
    scope ? [scope] : [],
  );
  return rows.map(toCheckpoint);
}

/** The newest checkpoints of one scope ('global' or a linked case id), newest first. */
export async function latestCheckpoints(db: SqlRunner, scope: string, limit: number): Promise<StoredCheckpoint[]> {
  const rows = await db.query<CheckpointRow>(
    `SELECT id::text AS id, scope, up_to_seq::text AS up_to_seq, head_hash, created_at, algorithm, key_id, signature
       FROM ledger_checkpoint c WHERE c.scope = $1 ORDER BY c.up_to_seq DESC, c.id DESC LIMIT $2`,
    [scope, limit],
  );
  return rows.map(toCheckpoint);
}

export async function caseExists(db: SqlRunner, linkedCaseId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM ledger_entry WHERE linked_case_id = $1 LIMIT 1', [linkedCaseId]);
  return rows.length > 0;
}

import type { KeyObject } from 'node:crypto';
import {
  contentHashOf,
  entryHashOf,
  GENESIS_HASH,
  isHash,
  nextGlobalHash,
  SIGNATURE_ALGORITHM,
} from '../ledger/chain/hashing';
import type { LedgerEntry, StoredCheckpoint } from '../ledger/ledger.store';
import { verifyCheckpointSignature } from '../ledger/signing/signing-key';

export type EntryProblemKind =
  | 'sequence-gap' // caseSeq jumped: entries of the case are missing (deleted)
  | 'sequence-repeat' // caseSeq did not increase
  | 'prev-hash-mismatch' // prevHash is not the entryHash of the case's previous entry
  | 'content-hash-mismatch' // the envelope no longer hashes to its contentHash (envelope altered)
  | 'entry-hash-mismatch' // the entry's own fields no longer hash to its entryHash (caseSeq, ids, ingestedAt or contentHash altered)
  | 'metadata-mismatch' // a column disagrees with the envelope it was taken from
  | 'bad-envelope'; // the envelope cannot be canonicalised at all

/**
 * One entry that does not verify. `expected` is what the chain records for the entry (or for its place in
 * the chain), `found` what the entry holds or hashes to now.
 */
export interface EntryProblem {
  seq: number;
  linkedCaseId: string;
  caseSeq: number;
  eventId: string;
  problem: EntryProblemKind;
  expected: string;
  found: string;
  detail: string;
}

export interface SequenceGap {
  linkedCaseId: string;
  /** caseSeq range missing, inclusive */
  missingFrom: number;
  missingTo: number;
  /** global seq of the entry right after the gap */
  beforeSeq: number;
}

export type CheckpointProblemKind =
  'bad-signature' | 'unknown-key' | 'bad-algorithm' | 'head-mismatch' | 'head-missing';

export interface CheckpointProblem {
  id: number;
  /** a linked case id, or 'global' */
  linkedCaseId: string;
  upToSeq: number;
  problem: CheckpointProblemKind;
  expected?: string;
  found?: string;
  detail: string;
}

export interface BrokenCase {
  linkedCaseId: string;
  firstBroken: EntryProblem;
  problems: number;
}

export interface VerifyReport {
  ok: boolean;
  /** 'all' (whole store, global checkpoints included) or one linked case id */
  scope: string;
  verifiedAt: string;
  entriesChecked: number;
  casesChecked: number;
  checkpointsChecked: number;
  /** the first entry (in ledger order) that does not verify */
  firstBroken: EntryProblem | null;
  /** per linked case with problems: its first broken entry */
  brokenCases: BrokenCase[];
  /** every entry problem (the first 1000) */
  problems: EntryProblem[];
  problemCount: number;
  gaps: SequenceGap[];
  checkpointProblems: CheckpointProblem[];
  /** linked cases whose newest entries are not covered by a signed checkpoint yet (not a failure: signed at the next round) */
  unsignedHeads: number;
  /** for a single case: its head and how far signed checkpoints cover it */
  head?: { caseSeq: number; entryHash: string; signedUpTo: number } | null;
  keyIds: string[];
  durationMs: number;
  entriesPerSecond: number;
}

interface CaseCursor {
  caseSeq: number;
  hash: string;
  problems: number;
  first: EntryProblem | null;
  signedUpTo: number;
}

const MAX_LISTED = 1000;

/**
 * Verifies ledger entries fed in ascending seq order (one case, or the whole store) against the hash chain
 * and the signed checkpoints. Pure and streaming: memory grows with the number of cases and checkpoints,
 * not with the number of entries. A broken entry is reported and the chain continues from its stored hash,
 * so one alteration is reported once, not for every later entry.
 */
export class LedgerVerifier {
  private readonly started = Date.now();
  private readonly cases = new Map<string, CaseCursor>();
  private readonly problems: EntryProblem[] = [];
  private problemCount = 0;
  private firstBroken: EntryProblem | null = null;
  private readonly gaps: SequenceGap[] = [];
  private readonly checkpointProblems: CheckpointProblem[] = [];
  private readonly caseCheckpoints = new Map<string, StoredCheckpoint[]>();
  private readonly unseenCaseCheckpoints = new Set<StoredCheckpoint>();
  private readonly globalCheckpoints: StoredCheckpoint[];
  private nextGlobal = 0;
  private globalHead = GENESIS_HASH;
  private entries = 0;
  private readonly checkpointsChecked: number;

  constructor(
    private readonly scope: 'all' | string,
    checkpoints: readonly StoredCheckpoint[],
    private readonly keys: ReadonlyMap<string, KeyObject>,
  ) {
    const relevant = checkpoints.filter((c) => (scope === 'all' ? true : c.linkedCaseId === scope));
    // only a checkpoint whose signature holds says anything about the heads
    const signed = relevant.filter((c) => this.checkSignature(c));
    this.globalCheckpoints = signed.filter((c) => c.linkedCaseId === 'global').sort((a, b) => a.upToSeq - b.upToSeq);
    for (const c of signed) {
      if (c.linkedCaseId === 'global') continue;
      const k = `${c.linkedCaseId}#${c.upToSeq}`;
      this.caseCheckpoints.set(k, [...(this.caseCheckpoints.get(k) ?? []), c]);
      this.unseenCaseCheckpoints.add(c);
    }
    this.checkpointsChecked = relevant.length;
  }

  private checkSignature(c: StoredCheckpoint): boolean {
    const base = { id: c.id, linkedCaseId: c.linkedCaseId, upToSeq: c.upToSeq };
    if (c.algorithm !== SIGNATURE_ALGORITHM) {
      this.checkpointProblems.push({
        ...base,
        problem: 'bad-algorithm',
        expected: SIGNATURE_ALGORITHM,
        found: c.algorithm,
        detail: 'only Ed25519 checkpoints are accepted',
      });
      return false;
    }
    const key = this.keys.get(c.keyId);
    if (!key) {
      this.checkpointProblems.push({
        ...base,
        problem: 'unknown-key',
        found: c.keyId,
        expected: [...this.keys.keys()].join(' or '),
        detail: 'signed with a key that is not among the trusted public keys',
      });
      return false;
    }
    if (!verifyCheckpointSignature(c, c.signature, key)) {
      this.checkpointProblems.push({
        ...base,
        problem: 'bad-signature',
        detail: 'the Ed25519 signature does not match {linkedCaseId, upToSeq, headHash, createdAt}',
      });
      return false;
    }
    return true;
  }

  private checkGlobalHead(c: StoredCheckpoint): void {
    if (this.globalHead !== c.headHash) {
      this.checkpointProblems.push({
        id: c.id,
        linkedCaseId: 'global',
        upToSeq: c.upToSeq,
        problem: 'head-mismatch',
        expected: c.headHash,
        found: this.globalHead,
        detail: `the fold of the ledger up to seq ${c.upToSeq} no longer gives the signed head: an entry at or below it was removed, added or changed`,
      });
    }
  }

  private report(p: EntryProblem, cursor: CaseCursor): void {
    this.problemCount++;
    cursor.problems++;
    cursor.first ??= p;
    this.firstBroken ??= p;
    if (this.problems.length < MAX_LISTED) this.problems.push(p);
  }

  add(e: LedgerEntry): void {
    this.entries++;
    // global checkpoints whose upToSeq lies before this entry: the fold so far must give their head
    if (this.scope === 'all') {
      while (
        this.nextGlobal < this.globalCheckpoints.length &&
        this.globalCheckpoints[this.nextGlobal]!.upToSeq < e.seq
      ) {
        this.checkGlobalHead(this.globalCheckpoints[this.nextGlobal++]!);
      }
    }
    let cursor = this.cases.get(e.linkedCaseId);
    if (!cursor) {
      cursor = { caseSeq: 0, hash: GENESIS_HASH, problems: 0, first: null, signedUpTo: 0 };
      this.cases.set(e.linkedCaseId, cursor);
    }
    const c = cursor;
    const problem = (kind: EntryProblemKind, expected: string, found: string, detail: string) =>
      this.report(
        {
          seq: e.seq,
          linkedCaseId: e.linkedCaseId,
          caseSeq: e.caseSeq,
          eventId: e.eventId,
          problem: kind,
          expected,
          found,
          detail,
        },
        c,
      );
    const expectedSeq = cursor.caseSeq + 1;
    if (e.caseSeq > expectedSeq) {
      this.gaps.push({
        linkedCaseId: e.linkedCaseId,
        missingFrom: expectedSeq,
        missingTo: e.caseSeq - 1,
        beforeSeq: e.seq,
      });
      problem(
        'sequence-gap',
        `caseSeq ${expectedSeq}`,
        `caseSeq ${e.caseSeq}`,
        `entries ${expectedSeq === e.caseSeq - 1 ? expectedSeq : `${expectedSeq}–${e.caseSeq - 1}`} of the case are missing (prevHash ${e.prevHash} names an entry that is gone)`,
      );
    } else if (e.caseSeq < expectedSeq) {
      problem(
        'sequence-repeat',
        `caseSeq ${expectedSeq}`,
        `caseSeq ${e.caseSeq}`,
        'the case sequence does not increase in ledger order',
      );
    } else if (e.prevHash !== cursor.hash) {
      problem(
        'prev-hash-mismatch',
        cursor.hash,
        e.prevHash,
        e.caseSeq === 1
          ? 'the first entry of a case must start from the genesis hash'
          : `prevHash is not the entryHash of caseSeq ${cursor.caseSeq}`,
      );
    }
    let content: string | null = null;
    try {
      content = contentHashOf(e.envelope);
    } catch (err) {
      problem('bad-envelope', e.contentHash, 'unhashable', (err as Error).message);
    }
    if (content !== null && content !== e.contentHash) {
      problem('content-hash-mismatch', e.contentHash, content, 'the envelope was altered after it was recorded');
    }
    const entryHash =
      isHash(e.prevHash) && isHash(e.contentHash)
        ? entryHashOf({
            prevHash: e.prevHash,
            contentHash: e.contentHash,
            caseSeq: e.caseSeq,
            linkedCaseId: e.linkedCaseId,
            eventId: e.eventId,
            ingestedAt: e.ingestedAt,
          })
        : 'malformed';
    if (entryHash !== e.entryHash) {
      problem(
        'entry-hash-mismatch',
        e.entryHash,
        entryHash,
        'caseSeq, linkedCaseId, eventId, ingestedAt, prevHash or contentHash of the entry were altered',
      );
    }
    const mismatch = metadataMismatch(e);
    if (mismatch) problem('metadata-mismatch', mismatch.expected, mismatch.found, mismatch.detail);

    cursor.caseSeq = Math.max(cursor.caseSeq, e.caseSeq);
    cursor.hash = e.entryHash;
    for (const c of this.caseCheckpoints.get(`${e.linkedCaseId}#${e.caseSeq}`) ?? []) {
      this.unseenCaseCheckpoints.delete(c);
      if (c.headHash !== e.entryHash) {
        this.checkpointProblems.push({
          id: c.id,
          linkedCaseId: c.linkedCaseId,
          upToSeq: c.upToSeq,
          problem: 'head-mismatch',
          expected: c.headHash,
          found: e.entryHash,
          detail: `entry ${c.upToSeq} of the case no longer has the signed hash: the chain up to it was rewritten`,
        });
      } else {
        cursor.signedUpTo = Math.max(cursor.signedUpTo, c.upToSeq);
      }
    }
    if (this.scope === 'all') {
      this.globalHead = nextGlobalHash(this.globalHead, e.seq, e.entryHash);
      while (
        this.nextGlobal < this.globalCheckpoints.length &&
        this.globalCheckpoints[this.nextGlobal]!.upToSeq === e.seq
      ) {
        this.checkGlobalHead(this.globalCheckpoints[this.nextGlobal++]!);
      }
    }
  }

  finish(): VerifyReport {
    if (this.scope === 'all') {
      while (this.nextGlobal < this.globalCheckpoints.length)
        this.checkGlobalHead(this.globalCheckpoints[this.nextGlobal++]!);
    }
    for (const c of this.unseenCaseCheckpoints) {
      const cursor = this.cases.get(c.linkedCaseId);
      this.checkpointProblems.push({
        id: c.id,
        linkedCaseId: c.linkedCaseId,
        upToSeq: c.upToSeq,
        problem: 'head-missing',
        expected: c.headHash,
        detail: cursor
          ? `the signed entry ${c.upToSeq} is gone (the case now ends at ${cursor.caseSeq} or lacks it)`
          : 'every entry of the case is gone',
      });
    }
    const brokenCases: BrokenCase[] = [...this.cases.entries()]
      .filter(([, c]) => c.first)
      .map(([linkedCaseId, c]) => ({ linkedCaseId, firstBroken: c.first!, problems: c.problems }))
      .sort((a, b) => a.firstBroken.seq - b.firstBroken.seq);
    const durationMs = Date.now() - this.started;
    const cursor = this.scope === 'all' ? undefined : this.cases.get(this.scope);
    this.checkpointProblems.sort((a, b) => a.id - b.id);
    return {
      ok: this.problemCount === 0 && this.checkpointProblems.length === 0,
      scope: this.scope,
      verifiedAt: new Date().toISOString(),
      entriesChecked: this.entries,
      casesChecked: this.cases.size,
      checkpointsChecked: this.checkpointsChecked,
      firstBroken: this.firstBroken,
      brokenCases,
      problems: this.problems,
      problemCount: this.problemCount,
      gaps: this.gaps,
      checkpointProblems: this.checkpointProblems,
      unsignedHeads: [...this.cases.values()].filter((c) => c.signedUpTo < c.caseSeq).length,
      ...(this.scope === 'all'
        ? {}
        : { head: cursor ? { caseSeq: cursor.caseSeq, entryHash: cursor.hash, signedUpTo: cursor.signedUpTo } : null }),
      keyIds: [...this.keys.keys()],
      durationMs,
      entriesPerSecond: durationMs > 0 ? Math.round((this.entries * 1000) / durationMs) : this.entries,
    };
  }
}

/** The columns are copies of envelope fields (for indexing and reading): they must agree with it. */
function metadataMismatch(e: LedgerEntry): { expected: string; found: string; detail: string } | null {
  const env = e.envelope as {
    eventId?: unknown;
    linkedCaseId?: unknown;
    type?: unknown;
    version?: unknown;
    producer?: { agencyId?: unknown; kind?: unknown };
    actor?: { officerId?: unknown };
    occurredAt?: unknown;
    recordedAt?: unknown;
  };
  const differs = (field: string, expected: unknown, found: unknown) => ({
    expected: String(expected),
    found: String(found),
    detail: `column ${field} disagrees with the envelope`,
  });
  if (env.eventId !== e.eventId) return differs('eventId', env.eventId, e.eventId);
  if (env.linkedCaseId !== e.linkedCaseId) return differs('linkedCaseId', env.linkedCaseId, e.linkedCaseId);
  if (env.type !== e.type) return differs('type', env.type, e.type);
  if (env.version !== e.version) return differs('version', env.version, e.version);
  if (env.producer?.agencyId !== e.producerAgencyId)
    return differs('producer.agencyId', env.producer?.agencyId, e.producerAgencyId);
  if (env.producer?.kind !== e.producerKind) return differs('producer.kind', env.producer?.kind, e.producerKind);
  if (env.actor?.officerId !== e.actorOfficerId)
    return differs('actor.officerId', env.actor?.officerId, e.actorOfficerId);
  // the envelope's instants are usually written exactly as the column reads back (toISOString); else compare the instants
  if (env.occurredAt !== e.occurredAt && isoOrSelf(env.occurredAt) !== e.occurredAt)
    return differs('occurredAt', isoOrSelf(env.occurredAt), e.occurredAt);
  if (env.recordedAt !== e.recordedAt && isoOrSelf(env.recordedAt) !== e.recordedAt)
    return differs('recordedAt', isoOrSelf(env.recordedAt), e.recordedAt);
  return null;
}

function isoOrSelf(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
}

import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The hash chain of the audit ledger. Everything here is pure and has no dependency beyond node:crypto,
 * so a third party can re-implement it from this description alone:
 *
 *   sha256hex(s)  = lowercase hex SHA-256 of the UTF-8 bytes of the string s
 *   contentHash   = sha256hex(canonicalJson(envelope))                 — JCS / RFC 8785, see canonical-json.ts
 *   entryHash     = sha256hex("casebridge.audit.entry.v1" + "\n" + prevHash + "\n" + contentHash + "\n"
 *                             + caseSeq + "\n" + linkedCaseId + "\n" + eventId + "\n" + ingestedAt)
 *   prevHash      = entryHash of the previous entry of the same linked case; GENESIS (64 × "0") for caseSeq 1
 *   caseSeq       = 1, 2, 3 … per linked case, in decimal without leading zeros
 *   ingestedAt    = when the audit service appended the entry, ISO-8601 UTC with milliseconds
 *                   (Date.prototype.toISOString: 2026-11-20T02:30:00.123Z)
 *   linkedCaseId, eventId = the envelope's strings, exactly as received
 *
 * The whole store is also folded in ledger order (global seq), for the global checkpoints:
 *
 *   global_0 = GENESIS;  global_k = sha256hex("casebridge.audit.global.v1" + "\n" + global_(k-1) + "\n" + seq_k + "\n" + entryHash_k)
 *
 * Checkpoints sign canonicalJson({ format: "casebridge.audit.checkpoint.v1", linkedCaseId: <id or "global">,
 * upToSeq, headHash, createdAt }) with Ed25519 (RFC 8032, pure: crypto.sign(null, message, key)), where
 * upToSeq is a caseSeq for a case checkpoint and a global seq for a global one, and headHash is the
 * entryHash of that entry (case) or global_upToSeq (global).
 */
export const GENESIS_HASH = '0'.repeat(64);
export const ENTRY_HASH_TAG = 'casebridge.audit.entry.v1';
export const GLOBAL_HASH_TAG = 'casebridge.audit.global.v1';
export const CHECKPOINT_FORMAT = 'casebridge.audit.checkpoint.v1';
export const HASH_ALGORITHM = 'SHA-256';
export const SIGNATURE_ALGORITHM = 'Ed25519';
export const CANONICALIZATION =
  'JCS (RFC 8785, npm canonicalize): keys sorted by UTF-16 code units, no whitespace, ECMAScript JSON.stringify strings and numbers';
export const ENTRY_HASH_FORMULA =
  'entryHash = sha256hex(utf8("casebridge.audit.entry.v1\\n" + prevHash + "\\n" + contentHash + "\\n" + caseSeq + "\\n" + linkedCaseId + "\\n" + eventId + "\\n" + ingestedAt)); contentHash = sha256hex(utf8(canonicalJson(envelope))); prevHash of caseSeq 1 = 64 zeros';
export const GLOBAL_HASH_FORMULA =
  'global_k = sha256hex(utf8("casebridge.audit.global.v1\\n" + global_(k-1) + "\\n" + seq_k + "\\n" + entryHash_k)) in ascending seq; global_0 = 64 zeros';

const HEX64 = /^[0-9a-f]{64}$/;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function isHash(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

export function contentHashOf(envelope: unknown): string {
  return sha256Hex(canonicalJson(envelope));
}

export interface EntryHashInput {
  prevHash: string;
  contentHash: string;
  caseSeq: number;
  linkedCaseId: string;
  eventId: string;
  /** ISO-8601 UTC with milliseconds */
  ingestedAt: string;
}

export function entryHashOf(i: EntryHashInput): string {
  return sha256Hex(
    `${ENTRY_HASH_TAG}\n${i.prevHash}\n${i.contentHash}\n${i.caseSeq}\n${i.linkedCaseId}\n${i.eventId}\n${i.ingestedAt}`,
  );
}

export function nextGlobalHash(previous: string, seq: number, entryHash: string): string {
  return sha256Hex(`${GLOBAL_HASH_TAG}\n${previous}\n${seq}\n${entryHash}`);
}

/** What a checkpoint signature covers. `linkedCaseId` is the case id, or 'global'. */
export interface CheckpointClaim {
  linkedCaseId: string;
  upToSeq: number;
  headHash: string;
  /** ISO-8601 UTC with milliseconds */
  createdAt: string;
}

export function checkpointMessage(c: CheckpointClaim): Buffer {
  return Buffer.from(
    canonicalJson({
      format: CHECKPOINT_FORMAT,
      linkedCaseId: c.linkedCaseId,
      upToSeq: c.upToSeq,
      headHash: c.headHash,
      createdAt: c.createdAt,
    }),
    'utf8',
  );
}

import type { ENTRY_HASH_FORMULA } from '../ledger/chain/hashing';

/**
 * JSON Lines export of one linked case's history (one JSON object per line, UTF-8, "\n" after every line):
 *
 *   line 1         {"kind":"header", "format":"casebridge.audit.export.v1", "linkedCaseId", "exportedAt", the algorithms,
 *                   the formulas, "publicKey": {"keyId","pem"} (informational: verify with a key obtained out of band)}
 *   then           {"kind":"entry", "seq","caseSeq","linkedCaseId","eventId","ingestedAt","contentHash","prevHash","entryHash","envelope"}
 *                   one per entry, caseSeq 1, 2, 3 …
 *   then           {"kind":"checkpoint", "linkedCaseId","upToSeq","headHash","createdAt","algorithm","keyId","signature"}
 *                   the signed checkpoints of the case
 *   last           {"kind":"seal", "algorithm":"Ed25519","keyId","sha256","signature"} — sha256 = lowercase hex SHA-256 of
 *                   the UTF-8 bytes of every line before it (newlines included); signature = Ed25519 over the UTF-8 of
 *                   "casebridge.audit.export-seal.v1\n" + sha256. Any changed, added or removed byte breaks it.
 */
export const EXPORT_FORMAT = 'casebridge.audit.export.v1';
export const SEAL_TAG = 'casebridge.audit.export-seal.v1';

export function sealMessage(sha256: string): Buffer {
  return Buffer.from(`${SEAL_TAG}\n${sha256}`, 'utf8');
}

export interface ExportHeaderLine {
  kind: 'header';
  format: typeof EXPORT_FORMAT;
  linkedCaseId: string;
  exportedAt: string;
  entries: number;
  checkpoints: number;
  hashAlgorithm: 'SHA-256';
  signatureAlgorithm: 'Ed25519';
  canonicalization: string;
  entryHashFormula: typeof ENTRY_HASH_FORMULA;
  checkpointMessage: string;
  sealMessage: string;
  publicKey: { keyId: string; pem: string } | null;
}

export interface ExportEntryLine {
  kind: 'entry';
  seq: number;
  caseSeq: number;
  linkedCaseId: string;
  eventId: string;
  ingestedAt: string;
  contentHash: string;
  prevHash: string;
  entryHash: string;
  envelope: Record<string, unknown>;
}

export interface ExportCheckpointLine {
  kind: 'checkpoint';
  linkedCaseId: string;
  upToSeq: number;
  headHash: string;
  createdAt: string;
  algorithm: string;
  keyId: string;
  signature: string;
}

export interface ExportSealLine {
  kind: 'seal';
  algorithm: 'Ed25519';
  keyId: string;
  sha256: string;
  signature: string;
}

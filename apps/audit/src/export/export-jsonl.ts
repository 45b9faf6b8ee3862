import { CANONICALIZATION, CHECKPOINT_FORMAT, ENTRY_HASH_FORMULA, sha256Hex } from '../ledger/chain/hashing';
import type { LedgerEntry, StoredCheckpoint } from '../ledger/ledger.store';
import type { CheckpointSigner } from '../ledger/signing/signing-key';
import {
  EXPORT_FORMAT,
  SEAL_TAG,
  sealMessage,
  type ExportCheckpointLine,
  type ExportEntryLine,
  type ExportHeaderLine,
  type ExportSealLine,
} from './export-format';

export interface JsonlExportInput {
  linkedCaseId: string;
  entries: readonly LedgerEntry[];
  checkpoints: readonly StoredCheckpoint[];
  exportedAt: Date;
  publicKey: { keyId: string; pem: string } | null;
  /** seals the file (the audit service's key); without it the file has no seal line */
  sealer?: Pick<CheckpointSigner, 'keyId' | 'signBytes'>;
}

/** The JSON Lines export of one case (see export-format.ts); verifiable with verifyExport and the public key alone. */
export function buildJsonlExport(input: JsonlExportInput): string {
  const checkpoints = input.checkpoints.filter((c) => c.linkedCaseId === input.linkedCaseId);
  const header: ExportHeaderLine = {
    kind: 'header',
    format: EXPORT_FORMAT,
    linkedCaseId: input.linkedCaseId,
    exportedAt: input.exportedAt.toISOString(),
    entries: input.entries.length,
    checkpoints: checkpoints.length,
    hashAlgorithm: 'SHA-256',
    signatureAlgorithm: 'Ed25519',
    canonicalization: CANONICALIZATION,
    entryHashFormula: ENTRY_HASH_FORMULA,
    checkpointMessage: `Ed25519 over utf8(canonicalJson({"format":"${CHECKPOINT_FORMAT}","linkedCaseId","upToSeq","headHash","createdAt"}))`,
    sealMessage: `Ed25519 over utf8("${SEAL_TAG}\\n" + sha256hex(every byte before the seal line))`,
    publicKey: input.publicKey,
  };
  const lines: string[] = [JSON.stringify(header)];
  for (const e of input.entries) {
    const line: ExportEntryLine = {
      kind: 'entry',
      seq: e.seq,
      caseSeq: e.caseSeq,
      linkedCaseId: e.linkedCaseId,
      eventId: e.eventId,
      ingestedAt: e.ingestedAt,
      contentHash: e.contentHash,
      prevHash: e.prevHash,
      entryHash: e.entryHash,
      envelope: e.envelope,
    };
    lines.push(JSON.stringify(line));
  }
  for (const c of checkpoints) {
    const line: ExportCheckpointLine = {
      kind: 'checkpoint',
      linkedCaseId: c.linkedCaseId,
      upToSeq: c.upToSeq,
      headHash: c.headHash,
      createdAt: c.createdAt,
      algorithm: c.algorithm,
      keyId: c.keyId,
      signature: c.signature,
    };
    lines.push(JSON.stringify(line));
  }
  let text = lines.map((l) => `${l}\n`).join('');
  if (input.sealer) {
    const sha256 = sha256Hex(text);
    const seal: ExportSealLine = {
      kind: 'seal',
      algorithm: 'Ed25519',
      keyId: input.sealer.keyId,
      sha256,
      signature: input.sealer.signBytes(sealMessage(sha256)),
    };
    text += `${JSON.stringify(seal)}\n`;
  }
  return text;
}

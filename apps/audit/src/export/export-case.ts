import type { KeyObject } from 'node:crypto';
import { readCaseEntries, readCheckpoints } from '../ledger/ledger.store';
import type { CheckpointSigner } from '../ledger/signing/signing-key';
import { loadCaseHistory } from '../replay/case-history';
import { caseNotFound, type ExportFormat } from '../shared/audit.errors';
import type { SqlRunner } from '../shared/sql';
import { verifyLedger } from '../verify/verify-ledger';
import { buildHtmlReport } from './export-html';
import { buildJsonlExport } from './export-jsonl';

export interface CaseExport {
  body: string;
  contentType: string;
  fileName: string;
  sealed: boolean;
}

export interface ExportOptions {
  /** seals the JSON Lines file; null when the key is not at hand (the CLI without the signing key) */
  signer: CheckpointSigner | null;
  publicKeys: KeyObject[];
  publicKey: { keyId: string; pem: string } | null;
  now?: Date;
}

/** One case as JSON Lines (verifiable with verifyExport and the public key alone) or as a readable HTML report. */
export async function exportCase(db: SqlRunner, linkedCaseId: string, format: ExportFormat, options: ExportOptions): Promise<CaseExport> {
  const now = options.now ?? new Date();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  if (format === 'jsonl') {
    const entries = await readCaseEntries(db, linkedCaseId);
    if (!entries.length) throw caseNotFound(linkedCaseId);
    const body = buildJsonlExport({
      linkedCaseId, entries, checkpoints: await readCheckpoints(db, linkedCaseId), exportedAt: now, publicKey: options.publicKey,
      ...(options.signer ? { sealer: options.signer } : {}),
    });
    return { body, contentType: 'application/x-ndjson; charset=utf-8', fileName: `case-${linkedCaseId}-${stamp}.jsonl`, sealed: !!options.signer };
  }
  const history = await loadCaseHistory(db, linkedCaseId);
  const verification = await verifyLedger(db, { linkedCaseId, publicKeys: options.publicKeys });
  const body = buildHtmlReport({ history, verification, checkpoints: await readCheckpoints(db, linkedCaseId), publicKey: options.publicKey, generatedAt: now });
  return { body, contentType: 'text/html; charset=utf-8', fileName: `case-${linkedCaseId}-${stamp}.html`, sealed: false };
}

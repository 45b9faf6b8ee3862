import type { KeyObject } from 'node:crypto';
import type { Lang } from '@casebridge/directory';
import { readCaseEntries, readCheckpoints } from '../ledger/ledger.store';
import type { CheckpointSigner } from '../ledger/signing/signing-key';
import { caseNotFound, type ExportFormat } from '../shared/audit.errors';
import type { SqlRunner } from '../shared/sql';
import { buildHtmlReport } from './export-html';
import { buildJsonlExport } from './export-jsonl';
import { buildReportModel } from './report-model';

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
  /** language of the HTML report (default Chinese) */
  lang?: Lang;
}

export interface CaseReport {
  jsonl: CaseExport;
  html: CaseExport;
}

/** The JSON Lines export of one case (sealed when a signer is given; verifiable with verifyExport and the public key alone). */
export async function exportCaseJsonl(
  db: SqlRunner,
  linkedCaseId: string,
  options: ExportOptions,
): Promise<CaseExport> {
  const now = options.now ?? new Date();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const entries = await readCaseEntries(db, linkedCaseId);
  if (!entries.length) throw caseNotFound(linkedCaseId);
  const body = buildJsonlExport({
    linkedCaseId,
    entries,
    checkpoints: await readCheckpoints(db, linkedCaseId),
    exportedAt: now,
    publicKey: options.publicKey,
    ...(options.signer ? { sealer: options.signer } : {}),
  });
  return {
    body,
    contentType: 'application/x-ndjson; charset=utf-8',
    fileName: `case-${linkedCaseId}-${stamp}.jsonl`,
    sealed: !!options.signer,
  };
}

/** The report made from a JSON Lines export: it names that file (and its SHA-256) and says what its signatures cover. */
export function reportOfExport(
  jsonl: CaseExport,
  key: KeyObject | string,
  options: { lang?: Lang; now?: Date } = {},
): CaseExport {
  const model = buildReportModel(jsonl.body, key, jsonl.fileName);
  const lang = options.lang ?? 'zh';
  return {
    body: buildHtmlReport(model, lang, options.now ?? new Date()),
    contentType: 'text/html; charset=utf-8',
    fileName: jsonl.fileName.replace(/\.jsonl$/, `.${lang}.html`),
    sealed: model.seal.verified,
  };
}

/** Both files: the JSON Lines export and the HTML report made from it. */
export async function exportCaseReport(
  db: SqlRunner,
  linkedCaseId: string,
  options: ExportOptions,
): Promise<CaseReport> {
  const key = options.publicKeys[0] ?? options.publicKey?.pem;
  if (!key) throw new Error('the report verifies the export: a public key is needed');
  const jsonl = await exportCaseJsonl(db, linkedCaseId, options);
  return { jsonl, html: reportOfExport(jsonl, key, options) };
}

/** One case as JSON Lines or as the readable HTML report (made from a JSON Lines export of the same moment). */
export async function exportCase(
  db: SqlRunner,
  linkedCaseId: string,
  format: ExportFormat,
  options: ExportOptions,
): Promise<CaseExport> {
  if (format === 'jsonl') return exportCaseJsonl(db, linkedCaseId, options);
  return (await exportCaseReport(db, linkedCaseId, options)).html;
}

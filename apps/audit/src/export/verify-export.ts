/**
 * Standalone verifier of a JSON Lines case export: needs the text and the audit service's public key,
 * nothing else (no database, no network, no CaseBridge service). Depends on node:crypto only, through the
 * hash and signature helpers next to it.
 *
 *   const result = verifyExport(fs.readFileSync('case.jsonl', 'utf8'), fs.readFileSync('audit-public.pem', 'utf8'));
 *   if (!result.ok) console.error(result.firstProblem);
 */
import type { KeyObject } from 'node:crypto';
import { contentHashOf, entryHashOf, GENESIS_HASH, isHash, sha256Hex } from '../ledger/chain/hashing';
import { keyIdOf, parsePublicKeyring, verifyBytes, verifyCheckpointSignature } from '../ledger/signing/signing-key';
import { EXPORT_FORMAT, sealMessage } from './export-format';

export type ExportProblemKind =
  | 'malformed' // a line is not a JSON object, or a field has the wrong type
  | 'bad-header' // the first line is not a header of a known format
  | 'wrong-case' // an entry or checkpoint of another linked case
  | 'sequence' // caseSeq is not 1, 2, 3 … (an entry missing, repeated or moved)
  | 'prev-hash-mismatch'
  | 'content-hash-mismatch' // the envelope was altered
  | 'entry-hash-mismatch' // the entry's fields were altered
  | 'metadata-mismatch' // the entry's ids disagree with its envelope
  | 'unknown-key' // a signature by another key than the one given
  | 'bad-signature' // a checkpoint signature does not verify
  | 'head-mismatch' // a checkpoint signs another hash than the entry's
  | 'checkpoint-beyond-entries' // a checkpoint signs an entry the file does not hold (truncated)
  | 'bad-seal' // the seal does not verify: some byte before it changed
  | 'after-seal' // lines after the seal
  | 'unsealed' // no seal line (not accepted unless allowUnsealed)
  | 'unsigned-tail' // unsealed, and the last entries are covered by no signed checkpoint
  | 'unknown-line';

export interface ExportProblem {
  /** 1-based line number */
  line: number;
  problem: ExportProblemKind;
  detail: string;
  caseSeq?: number;
  expected?: string;
  found?: string;
}

export interface ExportVerification {
  ok: boolean;
  format: string | null;
  linkedCaseId: string | null;
  entries: number;
  lastCaseSeq: number;
  checkpoints: number;
  validCheckpoints: number;
  /** highest caseSeq covered by a valid checkpoint signature (0: none) */
  signedUpTo: number;
  sealed: boolean;
  sealValid: boolean;
  keyId: string;
  headHash: string | null;
  problems: ExportProblem[];
  firstProblem: ExportProblem | null;
}

export interface VerifyExportOptions {
  /**
   * Accept a file without a seal (exported by the CLI without access to the signing key): then every entry
   * must be covered by a valid signed checkpoint instead.
   */
  allowUnsealed?: boolean;
}

type Json = Record<string, unknown>;
const str = (v: unknown): v is string => typeof v === 'string';
const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * `publicKeys`: the trusted public key(s) — a PEM text with one or more keys (a keyring: after a rotation, the old
 * and the new key), a key, or a list. Each checkpoint and the seal are checked with the key their keyId names, so a
 * file signed with an old key keeps verifying with that key's public key.
 */
export function verifyExport(
  text: string,
  publicKeys: string | KeyObject | readonly KeyObject[],
  options: VerifyExportOptions = {},
): ExportVerification {
  const keys =
    typeof publicKeys === 'string'
      ? parsePublicKeyring(publicKeys)
      : new Map(
          (Array.isArray(publicKeys) ? publicKeys : [publicKeys as KeyObject]).map((k) => [keyIdOf(k), k] as const),
        );
  const trusted = [...keys.keys()].join(' or ');
  let keyId = [...keys.keys()].at(-1)!;
  const problems: ExportProblem[] = [];
  const add = (p: ExportProblem) => problems.push(p);

  // split into lines, remembering where each starts (the seal covers the exact bytes before it)
  const lines: { text: string; start: number; n: number }[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(pos, end), start: pos, n: lines.length + 1 });
    pos = end + 1;
  }

  let format: string | null = null;
  let linkedCaseId: string | null = null;
  let prevHash = GENESIS_HASH;
  let lastCaseSeq = 0;
  let entries = 0;
  let checkpoints = 0;
  let validCheckpoints = 0;
  let signedUpTo = 0;
  let sealed = false;
  let sealValid = false;
  const hashes = new Map<number, string>();
  const pendingCheckpoints: { line: number; c: Json }[] = [];

  // not an export at all (an HTML report, a PDF, another file): one problem saying so, not one per line
  const first = lines[0]?.text.replace(/^\uFEFF/, '').trimStart() ?? '';
  if (lines.length && !first.startsWith('{')) {
    const html = /^<(!doctype|html|\?xml|head|body)/i.test(first);
    const problem: ExportProblem = {
      line: 1,
      problem: 'bad-header',
      detail: html
        ? 'this is an HTML file (the readable report), not a JSON Lines export: verify the .jsonl export (GET /cases/<id>/export?format=jsonl, or audit export --format jsonl)'
        : `this is not a CaseBridge JSON Lines export (format ${EXPORT_FORMAT}): its first line is not a JSON object`,
    };
    return {
      ok: false,
      format: null,
      linkedCaseId: null,
      entries: 0,
      lastCaseSeq: 0,
      checkpoints: 0,
      validCheckpoints: 0,
      signedUpTo: 0,
      sealed: false,
      sealValid: false,
      keyId,
      headHash: null,
      problems: [problem],
      firstProblem: problem,
    };
  }

  for (const { text: raw, start, n } of lines) {
    if (sealed) {
      add({ line: n, problem: 'after-seal', detail: 'nothing may follow the seal line' });
      continue;
    }
    let obj: Json;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
      obj = parsed as Json;
    } catch (e) {
      add({ line: n, problem: 'malformed', detail: `not a JSON object: ${(e as Error).message}` });
      continue;
    }
    if (n === 1) {
      if (obj.kind !== 'header' || obj.format !== EXPORT_FORMAT || !str(obj.linkedCaseId)) {
        add({
          line: 1,
          problem: 'bad-header',
          detail: `the first line must be the header of format ${EXPORT_FORMAT}`,
          found: String(obj.format ?? obj.kind),
        });
      } else {
        format = obj.format;
        linkedCaseId = obj.linkedCaseId;
      }
      continue;
    }
    switch (obj.kind) {
      case 'entry': {
        entries++;
        const { caseSeq, eventId, ingestedAt, contentHash, prevHash: entryPrev, entryHash, envelope } = obj;
        if (
          !int(caseSeq) ||
          !str(eventId) ||
          !str(ingestedAt) ||
          !isHash(contentHash) ||
          !isHash(entryPrev) ||
          !isHash(entryHash) ||
          !envelope ||
          typeof envelope !== 'object' ||
          Array.isArray(envelope)
        ) {
          add({
            line: n,
            problem: 'malformed',
            detail: 'an entry needs caseSeq, eventId, ingestedAt, contentHash, prevHash, entryHash and envelope',
          });
          continue;
        }
        const at = { line: n, caseSeq };
        if (obj.linkedCaseId !== linkedCaseId)
          add({
            ...at,
            problem: 'wrong-case',
            detail: 'entry of another linked case',
            expected: String(linkedCaseId),
            found: String(obj.linkedCaseId),
          });
        const env = envelope as Json;
        if (env.linkedCaseId !== obj.linkedCaseId || env.eventId !== eventId) {
          add({
            ...at,
            problem: 'metadata-mismatch',
            detail: 'the entry ids disagree with its envelope',
            expected: `${String(env.linkedCaseId)}/${String(env.eventId)}`,
            found: `${String(obj.linkedCaseId)}/${eventId}`,
          });
        }
        if (caseSeq !== lastCaseSeq + 1) {
          add({
            ...at,
            problem: 'sequence',
            detail:
              caseSeq > lastCaseSeq + 1
                ? `entries ${lastCaseSeq + 1}–${caseSeq - 1} are missing`
                : 'caseSeq does not increase',
            expected: String(lastCaseSeq + 1),
            found: String(caseSeq),
          });
        } else if (entryPrev !== prevHash) {
          add({
            ...at,
            problem: 'prev-hash-mismatch',
            detail: `prevHash is not the entryHash of caseSeq ${lastCaseSeq}`,
            expected: prevHash,
            found: entryPrev,
          });
        }
        let content: string;
        try {
          content = contentHashOf(envelope);
        } catch (e) {
          content = `unhashable: ${(e as Error).message}`;
        }
        if (content !== contentHash)
          add({
            ...at,
            problem: 'content-hash-mismatch',
            detail: 'the envelope does not hash to its contentHash',
            expected: contentHash,
            found: content,
          });
        const recomputed = entryHashOf({
          prevHash: entryPrev,
          contentHash,
          caseSeq,
          linkedCaseId: String(obj.linkedCaseId),
          eventId,
          ingestedAt,
        });
        if (recomputed !== entryHash)
          add({
            ...at,
            problem: 'entry-hash-mismatch',
            detail: 'the entry fields do not hash to its entryHash',
            expected: entryHash,
            found: recomputed,
          });
        lastCaseSeq = Math.max(lastCaseSeq, caseSeq);
        prevHash = entryHash;
        hashes.set(caseSeq, entryHash);
        break;
      }
      case 'checkpoint':
        checkpoints++;
        pendingCheckpoints.push({ line: n, c: obj }); // checked once every entry is known
        break;
      case 'seal': {
        sealed = true;
        const sha = sha256Hex(text.slice(0, start));
        const key = keys.get(String(obj.keyId));
        if (!key) {
          add({
            line: n,
            problem: 'unknown-key',
            detail: 'the seal was made with a key that is not among the trusted public keys',
            expected: trusted,
            found: String(obj.keyId),
          });
        } else if (obj.sha256 !== sha) {
          add({
            line: n,
            problem: 'bad-seal',
            detail: 'the bytes before the seal are not the ones sealed',
            expected: String(obj.sha256),
            found: sha,
          });
        } else if (obj.algorithm !== 'Ed25519' || !verifyBytes(sealMessage(sha), obj.signature, key)) {
          add({ line: n, problem: 'bad-seal', detail: 'the seal signature does not verify with the public key' });
        } else {
          sealValid = true;
          keyId = String(obj.keyId);
        }
        break;
      }
      default:
        add({ line: n, problem: 'unknown-line', detail: `unknown line kind ${JSON.stringify(obj.kind)}` });
    }
  }

  for (const { line, c } of pendingCheckpoints) {
    if (!str(c.linkedCaseId) || !int(c.upToSeq) || !isHash(c.headHash) || !str(c.createdAt) || !str(c.signature)) {
      add({
        line,
        problem: 'malformed',
        detail: 'a checkpoint needs linkedCaseId, upToSeq, headHash, createdAt and signature',
      });
      continue;
    }
    if (c.linkedCaseId !== linkedCaseId) {
      add({
        line,
        problem: 'wrong-case',
        detail: 'checkpoint of another linked case',
        expected: String(linkedCaseId),
        found: c.linkedCaseId,
      });
      continue;
    }
    const key = keys.get(String(c.keyId));
    if (!key) {
      add({
        line,
        problem: 'unknown-key',
        detail: 'signed with a key that is not among the trusted public keys',
        expected: trusted,
        found: String(c.keyId),
      });
      continue;
    }
    const claim = { linkedCaseId: c.linkedCaseId, upToSeq: c.upToSeq, headHash: c.headHash, createdAt: c.createdAt };
    if (c.algorithm !== 'Ed25519' || !verifyCheckpointSignature(claim, c.signature, key)) {
      add({
        line,
        problem: 'bad-signature',
        detail: `the signature of the checkpoint up to caseSeq ${c.upToSeq} does not verify`,
      });
      continue;
    }
    const h = hashes.get(c.upToSeq);
    if (h === undefined) {
      add({
        line,
        problem: 'checkpoint-beyond-entries',
        detail: `a signed checkpoint covers caseSeq ${c.upToSeq}, which the file does not hold: entries were removed`,
        expected: c.headHash,
      });
      continue;
    }
    if (h !== c.headHash) {
      add({
        line,
        problem: 'head-mismatch',
        caseSeq: c.upToSeq,
        detail: `entry ${c.upToSeq} does not have the signed hash: the history up to it was rewritten`,
        expected: c.headHash,
        found: h,
      });
      continue;
    }
    validCheckpoints++;
    signedUpTo = Math.max(signedUpTo, c.upToSeq);
  }

  if (lines.length === 0) add({ line: 0, problem: 'bad-header', detail: 'the file is empty' });
  if (!sealed && !options.allowUnsealed)
    add({ line: lines.length, problem: 'unsealed', detail: 'the file has no seal line' });
  if (!sealed && options.allowUnsealed && signedUpTo < lastCaseSeq) {
    add({
      line: lines.length,
      problem: 'unsigned-tail',
      detail: `entries ${signedUpTo + 1}–${lastCaseSeq} are covered by no signed checkpoint and the file has no seal`,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return {
    ok: problems.length === 0,
    format,
    linkedCaseId,
    entries,
    lastCaseSeq,
    checkpoints,
    validCheckpoints,
    signedUpTo,
    sealed,
    sealValid,
    keyId,
    headHash: lastCaseSeq ? (hashes.get(lastCaseSeq) ?? null) : null,
    problems,
    firstProblem: problems[0] ?? null,
  };
}

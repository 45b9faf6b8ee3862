import type { KeyObject } from 'node:crypto';
import { readCaseEntries, readCheckpoints, streamEntries } from '../ledger/ledger.store';
import { keyIdOf } from '../ledger/signing/signing-key';
import type { SqlRunner } from '../shared/sql';
import { LedgerVerifier, type VerifyReport } from './ledger-verifier';

export interface VerifyLedgerOptions {
  /** one linked case; default: the whole store (global checkpoints included) */
  linkedCaseId?: string;
  /** the trusted public keys (the audit service's, and former ones after a rotation) */
  publicKeys: KeyObject[];
  batchSize?: number;
}

/** Recomputes the chain of one case or of the whole store from the database, with every signed checkpoint. */
export async function verifyLedger(db: SqlRunner, options: VerifyLedgerOptions): Promise<VerifyReport> {
  const keys = new Map(options.publicKeys.map((k) => [keyIdOf(k), k] as const));
  const scope = options.linkedCaseId ?? 'all';
  const verifier = new LedgerVerifier(scope, await readCheckpoints(db, options.linkedCaseId), keys);
  if (options.linkedCaseId) {
    for (const e of await readCaseEntries(db, options.linkedCaseId)) verifier.add(e);
  } else {
    for await (const batch of streamEntries(db, options.batchSize ?? 5000)) for (const e of batch) verifier.add(e);
  }
  return verifier.finish();
}

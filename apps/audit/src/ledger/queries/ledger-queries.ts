import type { KeyObject } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ENTRY_HASH_FORMULA, GLOBAL_HASH_FORMULA, CANONICALIZATION, CHECKPOINT_FORMAT } from '../chain/hashing';
import type { CheckpointSigner } from '../signing/signing-key';
import { latestCheckpoints, type StoredCheckpoint } from '../ledger.store';
import { AUDIT_DB, CHECKPOINT_SIGNER, TRUSTED_PUBLIC_KEYS } from '../ledger.tokens';
import type { OfficerClaims } from '@casebridge/auth';
import { assertCaseInAuditScope, assertNationalAuditor } from '../../shared/audit-scope';
import type { SqlDatabase } from '../../shared/sql';
import { verifyLedger } from '../../verify/verify-ledger';
import type { VerifyReport } from '../../verify/ledger-verifier';

export interface PublicKeyView {
  algorithm: 'Ed25519';
  keyId: string;
  publicKeyPem: string;
  checkpointMessage: string;
  entryHashFormula: string;
  globalHashFormula: string;
  canonicalization: string;
}

export class GetPublicKeyQuery extends Query<PublicKeyView> {}

@QueryHandler(GetPublicKeyQuery)
export class GetPublicKeyHandler implements IQueryHandler<GetPublicKeyQuery> {
  constructor(@Inject(CHECKPOINT_SIGNER) private readonly signer: CheckpointSigner) {}
  async execute(): Promise<PublicKeyView> {
    return {
      algorithm: 'Ed25519',
      keyId: this.signer.keyId,
      publicKeyPem: this.signer.publicKeyPem,
      checkpointMessage: `utf8(canonicalJson({"format":"${CHECKPOINT_FORMAT}","linkedCaseId":<case id or "global">,"upToSeq","headHash","createdAt"}))`,
      entryHashFormula: ENTRY_HASH_FORMULA,
      globalHashFormula: GLOBAL_HASH_FORMULA,
      canonicalization: CANONICALIZATION,
    };
  }
}

export class VerifyLedgerQuery extends Query<VerifyReport> {
  constructor(
    readonly auditor: OfficerClaims,
    readonly linkedCaseId?: string,
  ) {
    super();
  }
}

@QueryHandler(VerifyLedgerQuery)
export class VerifyLedgerHandler implements IQueryHandler<VerifyLedgerQuery> {
  constructor(
    @Inject(AUDIT_DB) private readonly db: SqlDatabase,
    @Inject(TRUSTED_PUBLIC_KEYS) private readonly keys: KeyObject[],
  ) {}
  async execute({ auditor, linkedCaseId }: VerifyLedgerQuery): Promise<VerifyReport> {
    if (linkedCaseId === undefined) assertNationalAuditor(auditor, 'Verifying the whole ledger');
    else await assertCaseInAuditScope(this.db, auditor, linkedCaseId);
    return verifyLedger(this.db, { linkedCaseId, publicKeys: this.keys });
  }
}

export class ListCheckpointsQuery extends Query<{ scope: string; checkpoints: StoredCheckpoint[] }> {
  constructor(
    readonly auditor: OfficerClaims,
    readonly scope: string,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(ListCheckpointsQuery)
export class ListCheckpointsHandler implements IQueryHandler<ListCheckpointsQuery> {
  constructor(@Inject(AUDIT_DB) private readonly db: SqlDatabase) {}
  async execute({
    auditor,
    scope,
    limit,
  }: ListCheckpointsQuery): Promise<{ scope: string; checkpoints: StoredCheckpoint[] }> {
    if (scope === 'global') assertNationalAuditor(auditor, 'The global checkpoints');
    else await assertCaseInAuditScope(this.db, auditor, scope);
    return { scope, checkpoints: await latestCheckpoints(this.db, scope, limit) };
  }
}

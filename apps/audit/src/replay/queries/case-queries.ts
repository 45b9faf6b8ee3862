import type { KeyObject } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { exportCase, type CaseExport } from '../../export/export-case';
import { AUDIT_DB, CHECKPOINT_SIGNER, TRUSTED_PUBLIC_KEYS } from '../../ledger/ledger.tokens';
import type { CheckpointSigner } from '../../ledger/signing/signing-key';
import type { OfficerClaims } from '@casebridge/auth';
import { assertCaseInAuditScope } from '../../shared/audit-scope';
import type { ExportFormat } from '../../shared/audit.errors';
import type { SqlDatabase } from '../../shared/sql';
import { loadCaseHistory, loadCaseState, type CaseHistory } from '../case-history';
import type { CaseStateView } from '../case-state.projector';

export class GetCaseHistoryQuery extends Query<CaseHistory> {
  constructor(
    readonly auditor: OfficerClaims,
    readonly linkedCaseId: string,
  ) {
    super();
  }
}

@QueryHandler(GetCaseHistoryQuery)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistoryQuery> {
  constructor(@Inject(AUDIT_DB) private readonly db: SqlDatabase) {}
  async execute({ auditor, linkedCaseId }: GetCaseHistoryQuery): Promise<CaseHistory> {
    await assertCaseInAuditScope(this.db, auditor, linkedCaseId);
    return loadCaseHistory(this.db, linkedCaseId);
  }
}

export class GetCaseStateQuery extends Query<CaseStateView> {
  constructor(
    readonly auditor: OfficerClaims,
    readonly linkedCaseId: string,
    readonly asOf: Date,
  ) {
    super();
  }
}

@QueryHandler(GetCaseStateQuery)
export class GetCaseStateHandler implements IQueryHandler<GetCaseStateQuery> {
  constructor(@Inject(AUDIT_DB) private readonly db: SqlDatabase) {}
  async execute({ auditor, linkedCaseId, asOf }: GetCaseStateQuery): Promise<CaseStateView> {
    await assertCaseInAuditScope(this.db, auditor, linkedCaseId);
    return loadCaseState(this.db, linkedCaseId, asOf);
  }
}

export class ExportCaseQuery extends Query<CaseExport> {
  constructor(
    readonly auditor: OfficerClaims,
    readonly linkedCaseId: string,
    readonly format: ExportFormat,
    readonly lang: 'zh' | 'en' = 'zh',
  ) {
    super();
  }
}

@QueryHandler(ExportCaseQuery)
export class ExportCaseHandler implements IQueryHandler<ExportCaseQuery> {
  constructor(
    @Inject(AUDIT_DB) private readonly db: SqlDatabase,
    @Inject(CHECKPOINT_SIGNER) private readonly signer: CheckpointSigner,
    @Inject(TRUSTED_PUBLIC_KEYS) private readonly keys: KeyObject[],
  ) {}
  async execute({ auditor, linkedCaseId, format, lang }: ExportCaseQuery): Promise<CaseExport> {
    await assertCaseInAuditScope(this.db, auditor, linkedCaseId);
    return exportCase(this.db, linkedCaseId, format, {
      signer: this.signer,
      publicKeys: this.keys,
      publicKey: { keyId: this.signer.keyId, pem: this.signer.publicKeyPem },
      lang,
    });
  }
}

import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { TransferForProsecutionRequest } from './transfer-for-prosecution.request';

/** → the new prosecution's id */
export class TransferForProsecutionCommand extends Command<{ prosecutionId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: TransferForProsecutionRequest,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';

import type { OfficerClaims } from '@casebridge/auth';
import { SignReceiptRequest } from './sign-receipt.request.dto';

export class SignReceiptCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: SignReceiptRequest,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import { SendTransferRequest } from './send-transfer.request.dto';

export class SendTransferCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: SendTransferRequest,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import { type OfficerClaims } from '@casebridge/auth';
import { AttachEvidenceRequest } from './attach-evidence.request.dto';

export class AttachEvidenceCommand extends Command<{ evidenceId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly caseId: string,
    readonly request: AttachEvidenceRequest,
  ) {
    super();
  }
}

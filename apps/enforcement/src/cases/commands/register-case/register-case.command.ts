import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import { RegisterCaseRequest } from './register-case.request.dto';

export class RegisterCaseCommand extends Command<{ caseId: string; linkedCaseId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: RegisterCaseRequest,
  ) {
    super();
  }
}

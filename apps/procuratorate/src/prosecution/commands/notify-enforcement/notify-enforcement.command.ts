import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { NotifyEnforcementRequest } from './notify-enforcement.request';

export class NotifyEnforcementCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly prosecutionId: string,
    readonly request: NotifyEnforcementRequest,
  ) {
    super();
  }
}

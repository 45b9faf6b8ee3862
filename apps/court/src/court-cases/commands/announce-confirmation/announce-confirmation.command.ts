import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { AnnouncementRequest } from '../announce-co-plaintiffs/announce-co-plaintiffs.command';

export class AnnounceConfirmationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: AnnouncementRequest,
  ) {
    super();
  }
}

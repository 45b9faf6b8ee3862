import { Module } from '@nestjs/common';
import { SharingModule } from '@casebridge/sharing';
import { CourtCaseOwnership } from './court-case-ownership';

/** The court office's shared record (信息共享, flows.md §5) and need-to-know access (libs/sharing). */
@Module({
  imports: [SharingModule.forAgencyKind('court', { ownership: CourtCaseOwnership })],
})
export class CourtSharingModule {}

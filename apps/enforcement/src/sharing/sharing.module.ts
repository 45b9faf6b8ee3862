import { Module } from '@nestjs/common';
import { SharingModule } from '@casebridge/sharing';
import { EnforcementCaseOwnership } from './enforcement-case-ownership';

/** The enforcement office's shared record (信息共享, flows.md §5) and need-to-know access (libs/sharing). */
@Module({
  imports: [SharingModule.forAgencyKind('enforcement', { ownership: EnforcementCaseOwnership })],
})
export class EnforcementSharingModule {}

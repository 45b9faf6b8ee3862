import { Module } from '@nestjs/common';
import { SharingModule } from '@casebridge/sharing';
import { EnforcementCaseOwnership } from './enforcement-case-ownership';
import {
  EnforcementEnterDecisionHandler,
  EnforcementRecordDecisionHandler,
} from './commands/enter-decision/enter-decision.handler';

/** The enforcement office's shared record (信息共享, flows.md §5) and need-to-know access (libs/sharing). */
@Module({
  imports: [SharingModule.forAgencyKind('enforcement', { ownership: EnforcementCaseOwnership })],
  providers: [EnforcementRecordDecisionHandler, EnforcementEnterDecisionHandler],
})
export class EnforcementSharingModule {}

import { Module } from '@nestjs/common';
import { SharingModule } from '@casebridge/sharing';
import { PoliceCaseOwnership } from './police-case-ownership';
import {
  PoliceEnterDecisionHandler,
  PoliceRecordDecisionHandler,
} from './commands/enter-decision/enter-decision.handler';

/** The police office's shared record (信息共享, flows.md §5) and need-to-know access (libs/sharing). */
@Module({
  imports: [SharingModule.forAgencyKind('police', { ownership: PoliceCaseOwnership })],
  providers: [PoliceRecordDecisionHandler, PoliceEnterDecisionHandler],
})
export class PoliceSharingModule {}

import { Module } from '@nestjs/common';
import { SharingModule } from '@casebridge/sharing';
import { PoliceCaseOwnership } from './police-case-ownership';

/** The police office's shared record (信息共享, flows.md §5) and need-to-know access (libs/sharing). */
@Module({
  imports: [SharingModule.forAgencyKind('police', { ownership: PoliceCaseOwnership })],
})
export class PoliceSharingModule {}

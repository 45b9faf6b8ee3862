import { Module } from '@nestjs/common';
import { SharingModule } from '@casebridge/sharing';
import { ProcuratorateCaseOwnership } from './procuratorate-case-ownership';

/** The procuratorate office's shared record (信息共享, flows.md §5) and need-to-know access (libs/sharing). */
@Module({
  imports: [SharingModule.forAgencyKind('procuratorate', { ownership: ProcuratorateCaseOwnership })],
})
export class ProcuratorateSharingModule {}

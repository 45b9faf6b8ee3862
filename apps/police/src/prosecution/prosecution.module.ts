import { Module } from '@nestjs/common';
import { ResubmitHandler } from './commands/resubmit/resubmit.handler';
import { TransferForProsecutionHandler } from './commands/transfer-for-prosecution/transfer-for-prosecution.handler';
import { ProcuratorateEventsConsumer } from './procuratorate-events.consumer';
import { PoliceProsecutionHttpController } from './prosecution.http.controller';
import { PoliceProsecutionUnitOfWork } from './prosecution-unit-of-work';

/** Prosecution (审查起诉, flows.md §3), the police side: transfer a filed case, re-submit after supplementary investigation. */
@Module({
  controllers: [PoliceProsecutionHttpController],
  providers: [PoliceProsecutionUnitOfWork, ProcuratorateEventsConsumer, TransferForProsecutionHandler, ResubmitHandler],
})
export class PoliceProsecutionModule {}

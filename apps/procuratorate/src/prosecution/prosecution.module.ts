import { Module } from '@nestjs/common';
import { DecideProsecutionHandler } from './commands/decide/decide.handler';
import { ExtendProsecutionReviewHandler } from './commands/extend-review/extend-review.handler';
import { NotifyEnforcementHandler } from './commands/notify-enforcement/notify-enforcement.handler';
import { ReturnForInvestigationHandler } from './commands/return-for-investigation/return-for-investigation.handler';
import { PoliceProsecutionEventsConsumer } from './police-events.consumer';
import { ProsecutionHttpController } from './prosecution.http.controller';
import { ProsecutionUnitOfWork } from './prosecution-unit-of-work';

/** Prosecution (审查起诉, flows.md §3), the procuratorate side: review, return, indict or not, notify enforcement. */
@Module({
  controllers: [ProsecutionHttpController],
  providers: [
    ProsecutionUnitOfWork,
    PoliceProsecutionEventsConsumer,
    ExtendProsecutionReviewHandler,
    ReturnForInvestigationHandler,
    DecideProsecutionHandler,
    NotifyEnforcementHandler,
  ],
})
export class ProsecutionModule {}

import { Module } from '@nestjs/common';
import { ExplainHandler } from '../supervision/explain.command';
import { SupervisionHttpController } from '../supervision/supervision.http.controller';
import { PoliceAgencyEventsConsumer } from './agency-events.consumer';
import { DecideFilingHandler, DecideReconsiderationHandler, ExtendReviewHandler } from './commands/decisions';
import { ForwardHandler, RequestMaterialsHandler, SignReceiptHandler } from './commands/receipt-and-forward';
import { PoliceUnitOfWork } from './police-unit-of-work';
import { PoliceTransfersHttpController } from './transfers.http.controller';

/** Transfers received from enforcement agencies and the procuratorate's filing supervision of them (flows.md §1–2). */
@Module({
  controllers: [PoliceTransfersHttpController, SupervisionHttpController],
  providers: [
    PoliceUnitOfWork,
    PoliceAgencyEventsConsumer,
    SignReceiptHandler,
    ForwardHandler,
    RequestMaterialsHandler,
    ExtendReviewHandler,
    DecideFilingHandler,
    DecideReconsiderationHandler,
    ExplainHandler,
  ],
})
export class PoliceTransfersModule {}

import { Module } from '@nestjs/common';
import { SupervisionHttpController } from '../supervision/supervision.http.controller';
import { PoliceAgencyEventsConsumer } from './agency-events.consumer';
import { PoliceUnitOfWork } from './police-unit-of-work';
import { PoliceTransfersHttpController } from './transfers.http.controller';
import { ExtendReviewHandler } from './commands/extend-review/extend-review.handler';
import { DecideFilingHandler } from './commands/decide-filing/decide-filing.handler';
import { DecideReconsiderationHandler } from './commands/decide-reconsideration/decide-reconsideration.handler';
import { SignReceiptHandler } from './commands/sign-receipt/sign-receipt.handler';
import { ForwardHandler } from './commands/forward/forward.handler';
import { RequestMaterialsHandler } from './commands/request-materials/request-materials.handler';
import { ExplainHandler } from '../supervision/commands/explain/explain.handler';
import { GetSupervisionMatterHandler } from '../supervision/queries/get-supervision-matter/get-supervision-matter.handler';
import { ListSupervisionMattersHandler } from '../supervision/queries/list-supervision-matters/list-supervision-matters.handler';
import { GetIncomingTransferHandler } from './queries/get-incoming-transfer/get-incoming-transfer.handler';
import { ListIncomingTransfersHandler } from './queries/list-incoming-transfers/list-incoming-transfers.handler';

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
    GetIncomingTransferHandler,
    ListIncomingTransfersHandler,
    GetSupervisionMatterHandler,
    ListSupervisionMattersHandler,
  ],
})
export class PoliceTransfersModule {}

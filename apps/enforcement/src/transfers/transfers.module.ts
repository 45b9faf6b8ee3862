import { Module } from '@nestjs/common';
import { AgencyEventsConsumer } from './agency-events.consumer';
import { HeadDecideHandler } from './commands/head-decide';
import {
  HandOverItemsHandler,
  RequestReconsiderationHandler,
  RequestSupervisionHandler,
  SupplementMaterialsHandler,
} from './commands/other-acts';
import { SendTransferHandler } from './commands/send-transfer';
import { SuspectCrimeHandler } from './commands/suspect-crime';
import { TeamReportHandler } from './commands/team-report';
import { GetTransferHandler, ListTransfersHandler } from './queries/transfer-queries';
import { TransferUnitOfWork } from './transfer-unit-of-work';
import { TransfersHttpController } from './transfers.http.controller';

/** Transfers of suspected crimes to the police (flows.md §1) as seen and driven by the enforcement agency. */
@Module({
  controllers: [TransfersHttpController],
  providers: [
    TransferUnitOfWork,
    AgencyEventsConsumer,
    SuspectCrimeHandler,
    TeamReportHandler,
    HeadDecideHandler,
    SendTransferHandler,
    SupplementMaterialsHandler,
    RequestReconsiderationHandler,
    RequestSupervisionHandler,
    HandOverItemsHandler,
    GetTransferHandler,
    ListTransfersHandler,
  ],
})
export class TransfersModule {}

import { Module } from '@nestjs/common';
import { AgencyEventsConsumer } from './agency-events.consumer';
import { GetTransferHandler } from './queries/get-transfer/get-transfer.handler';
import { ListTransfersHandler } from './queries/list-transfers/list-transfers.handler';
import { TransferUnitOfWork } from './transfer-unit-of-work';
import { TransfersHttpController } from './transfers.http.controller';
import { HeadDecideHandler } from './commands/head-decide/head-decide.handler';
import { TeamReportHandler } from './commands/team-report/team-report.handler';
import { SuspectCrimeHandler } from './commands/suspect-crime/suspect-crime.handler';
import { SendTransferHandler } from './commands/send-transfer/send-transfer.handler';
import { SupplementMaterialsHandler } from './commands/supplement-materials/supplement-materials.handler';
import { RequestReconsiderationHandler } from './commands/request-reconsideration/request-reconsideration.handler';
import { RequestSupervisionHandler } from './commands/request-supervision/request-supervision.handler';
import { HandOverItemsHandler } from './commands/hand-over-items/hand-over-items.handler';

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

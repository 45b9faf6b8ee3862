import { Module } from '@nestjs/common';
import { IssueCorrectionHandler } from './commands/issue-correction';
import { IssueFilingNoticeHandler } from './commands/issue-filing-notice';
import { IssueTransferOpinionHandler } from './commands/issue-transfer-opinion';
import { OpenSupervisionHandler } from './commands/open-supervision';
import { AcceptReasonsHandler, IssueChaserHandler, RequireExplanationHandler } from './commands/other-acts';
import { FilingSupervisionUnitOfWork } from './filing-supervision-unit-of-work';
import { FilingSupervisionsHttpController } from './filing-supervisions.http.controller';
import { GetSupervisionHandler } from './queries/get-supervision/get-supervision.handler';
import { ListSupervisionsHandler } from './queries/list-supervisions/list-supervisions.handler';
import { ListTransferOpinionsHandler } from './queries/list-transfer-opinions/list-transfer-opinions.handler';
import { SupervisionEventsConsumer } from './supervision-events.consumer';
import { SuspectedCrimesConsumer } from './suspected-crimes.consumer';
import { TransferOpinionsHttpController } from './transfer-opinions.http.controller';

/** Filing supervision (立案监督, flows.md §2) and procuratorial opinions to transfer (E17 art 14). */
@Module({
  controllers: [FilingSupervisionsHttpController, TransferOpinionsHttpController],
  providers: [
    FilingSupervisionUnitOfWork,
    SupervisionEventsConsumer,
    SuspectedCrimesConsumer,
    OpenSupervisionHandler,
    RequireExplanationHandler,
    AcceptReasonsHandler,
    IssueFilingNoticeHandler,
    IssueCorrectionHandler,
    IssueChaserHandler,
    IssueTransferOpinionHandler,
    GetSupervisionHandler,
    ListSupervisionsHandler,
    ListTransferOpinionsHandler,
  ],
})
export class FilingSupervisionModule {}

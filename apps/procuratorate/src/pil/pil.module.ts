import { Module } from '@nestjs/common';
import { PublishAnnouncementHandler } from './commands/announce/publish-announcement';
import { DecideClosingHandler, ServeClosingDecisionHandler } from './commands/close-case/close-case';
import { RecordInvestigationHandler } from './commands/investigate/record-investigation';
import { OpenPilCaseHandler } from './commands/open-case/open-case';
import { RecordOrganisationHandler, SupportSuitHandler } from './commands/organisations/organisations';
import { FileRecommendationHandler, IssueRecommendationHandler } from './commands/recommend/recommendation';
import { SuePilHandler } from './commands/sue/sue';
import { AdminPilUnitOfWork, CivilPilUnitOfWork } from './pil-case.record';
import { PilCasesHttpController } from './pil-cases.http.controller';
import { PilEventsConsumer } from './pil-events.consumer';
import { GetPilCaseHandler, ListPilCasesHandler } from './queries/pil-case-queries';

/** Public-interest litigation (公益诉讼, flows.md §4): administrative and civil, the procuratorate's side. */
@Module({
  controllers: [PilCasesHttpController],
  providers: [
    AdminPilUnitOfWork,
    CivilPilUnitOfWork,
    PilEventsConsumer,
    OpenPilCaseHandler,
    RecordInvestigationHandler,
    IssueRecommendationHandler,
    FileRecommendationHandler,
    DecideClosingHandler,
    ServeClosingDecisionHandler,
    PublishAnnouncementHandler,
    RecordOrganisationHandler,
    SupportSuitHandler,
    SuePilHandler,
    GetPilCaseHandler,
    ListPilCasesHandler,
  ],
})
export class PilModule {}

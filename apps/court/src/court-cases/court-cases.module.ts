import { Module } from '@nestjs/common';
import { AnnounceConfirmationHandler } from './commands/announce-confirmation/announce-confirmation.handler';
import { AnnounceCoPlaintiffsHandler } from './commands/announce-co-plaintiffs/announce-co-plaintiffs.handler';
import { AnnounceSettlementHandler } from './commands/announce-settlement/announce-settlement.handler';
import { ApproveSettlementHandler } from './commands/approve-settlement/approve-settlement.handler';
import { ConfirmAgreementHandler } from './commands/confirm-agreement/confirm-agreement.handler';
import { DocketCaseHandler } from './commands/docket-case/docket-case.handler';
import { ExtendTrialHandler } from './commands/extend-trial/extend-trial.handler';
import { NotifyAgencyHandler } from './commands/notify-agency/notify-agency.handler';
import { RenderJudgmentHandler } from './commands/render-judgment/render-judgment.handler';
import { ReportRestorationHandler } from './commands/report-restoration/report-restoration.handler';
import { RuleNotToAcceptHandler } from './commands/rule-not-to-accept/rule-not-to-accept.handler';
import { ScheduleHearingHandler } from './commands/schedule-hearing/schedule-hearing.handler';
import { ServeComplaintHandler } from './commands/serve-complaint/serve-complaint.handler';
import { VerifyRestorationHandler } from './commands/verify-restoration/verify-restoration.handler';
import { CourtCaseUnitOfWork } from './court-case-unit-of-work';
import { CourtCasesHttpController } from './court-cases.http.controller';
import { CourtDeadlinesConsumer } from './court-deadlines.consumer';
import { CourtIntakeConsumer } from './intake/court-intake.consumer';
import { GetCourtCaseHandler, ListCourtCasesHandler } from './queries/court-case.queries';

/** The court's cases (flows.md §3–4, §6): intake from the other flows, the court's acts, its views. */
@Module({
  controllers: [CourtCasesHttpController],
  providers: [
    CourtCaseUnitOfWork,
    CourtIntakeConsumer,
    CourtDeadlinesConsumer,
    DocketCaseHandler,
    RuleNotToAcceptHandler,
    ServeComplaintHandler,
    NotifyAgencyHandler,
    AnnounceCoPlaintiffsHandler,
    ScheduleHearingHandler,
    AnnounceSettlementHandler,
    ApproveSettlementHandler,
    ExtendTrialHandler,
    RenderJudgmentHandler,
    ReportRestorationHandler,
    VerifyRestorationHandler,
    AnnounceConfirmationHandler,
    ConfirmAgreementHandler,
    GetCourtCaseHandler,
    ListCourtCasesHandler,
  ],
})
export class CourtCasesModule {}

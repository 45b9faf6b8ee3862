import { Module } from '@nestjs/common';
import { HoldMeetingHandler, RecordAgreementHandler, RecordFailureHandler } from './commands/consult/consult';
import { ApplyConfirmationHandler, SueForCompensationHandler } from './commands/hand-over/hand-over';
import { OpenConsultationHandler } from './commands/open-consultation/open-consultation';
import { DamageCompensationHttpController } from './damage-compensation.http.controller';
import { EdcCaseUnitOfWork } from './edc-case.record';
import { EdcDeadlinesConsumer } from './edc-deadlines.consumer';
import { GetEdcCaseHandler, ListEdcCasesHandler } from './queries/edc-queries';

/** Ecological damage compensation (flows.md §6): the claimant agency's consultation and hand-over to the court. */
@Module({
  controllers: [DamageCompensationHttpController],
  providers: [
    EdcCaseUnitOfWork,
    EdcDeadlinesConsumer,
    OpenConsultationHandler,
    HoldMeetingHandler,
    RecordAgreementHandler,
    RecordFailureHandler,
    ApplyConfirmationHandler,
    SueForCompensationHandler,
    GetEdcCaseHandler,
    ListEdcCasesHandler,
  ],
})
export class DamageCompensationModule {}

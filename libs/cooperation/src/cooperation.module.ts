import { Module, type DynamicModule } from '@nestjs/common';
import type { AgencyKind } from '@casebridge/contracts';
import { COOPERATION_AGENCY_KIND, CooperationConsumer, InquiryConsumer } from './cooperation.consumer';
import {
  ConsultationsHttpController,
  JointSupervisionsHttpController,
  NotificationsHttpController,
} from './cooperation.http.controller';
import { AskHandler, ReplyHandler } from './consultations/consultation.commands';
import { DecisionDoneHandler, ReportProgressHandler } from './joint-supervision/joint-supervision.commands';
import { AcknowledgeHandler, NotifyHandler } from './notifications/notification.commands';

/**
 * Case notification, two-way consultation and joint supervision in an agency app (flows.md §5): the same acts in
 * every agency app that takes part (enforcement, police, procuratorate), its records in the app's own database
 * (COOPERATION_SCHEMA). The app's agency kind decides which records its consumer keeps.
 */
@Module({})
export class CooperationModule {
  static forAgencyKind(kind: AgencyKind): DynamicModule {
    return {
      module: CooperationModule,
      controllers: [NotificationsHttpController, ConsultationsHttpController, JointSupervisionsHttpController],
      providers: [
        { provide: COOPERATION_AGENCY_KIND, useValue: kind },
        kind === 'police' ? CooperationConsumer : InquiryConsumer,
        NotifyHandler,
        AcknowledgeHandler,
        AskHandler,
        ReplyHandler,
        ReportProgressHandler,
        DecisionDoneHandler,
      ],
    };
  }
}

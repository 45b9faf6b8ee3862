import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { AgencyKind } from '@casebridge/contracts';
import { CASE_OWNERSHIP, CaseAccess, type CaseOwnership } from './access/case-access';
import { OwnOrGrantedGuard, RecordGrantedReadInterceptor } from './access/own-or-granted';
import { MayLinkCaseGuard } from './access/may-link-case';
import { SHARING_AGENCY_KIND, SharingConsumer } from './sharing.consumer';
import { SharingHttpController } from './sharing.http.controller';
import { SharedRecord } from './shared-record';
import { knownDecisionProviders } from './known-decisions.consumer';
import { EnterDecisionHandler, RecordDecisionHandler } from './decision.handlers';

/**
 * The shared record and need-to-know access of one agency app (tables in its own database: SHARING_SCHEMA):
 * routes /sharing/cases/:linkedCaseId/…, grants and received entries from the sharing events, CaseAccess and the
 * "own or granted" guard, the handlers that record and enter the app's decisions (decision.handlers.ts). The app
 * gives its agency kind and its ownership probe.
 */
@Module({})
export class SharingModule {
  static forAgencyKind(kind: AgencyKind, options: { ownership: Type<CaseOwnership> }): DynamicModule {
    return {
      module: SharingModule,
      global: true,
      controllers: [SharingHttpController],
      providers: [
        { provide: SHARING_AGENCY_KIND, useValue: kind },
        { provide: CASE_OWNERSHIP, useClass: options.ownership },
        SharingConsumer,
        ...knownDecisionProviders(kind),
        SharedRecord,
        CaseAccess,
        OwnOrGrantedGuard,
        MayLinkCaseGuard,
        RecordGrantedReadInterceptor,
        RecordDecisionHandler,
        EnterDecisionHandler,
      ],
      exports: [
        SharedRecord,
        CaseAccess,
        CASE_OWNERSHIP,
        OwnOrGrantedGuard,
        MayLinkCaseGuard,
        RecordGrantedReadInterceptor,
      ],
    };
  }
}

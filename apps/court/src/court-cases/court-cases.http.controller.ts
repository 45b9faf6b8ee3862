import { applyDecorators, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { CaseAccessOf, lookupOwnedBy, OwnOrGranted, type CaseAccessContext } from '@casebridge/sharing';
import { CourtCase } from './court-case.entity';
import { CourtErrorCodes } from './court-case.machine';
import { AnnounceConfirmationCommand } from './commands/announce-confirmation/announce-confirmation.command';
import {
  AnnouncementRequest,
  AnnounceCoPlaintiffsCommand,
} from './commands/announce-co-plaintiffs/announce-co-plaintiffs.command';
import {
  AnnounceSettlementCommand,
  SettlementRequest,
} from './commands/announce-settlement/announce-settlement.command';
import { ApproveSettlementCommand, CourtNoteRequest } from './commands/approve-settlement/approve-settlement.command';
import { ConfirmAgreementCommand } from './commands/confirm-agreement/confirm-agreement.command';
import { DocketCaseCommand, DocketCaseRequest } from './commands/docket-case/docket-case.command';
import { ExtendTrialCommand, ExtendTrialRequest } from './commands/extend-trial/extend-trial.command';
import { NotifyAgencyCommand, NotifyAgencyRequest } from './commands/notify-agency/notify-agency.command';
import { RenderJudgmentCommand, RenderJudgmentRequest } from './commands/render-judgment/render-judgment.command';
import {
  ReportRestorationCommand,
  RestorationReportRequest,
} from './commands/report-restoration/report-restoration.command';
import { NotAcceptRequest, RuleNotToAcceptCommand } from './commands/rule-not-to-accept/rule-not-to-accept.command';
import { ScheduleHearingCommand, ScheduleHearingRequest } from './commands/schedule-hearing/schedule-hearing.command';
import { ServeComplaintCommand, ServeComplaintRequest } from './commands/serve-complaint/serve-complaint.command';
import {
  VerifyRestorationCommand,
  VerifyRestorationRequest,
} from './commands/verify-restoration/verify-restoration.command';
import { CourtCaseResponse } from './queries/court-case.response';
import { GetCourtCaseQuery, ListCourtCasesQuery, ListCourtCasesRequest } from './queries/court-case.queries';

const NOT_FOUND = 'COURT_CASE.NOT_FOUND — no such case at your court (another court’s case looks the same)';
const REFUSED =
  'COURT_CASE.OUT_OF_ORDER (wrong phase), COURT_CASE.ALREADY_DONE (acting twice), CASE.CLOSED, COURT_CASE.NOT_APPLICABLE (the act does not concern this kind of case)';

/** One act of the court on a case: POST, 204, refusals as 409/404 (plus `conflicts` and `invalid` codes). */
function CourtAct(path: string, summary: string, more: { conflicts?: string; invalid?: string } = {}) {
  return applyDecorators(
    Post(`:courtCaseId/${path}`),
    HttpCode(204),
    ApiOperation({ summary }),
    ApiNoContentResponse(),
    ApiConflictResponse({ description: more.conflicts ? `${REFUSED}, ${more.conflicts}` : REFUSED }),
    ApiNotFoundResponse({ description: NOT_FOUND }),
    ...(more.invalid ? [ApiBadRequestResponse({ description: `${more.invalid} or REQUEST.VALIDATION_FAILED` })] : []),
  );
}

const id = () => Param('courtCaseId', new ParseUUIDPipe());

@ApiTags('court-cases')
@Roles('officer', 'head') // the court's officers act, its head too; supervisors and auditors read through their own apps
@Controller('court-cases')
export class CourtCasesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Your court’s cases (indictments, PIL and EDC suits, confirmation applications), newest first; filter by phase or overdue restoration',
  })
  @ApiOkResponse({ type: CourtCaseResponse, isArray: true })
  @ApiBadRequestResponse({
    description: 'REQUEST.VALIDATION_FAILED — unknown phase or restorationOverdue not true/false',
  })
  list(@CurrentOfficer() officer: OfficerClaims, @Query() filter: ListCourtCasesRequest) {
    return this.queries.execute(new ListCourtCasesQuery(officer, filter));
  }

  @Get(':courtCaseId')
  @ApiOperation({
    summary:
      'One case: phase, docket, notices, hearing, judgment, restoration order and its records, timeline (a court office it was shared with: the redacted view, COURT_CASE_REDACTED)',
  })
  @ApiOkResponse({ type: CourtCaseResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @OwnOrGranted({
    param: 'courtCaseId',
    lookup: lookupOwnedBy(CourtCase, 'courtCaseId', 'courtAgencyId'),
    notFound: { code: CourtErrorCodes.notFound, message: 'No such court case at your court.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @id() courtCaseId: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ) {
    return this.queries.execute(new GetCourtCaseQuery(officer, courtCaseId, access));
  }

  @CourtAct('docket', 'Docket the case (立案, court.docket met); starts court.trial-* and, for a PIL, its notices', {
    conflicts: 'COURT_CASE.DOCKET_NUMBER_TAKEN (the number names another case of your court)',
  })
  docket(@CurrentOfficer() o: OfficerClaims, @id() courtCaseId: string, @Body() body: DocketCaseRequest) {
    return this.commands.execute(new DocketCaseCommand(o, courtCaseId, body));
  }

  @CourtAct('non-acceptance', 'Rule not to accept the case (裁定不予受理, court.docket met); closes it')
  notAccept(@CurrentOfficer() o: OfficerClaims, @id() courtCaseId: string, @Body() body: NotAcceptRequest) {
    return this.commands.execute(new RuleNotToAcceptCommand(o, courtCaseId, body));
  }

  @CourtAct('complaint-service', 'Serve the complaint of a procuratorate civil PIL (court.serve-complaint, 5 days)')
  serve(@CurrentOfficer() o: OfficerClaims, @id() courtCaseId: string, @Body() body: ServeComplaintRequest) {
    return this.commands.execute(new ServeComplaintCommand(o, courtCaseId, body));
  }

  @Post(':courtCaseId/agency-notice')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Notify the competent administrative agency of a PIL in writing (court.notify-agency, 10 days); the agency sees it in its court notices and inbox',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { agencyId: { type: 'string', example: 'enforcement:210300' } },
      required: ['agencyId'],
    },
  })
  @ApiConflictResponse({ description: REFUSED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiBadRequestResponse({ description: 'COURT_CASE.AGENCY_NOT_COMPETENT or REQUEST.VALIDATION_FAILED' })
  notifyAgency(@CurrentOfficer() o: OfficerClaims, @id() courtCaseId: string, @Body() body: NotifyAgencyRequest) {
    return this.commands.execute(new NotifyAgencyCommand(o, courtCaseId, body));
  }

  @CourtAct('co-plaintiff-announcement', 'Announce a civil PIL for co-plaintiffs (court.co-plaintiff-window, 30 days)')
  announceCoPlaintiffs(
    @CurrentOfficer() o: OfficerClaims,
    @id() courtCaseId: string,
    @Body() body: AnnouncementRequest,
  ) {
    return this.commands.execute(new AnnounceCoPlaintiffsCommand(o, courtCaseId, body));
  }

  @Post(':courtCaseId/hearings')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Schedule a hearing and serve its notice now (court.hearing-notice): refused when the hearing is less than 3 days away, before docketing or after the outer limit of the trial period; the same hearing again changes nothing',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        hearingAt: { type: 'string', format: 'date-time' },
        latestNoticeAt: { type: 'string', format: 'date-time', description: 'the latest the notice could be served' },
      },
      required: ['hearingAt', 'latestNoticeAt'],
    },
  })
  @ApiBadRequestResponse({ description: 'COURT_CASE.HEARING_NOTICE_TOO_LATE or REQUEST.VALIDATION_FAILED' })
  @ApiConflictResponse({ description: `COURT_CASE.HEARING_DATE_OUT_OF_RANGE; ${REFUSED}` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  scheduleHearing(@CurrentOfficer() o: OfficerClaims, @id() courtCaseId: string, @Body() body: ScheduleHearingRequest) {
    return this.commands.execute(new ScheduleHearingCommand(o, courtCaseId, body));
  }

  @CourtAct(
    'settlement-announcement',
    'Announce a settlement or mediation agreement of a civil case (court.settlement-announcement, ≥ 30 days); a criminal case or an administrative PIL is not settled (409 COURT_CASE.NOT_APPLICABLE)',
  )
  announceSettlement(@CurrentOfficer() o: OfficerClaims, @id() courtCaseId: string, @Body() body: SettlementRequest) {
    return this.commands.execute(new AnnounceSettlementCommand(o, courtCaseId, body));
  }

  @CourtAct(
    'settlement-approval',
    'Approve the announced settlement once its ≥ 30-day announcement has run; closes the case',
    {
      conflicts: 'COURT_CASE.ANNOUNCEMENT_RUNNING',
    },
  )
  approveSettlement(@CurrentOfficer() o: OfficerClaims, @id() courtCaseId: string, @Body() body: CourtNoteRequest) {
    return this.commands.execute(new ApproveSettlementCommand(o, courtCaseId, body));
  }

  @CourtAct(
    'trial-extension',
    'Record an approved extension of the trial period (court.trial-civil / court.trial-criminal); head only',
    {
      invalid: 'COURT_CASE.EXTENSION_NOT_AVAILABLE',
    },
  )
  @Roles('head')
  extendTrial(@CurrentOfficer() o: OfficerClaims, @id() courtCaseId: string, @Body() body: ExtendTrialRequest) {
    return this.commands.execute(new ExtendTrialCommand(o, courtCaseId, body));
  }

  @CourtAct('judgment', 'Render judgment (ends court.trial-*), with an ecological restoration order and its due date', {
    invalid: 'COURT_CASE.RESTORATION_INVALID',
    conflicts:
      'COURT_CASE.NO_HEARING_HELD (no hearing took place yet), COURT_CASE.ANNOUNCEMENT_RUNNING (a settlement announcement is running)',
  })
  judgment(@CurrentOfficer() o: OfficerClaims, @id() courtCaseId: string, @Body() body: RenderJudgmentRequest) {
    return this.commands.execute(new RenderJudgmentCommand(o, courtCaseId, body));
  }

  @CourtAct('restoration-reports', 'Record progress of the restoration order (the percentage never goes down)', {
    conflicts: 'COURT_CASE.NO_RESTORATION_ORDER, COURT_CASE.RESTORATION_PROGRESS_BACKWARDS (below the last report)',
  })
  reportRestoration(
    @CurrentOfficer() o: OfficerClaims,
    @id() courtCaseId: string,
    @Body() body: RestorationReportRequest,
  ) {
    return this.commands.execute(new ReportRestorationCommand(o, courtCaseId, body));
  }

  @CourtAct('restoration-verification', 'Verify the restoration on site: completed ends its tracking', {
    conflicts: 'COURT_CASE.NO_RESTORATION_ORDER, COURT_CASE.RESTORATION_NOT_FULLY_REPORTED (last report below 100%)',
  })
  verifyRestoration(
    @CurrentOfficer() o: OfficerClaims,
    @id() courtCaseId: string,
    @Body() body: VerifyRestorationRequest,
  ) {
    return this.commands.execute(new VerifyRestorationCommand(o, courtCaseId, body));
  }

  @CourtAct(
    'confirmation-announcement',
    'Announce a compensation agreement before confirmation (edc.confirmation-announcement, ≥ 30 days)',
  )
  announceConfirmation(
    @CurrentOfficer() o: OfficerClaims,
    @id() courtCaseId: string,
    @Body() body: AnnouncementRequest,
  ) {
    return this.commands.execute(new AnnounceConfirmationCommand(o, courtCaseId, body));
  }

  @CourtAct(
    'confirmation',
    'Confirm the compensation agreement (司法确认) once its announcement has run; closes the case',
    {
      conflicts: 'COURT_CASE.ANNOUNCEMENT_RUNNING',
    },
  )
  confirm(@CurrentOfficer() o: OfficerClaims, @id() courtCaseId: string, @Body() body: CourtNoteRequest) {
    return this.commands.execute(new ConfirmAgreementCommand(o, courtCaseId, body));
  }
}

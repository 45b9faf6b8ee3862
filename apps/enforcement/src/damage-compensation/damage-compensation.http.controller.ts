import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { actRoute, idsSchema, listOf } from '@casebridge/platform';
import { ErrorCodes } from '@casebridge/contracts';
import { CaseAccessOf, lookupOwnedBy, MayLinkCase, OwnOrGranted, type CaseAccessContext } from '@casebridge/sharing';
import { EdcCase } from './edc-case.entity';
import {
  AgreementRequest,
  FailureRequest,
  HoldMeetingCommand,
  MeetingRequest,
  RecordAgreementCommand,
  RecordFailureCommand,
} from './commands/consult/consult';
import {
  ApplyConfirmationCommand,
  CompensationSuitRequest,
  EdcCourtRequest,
  SueForCompensationCommand,
} from './commands/hand-over/hand-over';
import {
  holdsEdcCase,
  OpenConsultationCommand,
  OpenConsultationRequest,
} from './commands/open-consultation/open-consultation';
import { EDC_CASE_VIEW_SCHEMA, GetEdcCaseQuery, ListEdcCasesQuery } from './queries/edc-queries';

const NOT_FOUND = 'EDC.NOT_FOUND — no such damage compensation case in your agency';
const OUT_OF_ORDER = 'EDC.OUT_OF_ORDER (wrong phase), EDC.ALREADY_DONE (acting twice) or CASE.CLOSED';
const EdcAct = actRoute('edcCaseId', { conflict: OUT_OF_ORDER, notFound: NOT_FOUND });

@ApiTags('damage-compensations')
@Roles('officer', 'head')
@Controller('damage-compensations')
export class DamageCompensationHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Serve the consultation notice on the liable company (生态环境损害赔偿磋商): edc.consultation starts (90 days, at most 3 meetings)',
  })
  @ApiCreatedResponse({ schema: idsSchema('edcCaseId') })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED — e.g. a wrong unified social credit code' })
  @ApiConflictResponse({ description: 'EDC.NOTICE_NUMBER_TAKEN — your agency already used that notice number' })
  @ApiNotFoundResponse({
    description: 'CASE.LINKED_CASE_UNKNOWN — a linked case your office neither holds nor was granted',
  })
  @MayLinkCase('linkedCaseId', { holds: holdsEdcCase })
  open(@CurrentOfficer() officer: OfficerClaims, @Body() body: OpenConsultationRequest) {
    return this.commands.execute(new OpenConsultationCommand(officer, body));
  }

  @Get()
  @ApiOperation({ summary: 'Your agency’s damage compensation cases, newest first' })
  @ApiOkResponse({ schema: listOf(EDC_CASE_VIEW_SCHEMA) })
  list(@CurrentOfficer() officer: OfficerClaims) {
    return this.queries.execute(new ListEdcCasesQuery(officer));
  }

  @Get(':edcCaseId')
  @ApiOperation({
    summary:
      'One damage compensation case: phase, meetings, agreement or failure, timeline (an office it was shared with: the redacted view, EDC_CASE_REDACTED)',
  })
  @ApiOkResponse({ schema: EDC_CASE_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @OwnOrGranted({
    param: 'edcCaseId',
    lookup: lookupOwnedBy(EdcCase, 'edcCaseId', 'agencyId'),
    notFound: { code: ErrorCodes.edcNotFound, message: 'No such damage compensation case in your agency.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('edcCaseId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ) {
    return this.queries.execute(new GetEdcCaseQuery(officer, id, access));
  }

  @Post(':edcCaseId/meetings')
  @ApiOperation({ summary: 'Record a consultation meeting (at most 3)' })
  @ApiCreatedResponse({ schema: { type: 'object', properties: { round: { type: 'integer' } }, example: { round: 1 } } })
  @ApiConflictResponse({ description: `${OUT_OF_ORDER}; EDC.MEETING_LIMIT — a fourth meeting` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  meeting(
    @CurrentOfficer() o: OfficerClaims,
    @Param('edcCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: MeetingRequest,
  ) {
    return this.commands.execute(new HoldMeetingCommand(o, id, body));
  }

  @Roles('head')
  @EdcAct('agreement', 'Head: record the compensation agreement (edc.consultation ends); after a meeting only', {
    conflicts: 'EDC.NO_MEETING_HELD — no meeting was recorded yet',
  })
  agreement(
    @CurrentOfficer() o: OfficerClaims,
    @Param('edcCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: AgreementRequest,
  ) {
    return this.commands.execute(new RecordAgreementCommand(o, id, body));
  }

  @EdcAct('failure', 'Record that the consultation failed (a waiting civil PIL on the same conduct goes on)')
  failure(
    @CurrentOfficer() o: OfficerClaims,
    @Param('edcCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: FailureRequest,
  ) {
    return this.commands.execute(new RecordFailureCommand(o, id, body));
  }

  @EdcAct(
    'confirmation-application',
    'Apply to the court for judicial confirmation of the agreement (edc.confirmation-applied)',
    { notFound: 'AGENCY.OUTSIDE_JURISDICTION — the court' },
  )
  confirmation(
    @CurrentOfficer() o: OfficerClaims,
    @Param('edcCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: EdcCourtRequest,
  ) {
    return this.commands.execute(new ApplyConfirmationCommand(o, id, body));
  }

  @Roles('head')
  @EdcAct('suit', 'Head: sue for damage compensation after the consultation failed (edc.suit-filed)', {
    notFound: 'AGENCY.OUTSIDE_JURISDICTION — the court',
  })
  suit(
    @CurrentOfficer() o: OfficerClaims,
    @Param('edcCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: CompensationSuitRequest,
  ) {
    return this.commands.execute(new SueForCompensationCommand(o, id, body));
  }
}

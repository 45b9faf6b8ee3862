import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { CaseAccessOf, lookupOwnedBy, OwnOrGranted, type CaseAccessContext } from '@casebridge/sharing';
import { FilingSupervision } from './filing-supervision.entity';
import { SupervisionErrorCodes } from './filing-supervision.machine';
import { CorrectionRequest, IssueCorrectionCommand } from './commands/issue-correction';
import { FilingNoticeRequest, IssueFilingNoticeCommand } from './commands/issue-filing-notice';
import { OpenSupervisionCommand, OpenSupervisionRequest } from './commands/open-supervision';
import {
  AcceptReasonsCommand,
  ExplanationRequest,
  IssueChaserCommand,
  NoteRequest,
  RequireExplanationCommand,
} from './commands/other-acts';
import { idsSchema } from '@casebridge/platform';
import { GetSupervisionQuery } from './queries/get-supervision/get-supervision.query';
import { SupervisionResponse } from './queries/get-supervision/get-supervision.response.dto';
import { ListSupervisionsQuery } from './queries/list-supervisions/list-supervisions.query';
import { ListSupervisionsRequest } from './queries/list-supervisions/list-supervisions.request.dto';

const OUT_OF_ORDER =
  'SUPERVISION.OUT_OF_ORDER (wrong phase), SUPERVISION.ALREADY_DONE (acting twice) or CASE.CLOSED (reasons accepted)';
const NOT_FOUND = 'SUPERVISION.NOT_FOUND — no such filing supervision in your agency';

@ApiTags('filing-supervisions')
@Roles('officer', 'head') // officers act, the head may too; supervisors and auditors use their own apps
@Controller('filing-supervisions')
export class FilingSupervisionsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Open filing supervision (立案监督) on a transfer copy: on the pending request of the enforcement agency (its ground) or of your own motion',
  })
  @ApiCreatedResponse({ schema: idsSchema('supervisionId') })
  @ApiNotFoundResponse({ description: 'TRANSFER.NOT_FOUND — no copy of this transfer in your agency' })
  @ApiConflictResponse({
    description: 'SUPERVISION.ALREADY_OPEN (one open supervision per transfer) or SUPERVISION.POLICE_ALREADY_FILED',
  })
  open(@CurrentOfficer() officer: OfficerClaims, @Body() body: OpenSupervisionRequest) {
    return this.commands.execute(new OpenSupervisionCommand(officer, body));
  }

  @Get()
  @ApiOperation({
    summary: 'Your agency’s filing supervisions, newest first, with phase and timeline; filter by phase or transfer',
  })
  @ApiOkResponse({ type: [SupervisionResponse] })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED — unknown phase or bad transferId' })
  list(@CurrentOfficer() officer: OfficerClaims, @Query() filter: ListSupervisionsRequest) {
    return this.queries.execute(new ListSupervisionsQuery(officer, filter));
  }

  @Get(':supervisionId')
  @ApiOperation({
    summary:
      'One filing supervision: phase, question, police reasons, notice number, timeline (an office it was shared with: the redacted view, FILING_SUPERVISION_REDACTED)',
  })
  @ApiOkResponse({ type: SupervisionResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @OwnOrGranted({
    param: 'supervisionId',
    lookup: lookupOwnedBy(FilingSupervision, 'supervisionId', 'procuratorateAgencyId'),
    notFound: { code: SupervisionErrorCodes.notFound, message: 'No such filing supervision in your agency.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('supervisionId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ) {
    return this.queries.execute(new GetSupervisionQuery(officer, id, access));
  }

  @Post(':supervisionId/explanation-request')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Require the police to explain non-filing (JR art 559); starts supervision.police-explain (7 days)',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  requireExplanation(
    @CurrentOfficer() o: OfficerClaims,
    @Param('supervisionId', new ParseUUIDPipe()) id: string,
    @Body() body: ExplanationRequest,
  ) {
    return this.commands.execute(new RequireExplanationCommand(o, id, body));
  }

  @Post(':supervisionId/reasons-acceptance')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'The police reasons are valid: tell the enforcement agency (supervision.tell-agency, 10 days); closes the supervision',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  acceptReasons(
    @CurrentOfficer() o: OfficerClaims,
    @Param('supervisionId', new ParseUUIDPipe()) id: string,
    @Body() body: NoteRequest,
  ) {
    return this.commands.execute(new AcceptReasonsCommand(o, id, body));
  }

  @Post(':supervisionId/filing-notice')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Notify the police to file (通知立案书, JR art 563), after opening or after the police explained; starts supervision.police-file (15 days)',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: `${OUT_OF_ORDER}, SUPERVISION.NOTICE_NUMBER_TAKEN` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  filingNotice(
    @CurrentOfficer() o: OfficerClaims,
    @Param('supervisionId', new ParseUUIDPipe()) id: string,
    @Body() body: FilingNoticeRequest,
  ) {
    return this.commands.execute(new IssueFilingNoticeCommand(o, id, body));
  }

  @Post(':supervisionId/correction')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Correction notice (纠正违法通知书) once supervision.police-file ran out (a head may issue it earlier), optionally escalated one level up (JR art 564)',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'SUPERVISION.ESCALATION_NOT_ONE_LEVEL_UP or REQUEST.VALIDATION_FAILED' })
  @ApiConflictResponse({ description: `${OUT_OF_ORDER}, SUPERVISION.POLICE_FILE_NOT_OVERDUE` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  correction(
    @CurrentOfficer() o: OfficerClaims,
    @Param('supervisionId', new ParseUUIDPipe()) id: string,
    @Body() body: CorrectionRequest,
  ) {
    return this.commands.execute(new IssueCorrectionCommand(o, id, body));
  }

  @Post(':supervisionId/chaser')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Chaser (催办函) on an investigation filed under supervision that has not concluded (supervision.investigation-chaser)',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  chaser(
    @CurrentOfficer() o: OfficerClaims,
    @Param('supervisionId', new ParseUUIDPipe()) id: string,
    @Body() body: NoteRequest,
  ) {
    return this.commands.execute(new IssueChaserCommand(o, id, body));
  }
}

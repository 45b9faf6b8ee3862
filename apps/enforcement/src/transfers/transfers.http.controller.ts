import { ErrorCodes } from '@casebridge/contracts';
import { CaseAccessOf, lookupBy, OwnOrGranted, type CaseAccessContext } from '@casebridge/sharing';
import { Transfer } from './transfer.entity';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentOfficer, Roles, type OfficerClaims } from '@casebridge/auth';
import { idsSchema } from '@casebridge/platform';
import { GetTransferQuery } from './queries/get-transfer/get-transfer.query';
import { TransferResponse } from './queries/get-transfer/get-transfer.response.dto';
import { ListTransfersQuery } from './queries/list-transfers/list-transfers.query';
import { ListTransfersRequest } from './queries/list-transfers/list-transfers.request.dto';
import { SupplementMaterialsCommand } from './commands/supplement-materials/supplement-materials.command';
import { SupplementMaterialsRequest } from './commands/supplement-materials/supplement-materials.request.dto';
import { RequestReconsiderationCommand } from './commands/request-reconsideration/request-reconsideration.command';
import { RequestReconsiderationRequest } from './commands/request-reconsideration/request-reconsideration.request.dto';
import { RequestSupervisionCommand } from './commands/request-supervision/request-supervision.command';
import { RequestSupervisionRequest } from './commands/request-supervision/request-supervision.request.dto';
import { HandOverItemsCommand } from './commands/hand-over-items/hand-over-items.command';
import { HandOverItemsRequest } from './commands/hand-over-items/hand-over-items.request.dto';
import { HeadDecisionRequest } from './commands/head-decide/head-decide.request.dto';
import { HeadDecideCommand } from './commands/head-decide/head-decide.command';
import { TeamReportRequest } from './commands/team-report/team-report.request.dto';
import { TeamReportCommand } from './commands/team-report/team-report.command';
import { SuspectCrimeRequest } from './commands/suspect-crime/suspect-crime.request.dto';
import { SuspectCrimeCommand } from './commands/suspect-crime/suspect-crime.command';
import { SEND_TRANSFER_EXAMPLES, SendTransferRequest } from './commands/send-transfer/send-transfer.request.dto';
import { SendTransferCommand } from './commands/send-transfer/send-transfer.command';

const OUT_OF_ORDER = 'TRANSFER.OUT_OF_ORDER (wrong phase), TRANSFER.ALREADY_DONE (acting twice) or CASE.CLOSED';
const ACT_NOT_ALLOWED =
  'FLOW.ACT_NOT_ALLOWED — the transfer flow does not let your agency kind or roles do this act (libs/flows act specs)';
const NOT_FOUND = 'TRANSFER.NOT_FOUND — no such transfer in your agency';

@ApiTags('transfers')
@Roles('officer', 'head') // officers act, the head may too; supervisors and auditors use their own apps
@Controller('transfers')
export class TransfersHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Facts meet criminal thresholds: open a transfer (starts transfer.team-report)' })
  @ApiCreatedResponse({ schema: idsSchema('transferId') })
  @ApiConflictResponse({ description: 'TRANSFER.ALREADY_DONE (the case already has an open transfer) or CASE.CLOSED' })
  @ApiNotFoundResponse({ description: 'CASE.NOT_FOUND — no such case in your agency' })
  open(@CurrentOfficer() officer: OfficerClaims, @Body() body: SuspectCrimeRequest) {
    return this.commands.execute(new SuspectCrimeCommand(officer, body));
  }

  @Get()
  @ApiOperation({ summary: 'Your agency’s transfers (optionally of one case), with phase and timeline' })
  @ApiOkResponse({ type: [TransferResponse] })
  list(@CurrentOfficer() officer: OfficerClaims, @Query() { caseId }: ListTransfersRequest) {
    return this.queries.execute(new ListTransfersQuery(officer, caseId));
  }

  @Get(':transferId')
  @ApiOperation({ summary: 'One transfer: phase, police decision, timeline' })
  @ApiOkResponse({ type: TransferResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @OwnOrGranted({
    param: 'transferId',
    lookup: lookupBy(Transfer, 'id'),
    notFound: { code: ErrorCodes.transferNotFound, message: 'No such transfer in your agency.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ) {
    return this.queries.execute(new GetTransferQuery(officer, id, access));
  }

  @Post(':transferId/team-report')
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Case team’s written report (transfer.team-report; ≥2 officers); starts transfer.head-decision',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiBadRequestResponse({
    description: 'TRANSFER.TEAM_TOO_SMALL — the case team needs at least two different officers',
  })
  teamReport(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: TeamReportRequest,
  ) {
    return this.commands.execute(new TeamReportCommand(o, id, body));
  }

  @Post(':transferId/head-decision')
  @HttpCode(204)
  @Roles('head')
  @ApiOperation({
    summary: 'Head approves or refuses (transfer.head-decision, 3 days); approval starts transfer.handover (24 h)',
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: `AUTH.ROLE_NOT_ALLOWED — only the head decides; ${ACT_NOT_ALLOWED}` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  headDecision(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: HeadDecisionRequest,
  ) {
    return this.commands.execute(new HeadDecideCommand(o, id, body));
  }

  @Post(':transferId/send')
  @ApiBody({ type: SendTransferRequest, examples: SEND_TRANSFER_EXAMPLES })
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Send to the police with the materials, copy to the procuratorate (transfer.handover, transfer.copy-to-procuratorate)',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({
    description: `${NOT_FOUND}; EVIDENCE.NOT_FOUND — a materials[].evidenceId that is not evidence of this case`,
  })
  @ApiBadRequestResponse({
    description: 'TRANSFER.MATERIALS_REQUIRED — a required kind (transfer-letter, investigation-report) is missing',
  })
  send(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: SendTransferRequest,
  ) {
    return this.commands.execute(new SendTransferCommand(o, id, body));
  }

  @Post(':transferId/materials')
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Supplement the materials the police asked for (transfer.materials-supplement, 3 days)',
    description:
      'Materials may come in parts. Until every kind the police asked for has arrived, the transfer stays ' +
      '`materials-requested`, `missingMaterials` lists the kinds still owed, and transfer.materials-supplement stays open.',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  supplement(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: SupplementMaterialsRequest,
  ) {
    return this.commands.execute(new SupplementMaterialsCommand(o, id, body));
  }

  @Post(':transferId/reconsideration')
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Ask the police to reconsider non-filing (transfer.reconsideration-request, 3 working days)',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  reconsideration(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: RequestReconsiderationRequest,
  ) {
    return this.commands.execute(new RequestReconsiderationCommand(o, id, body));
  }

  @Post(':transferId/supervision-request')
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Ask the procuratorate for filing supervision (after non-filing, an upheld refusal, or an overdue review)',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: `${OUT_OF_ORDER}, TRANSFER.REVIEW_NOT_OVERDUE` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  supervision(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: RequestSupervisionRequest,
  ) {
    return this.commands.execute(new RequestSupervisionCommand(o, id, body));
  }

  @Post(':transferId/items-handover')
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({ summary: 'Hand over seized items after the police filed (transfer.items-handover, 3 days)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  items(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: HandOverItemsRequest,
  ) {
    return this.commands.execute(new HandOverItemsCommand(o, id, body));
  }
}

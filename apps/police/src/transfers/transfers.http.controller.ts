import { ErrorCodes } from '@casebridge/contracts';
import { CaseAccessOf, lookupBy, OwnOrGranted, type CaseAccessContext } from '@casebridge/sharing';
import { IncomingTransfer } from './incoming-transfer.entity';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { GetIncomingTransferQuery } from './queries/get-incoming-transfer/get-incoming-transfer.query';
import { IncomingTransferResponse } from './queries/get-incoming-transfer/get-incoming-transfer.response.dto';
import { ListIncomingTransfersQuery } from './queries/list-incoming-transfers/list-incoming-transfers.query';
import { ListIncomingTransfersRequest } from './queries/list-incoming-transfers/list-incoming-transfers.request.dto';
import { ExtendReviewRequest } from './commands/extend-review/extend-review.request.dto';
import { ExtendReviewCommand } from './commands/extend-review/extend-review.command';
import { DecideFilingRequest } from './commands/decide-filing/decide-filing.request.dto';
import { DecideFilingCommand } from './commands/decide-filing/decide-filing.command';
import { DecideReconsiderationRequest } from './commands/decide-reconsideration/decide-reconsideration.request.dto';
import { DecideReconsiderationCommand } from './commands/decide-reconsideration/decide-reconsideration.command';
import { SignReceiptRequest } from './commands/sign-receipt/sign-receipt.request.dto';
import { SignReceiptCommand } from './commands/sign-receipt/sign-receipt.command';
import { ForwardRequest } from './commands/forward/forward.request.dto';
import { ForwardCommand } from './commands/forward/forward.command';
import { RequestMaterialsRequest } from './commands/request-materials/request-materials.request.dto';
import { RequestMaterialsCommand } from './commands/request-materials/request-materials.command';

const CONFLICT = 'TRANSFER.OUT_OF_ORDER (wrong phase), TRANSFER.ALREADY_DONE (acting twice) or CASE.CLOSED';
const ACT_NOT_ALLOWED =
  'FLOW.ACT_NOT_ALLOWED — the transfer flow does not let your agency kind or roles do this act (libs/flows act specs)';
const NOT_FOUND = 'TRANSFER.NOT_FOUND — not sent to your office';

@ApiTags('incoming transfers')
@Roles('officer', 'head') // officers act, the head may too; supervisors and auditors use their own apps
@Controller('transfers')
export class PoliceTransfersHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Inbox of transfers sent (or forwarded) to your office, newest first' })
  @ApiOkResponse({ type: [IncomingTransferResponse] })
  list(@CurrentOfficer() officer: OfficerClaims, @Query() { phase }: ListIncomingTransfersRequest) {
    return this.queries.execute(new ListIncomingTransfersQuery(officer, phase));
  }

  @Get(':transferId')
  @ApiOperation({ summary: 'One transfer with its materials and timeline' })
  @ApiOkResponse({ type: IncomingTransferResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @OwnOrGranted({
    param: 'transferId',
    lookup: lookupBy(IncomingTransfer, 'id', (t) => t.phase !== 'forwarded'),
    notFound: { code: ErrorCodes.transferNotFound, message: 'No such transfer was sent to your office.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ) {
    return this.queries.execute(new GetIncomingTransferQuery(officer, id, access));
  }

  @Post(':transferId/receipt')
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign the receipt (回执) at once (transfer.receipt); starts transfer.filing-review (3 days)',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: CONFLICT })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  receipt(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: SignReceiptRequest,
  ) {
    return this.commands.execute(new SignReceiptCommand(o, id, body));
  }

  @Post(':transferId/forward')
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Not competent: forward to the competent office or return (transfer.forward-or-return, 24 h)',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: `${CONFLICT}, TRANSFER.ALREADY_THERE (the target already received it)` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiBadRequestResponse({ description: 'TRANSFER.FORWARD_TO_SELF — the target is your own office' })
  forward(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: ForwardRequest,
  ) {
    return this.commands.execute(new ForwardCommand(o, id, body));
  }

  @Post(':transferId/materials-request')
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({
    summary: 'Notify missing materials (transfer.materials-notice, 24 h); the case may not be refused for this',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: CONFLICT })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  materials(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: RequestMaterialsRequest,
  ) {
    return this.commands.execute(new RequestMaterialsCommand(o, id, body));
  }

  @Post(':transferId/review-extension')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Extend the filing review: 7 days (verification) or 30 days (major-complex, head’s approval)',
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: `TRANSFER.APPROVAL_REQUIRED; ${ACT_NOT_ALLOWED}` })
  @ApiConflictResponse({ description: `${CONFLICT}, TRANSFER.EXTENSION_NOT_LONGER` })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  extend(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: ExtendReviewRequest,
  ) {
    return this.commands.execute(new ExtendReviewCommand(o, id, body));
  }

  @Post(':transferId/decision')
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Decide: filed / not-filed / returned-for-penalty (transfer.filing-review, transfer.decision-notice); with supervisionId after a notice to file',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: CONFLICT })
  @ApiNotFoundResponse({
    description: `${NOT_FOUND}; SUPERVISION.NOT_FOUND — supervisionId is not a filing supervision of this transfer for your office`,
  })
  @ApiBadRequestResponse({ description: 'SUPERVISION.MUST_FILE — after a notice to file the only outcome is filed' })
  decide(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: DecideFilingRequest,
  ) {
    return this.commands.execute(new DecideFilingCommand(o, id, body));
  }

  @Post(':transferId/reconsideration-decision')
  @ApiForbiddenResponse({ description: ACT_NOT_ALLOWED })
  @HttpCode(204)
  @ApiOperation({ summary: 'Decide on reconsideration (transfer.reconsideration-decision, 3 working days)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: CONFLICT })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  reconsider(
    @CurrentOfficer() o: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) id: string,
    @Body() body: DecideReconsiderationRequest,
  ) {
    return this.commands.execute(new DecideReconsiderationCommand(o, id, body));
  }
}

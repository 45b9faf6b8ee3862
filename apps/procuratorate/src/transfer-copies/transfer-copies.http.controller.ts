import { ErrorCodes } from '@casebridge/contracts';
import { CaseAccessOf, lookupBy, OwnOrGranted, type CaseAccessContext } from '@casebridge/sharing';
import { TransferCopy } from './transfer-copy.entity';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { GetTransferCopyQuery } from './queries/get-transfer-copy/get-transfer-copy.query';
import { TransferCopyResponse } from './queries/get-transfer-copy/get-transfer-copy.response.dto';
import { ListTransferCopiesQuery } from './queries/list-transfer-copies/list-transfer-copies.query';
import { ListTransferCopiesRequest } from './queries/list-transfer-copies/list-transfer-copies.request.dto';

@ApiTags('transfer-copies')
@Roles('officer', 'head') // officers act, the head may too; supervisors and auditors use their own apps
@Controller('transfer-copies')
export class TransferCopiesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Copies of transfers your agency received (transfer.copy-to-procuratorate), newest first; filter by status or pending supervision request',
  })
  @ApiOkResponse({
    description: 'The copies, each with its police-side status and timeline',
    type: [TransferCopyResponse],
  })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED — unknown status' })
  list(@CurrentOfficer() officer: OfficerClaims, @Query() filter: ListTransferCopiesRequest) {
    return this.queries.execute(new ListTransferCopiesQuery(officer, filter));
  }

  @Get(':transferId')
  @ApiOperation({
    summary: 'One transfer copy: parties, facts, materials, police decisions, pending supervision request, timeline',
  })
  @ApiOkResponse({ type: TransferCopyResponse })
  @ApiNotFoundResponse({ description: 'TRANSFER.NOT_FOUND — no copy of this transfer in your agency' })
  @OwnOrGranted({
    param: 'transferId',
    lookup: lookupBy(TransferCopy, 'transferId'),
    notFound: { code: ErrorCodes.transferNotFound, message: 'No copy of this transfer in your agency.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('transferId', new ParseUUIDPipe()) transferId: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ) {
    return this.queries.execute(new GetTransferCopyQuery(officer, transferId, access));
  }
}

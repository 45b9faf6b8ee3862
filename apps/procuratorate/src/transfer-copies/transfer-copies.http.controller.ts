import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { listOf } from '@casebridge/platform';
import {
  GetTransferCopyQuery,
  ListTransferCopiesQuery,
  ListTransferCopiesRequest,
  TRANSFER_COPY_SCHEMA,
} from './queries/transfer-copy-queries';

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
    schema: listOf(TRANSFER_COPY_SCHEMA),
  })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED — unknown status' })
  list(@CurrentOfficer() officer: OfficerClaims, @Query() filter: ListTransferCopiesRequest) {
    return this.queries.execute(new ListTransferCopiesQuery(officer, filter));
  }

  @Get(':transferId')
  @ApiOperation({
    summary: 'One transfer copy: parties, facts, materials, police decisions, pending supervision request, timeline',
  })
  @ApiOkResponse({ schema: TRANSFER_COPY_SCHEMA })
  @ApiNotFoundResponse({ description: 'TRANSFER.NOT_FOUND — no copy of this transfer in your agency' })
  get(@CurrentOfficer() officer: OfficerClaims, @Param('transferId', new ParseUUIDPipe()) transferId: string) {
    return this.queries.execute(new GetTransferCopyQuery(officer, transferId));
  }
}

import { Body, Controller, Get, Post } from '@nestjs/common';
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
import { IssueTransferOpinionCommand, TransferOpinionRequest } from './commands/issue-transfer-opinion';
import { idsSchema } from '@casebridge/platform';
import { ListTransferOpinionsQuery } from './queries/list-transfer-opinions/list-transfer-opinions.query';
import { TransferOpinionResponse } from './queries/list-transfer-opinions/list-transfer-opinions.response.dto';

@ApiTags('transfer-opinions')
@Roles('officer', 'head') // officers act, the head may too; supervisors and auditors use their own apps
@Controller('transfer-opinions')
export class TransferOpinionsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Procuratorial opinion (检察意见) telling an enforcement agency to transfer a case (E17 art 14); starts transfer.after-procuratorate-opinion (3 days)',
  })
  @ApiCreatedResponse({
    schema: idsSchema('transferId'),
    description: 'the transfer id the enforcement agency will use',
  })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED' })
  @ApiConflictResponse({ description: 'OPINION.ALREADY_ISSUED or OPINION.CASE_ALREADY_TRANSFERRED' })
  @ApiNotFoundResponse({
    description:
      'AGENCY.OUTSIDE_JURISDICTION — the enforcement agency is not within your jurisdiction (your region or the jurisdiction map); OPINION.CASE_NOT_FOUND — no case with this caseId and linkedCaseId of that agency is known to your office (a suspected crime it reported, transfer.crime-suspected, or a transfer copy); nothing is recorded',
  })
  issue(@CurrentOfficer() officer: OfficerClaims, @Body() body: TransferOpinionRequest) {
    return this.commands.execute(new IssueTransferOpinionCommand(officer, body));
  }

  @Get()
  @ApiOperation({ summary: 'Opinions your agency issued, newest first, with when the transfer followed' })
  @ApiOkResponse({ type: [TransferOpinionResponse] })
  list(@CurrentOfficer() officer: OfficerClaims) {
    return this.queries.execute(new ListTransferOpinionsQuery(officer));
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { ErrorCodes } from '@casebridge/contracts';
import { CaseAccessOf, lookupBy, OwnOrGranted, type CaseAccessContext } from '@casebridge/sharing';
import { SupervisionMatter } from './supervision-matter.entity';
import { GetSupervisionMatterQuery } from './queries/get-supervision-matter/get-supervision-matter.query';
import { SupervisionMatterResponse } from './queries/get-supervision-matter/get-supervision-matter.response.dto';
import { ListSupervisionMattersQuery } from './queries/list-supervision-matters/list-supervision-matters.query';
import { ExplainRequest } from './commands/explain/explain.request.dto';
import { ExplainCommand } from './commands/explain/explain.command';

@ApiTags('filing supervision')
@Roles('officer', 'head') // officers act, the head may too; supervisors and auditors use their own apps
@Controller('supervisions')
export class SupervisionHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Filing supervisions of the procuratorate concerning your office' })
  @ApiOkResponse({ type: [SupervisionMatterResponse] })
  list(@CurrentOfficer() officer: OfficerClaims) {
    return this.queries.execute(new ListSupervisionMattersQuery(officer));
  }

  @Get(':supervisionId')
  @ApiOperation({
    summary:
      'One filing supervision with its timeline (an office it was shared with: the redacted view, SUPERVISION_MATTER_REDACTED)',
  })
  @ApiOkResponse({ type: SupervisionMatterResponse })
  @ApiNotFoundResponse({ description: 'SUPERVISION.NOT_FOUND' })
  @OwnOrGranted({
    param: 'supervisionId',
    lookup: lookupBy(SupervisionMatter, 'id'),
    notFound: { code: ErrorCodes.supervisionNotFound, message: 'No such filing supervision concerns your office.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('supervisionId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ) {
    return this.queries.execute(new GetSupervisionMatterQuery(officer, id, access));
  }

  @Post(':supervisionId/explanation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Explain the non-filing to the procuratorate (supervision.police-explain, 7 days)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'SUPERVISION.OUT_OF_ORDER or TRANSFER.ALREADY_DONE' })
  @ApiNotFoundResponse({ description: 'SUPERVISION.NOT_FOUND' })
  explain(
    @CurrentOfficer() o: OfficerClaims,
    @Param('supervisionId', new ParseUUIDPipe()) id: string,
    @Body() body: ExplainRequest,
  ) {
    return this.commands.execute(new ExplainCommand(o, id, body));
  }
}

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
import { listOf } from '@casebridge/platform';
import { AgencyActionRequest, RecordAgencyActionCommand } from './commands/record-action/record-action';
import { AgencyReplyRequest, ReplyToRecommendationCommand } from './commands/reply/reply';
import {
  GetRecommendationQuery,
  ListRecommendationsQuery,
  PIL_RECOMMENDATION_VIEW_SCHEMA,
} from './queries/recommendation-queries';

const NOT_FOUND = 'PIL.NOT_FOUND — no recommendation of that case was served on your agency';
const OUT_OF_ORDER = 'PIL.OUT_OF_ORDER, PIL.ALREADY_DONE (replied already) or CASE.CLOSED';

@ApiTags('pil-recommendations')
@Roles('officer', 'head')
@Controller('pil-recommendations')
export class PilRecommendationsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Procuratorial recommendations served on your agency (respondent of administrative PIL)' })
  @ApiOkResponse({ schema: listOf(PIL_RECOMMENDATION_VIEW_SCHEMA) })
  list(@CurrentOfficer() officer: OfficerClaims) {
    return this.queries.execute(new ListRecommendationsQuery(officer));
  }

  @Get(':pilCaseId')
  @ApiOperation({
    summary: 'One recommendation served on your agency: phase, reply due, actions, the procuratorate’s decision',
  })
  @ApiOkResponse({ schema: PIL_RECOMMENDATION_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentOfficer() officer: OfficerClaims, @Param('pilCaseId', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetRecommendationQuery(officer, id));
  }

  @Post(':pilCaseId/actions')
  @HttpCode(204)
  @ApiOperation({ summary: 'Record an act taken on the recommendation (pil.agency-reply keeps running)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  action(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: AgencyActionRequest,
  ) {
    return this.commands.execute(new RecordAgencyActionCommand(o, id, body));
  }

  @Post(':pilCaseId/reply')
  @HttpCode(204)
  @ApiOperation({ summary: 'Reply in writing to the recommendation (pil.agency-reply: 2 months, 15 days urgent)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  reply(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: AgencyReplyRequest,
  ) {
    return this.commands.execute(new ReplyToRecommendationCommand(o, id, body));
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { actRoute, listOf } from '@casebridge/platform';
import { ErrorCodes } from '@casebridge/contracts';
import { CaseAccessOf, lookupOwnedBy, OwnOrGranted, type CaseAccessContext } from '@casebridge/sharing';
import { PilRecommendation } from './pil-recommendation.entity';
import { AgencyActionRequest, RecordAgencyActionCommand } from './commands/record-action/record-action';
import { AgencyReplyRequest, ReplyToRecommendationCommand } from './commands/reply/reply';
import {
  GetRecommendationQuery,
  ListRecommendationsQuery,
  PIL_RECOMMENDATION_VIEW_SCHEMA,
} from './queries/recommendation-queries';

const NOT_FOUND = 'PIL.NOT_FOUND — no recommendation of that case was served on your agency';
const OUT_OF_ORDER = 'PIL.OUT_OF_ORDER, PIL.ALREADY_DONE (replied already) or CASE.CLOSED';
const RecommendationAct = actRoute('pilCaseId', { conflict: OUT_OF_ORDER, notFound: NOT_FOUND });

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
  @OwnOrGranted({
    param: 'pilCaseId',
    lookup: lookupOwnedBy(PilRecommendation, 'pilCaseId', 'agencyId'),
    notFound: { code: ErrorCodes.pilNotFound, message: 'No recommendation of that case was served on your agency.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ) {
    return this.queries.execute(new GetRecommendationQuery(officer, id, access));
  }

  @RecommendationAct('actions', 'Record an act taken on the recommendation (pil.agency-reply keeps running)')
  action(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: AgencyActionRequest,
  ) {
    return this.commands.execute(new RecordAgencyActionCommand(o, id, body));
  }

  @RecommendationAct('reply', 'Reply in writing to the recommendation (pil.agency-reply: 2 months, 15 days urgent)')
  reply(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: AgencyReplyRequest,
  ) {
    return this.commands.execute(new ReplyToRecommendationCommand(o, id, body));
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
import { PilCase } from './pil-case.entity';
import { AnnouncementRequest, PublishAnnouncementCommand } from './commands/announce/publish-announcement';
import {
  ClosingDecisionRequest,
  ClosingServiceRequest,
  DecideClosingCommand,
  ServeClosingDecisionCommand,
} from './commands/close-case/close-case';
import { InvestigationRequest, RecordInvestigationCommand } from './commands/investigate/record-investigation';
import { holdsPilCase, OpenPilCaseCommand, OpenPilCaseRequest } from './commands/open-case/open-case';
import {
  OrganisationRequest,
  RecordOrganisationCommand,
  SupportSuitCommand,
} from './commands/organisations/organisations';
import {
  FileRecommendationCommand,
  IssueRecommendationCommand,
  RecommendationFilingRequest,
  RecommendationRequest,
} from './commands/recommend/recommendation';
import { CourtRequest, SuePilCommand } from './commands/sue/sue';
import {
  GetPilCaseQuery,
  ListPilCasesQuery,
  ListPilCasesRequest,
  PIL_CASE_VIEW_SCHEMA,
} from './queries/pil-case-queries';

const OUT_OF_ORDER = 'PIL.OUT_OF_ORDER (wrong phase), PIL.ALREADY_DONE (acting twice) or CASE.CLOSED';
const NOT_FOUND = 'PIL.NOT_FOUND — no such public-interest case in your agency';
const PilAct = actRoute('pilCaseId', { conflict: OUT_OF_ORDER, notFound: NOT_FOUND });
type Id = string;

@ApiTags('pil-cases')
@Roles('officer', 'head') // officers act; deciding to sue, to close or to support a suit is a head's (@Roles('head'))
@Controller('pil-cases')
export class PilCasesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Open a public-interest litigation case (公益诉讼): administrative (against an agency that failed its duty) or civil',
  })
  @ApiCreatedResponse({ schema: idsSchema('pilCaseId') })
  @ApiBadRequestResponse({ description: 'PIL.RESPONDENT_REQUIRED or REQUEST.VALIDATION_FAILED' })
  @ApiNotFoundResponse({
    description: `AGENCY.OUTSIDE_JURISDICTION — the respondent is outside your jurisdiction; ${'CASE.LINKED_CASE_UNKNOWN — a linked case your office neither holds nor was granted'}`,
  })
  @MayLinkCase('linkedCaseId', { holds: holdsPilCase })
  open(@CurrentOfficer() officer: OfficerClaims, @Body() body: OpenPilCaseRequest) {
    return this.commands.execute(new OpenPilCaseCommand(officer, body));
  }

  @Get()
  @ApiOperation({
    summary: 'Your agency’s public-interest cases, newest first (the flow’s view, timeline, what comes next)',
  })
  @ApiOkResponse({ schema: listOf(PIL_CASE_VIEW_SCHEMA) })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED — unknown kind' })
  list(@CurrentOfficer() officer: OfficerClaims, @Query() filter: ListPilCasesRequest) {
    return this.queries.execute(new ListPilCasesQuery(officer, filter));
  }

  @Get(':pilCaseId')
  @ApiOperation({
    summary:
      'One public-interest case of your agency (an office it was shared with: the redacted view, PIL_CASE_REDACTED)',
  })
  @ApiOkResponse({ schema: PIL_CASE_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @OwnOrGranted({
    param: 'pilCaseId',
    lookup: lookupOwnedBy(PilCase, 'pilCaseId', 'procuratorateAgencyId'),
    notFound: { code: ErrorCodes.pilNotFound, message: 'No such public-interest case in your agency.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: Id,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ) {
    return this.queries.execute(new GetPilCaseQuery(officer, id, access));
  }

  @PilAct('investigation', 'Record the findings of the investigation (调查核实)')
  investigation(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: Id,
    @Body() body: InvestigationRequest,
  ) {
    return this.commands.execute(new RecordInvestigationCommand(o, id, body));
  }

  @PilAct(
    'recommendation',
    'Serve the pre-litigation recommendation on the agency: pil.agency-reply (2 months, 15 days urgent) and pil.recommendation-filing (5 days) start',
  )
  recommendation(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: Id,
    @Body() body: RecommendationRequest,
  ) {
    return this.commands.execute(new IssueRecommendationCommand(o, id, body));
  }

  @PilAct(
    'recommendation-filing',
    'File the recommendation with the next-level procuratorate (pil.recommendation-filing)',
    { invalid: 'PIL.NOT_THE_NEXT_LEVEL — the procuratorate named is not above yours' },
  )
  recommendationFiling(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: Id,
    @Body() body: RecommendationFilingRequest,
  ) {
    return this.commands.execute(new FileRecommendationCommand(o, id, body));
  }

  @Roles('head')
  @PilAct(
    'closing-decision',
    'Head: decide not to sue after the reply or its end (pil.admin-suit-decision); the closing decision is owed within 7 days',
  )
  closingDecision(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: Id,
    @Body() body: ClosingDecisionRequest,
  ) {
    return this.commands.execute(new DecideClosingCommand(o, id, body));
  }

  @PilAct('closing-decision-service', 'Serve the closing decision on the agency: the case is closed')
  closingService(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: Id,
    @Body() body: ClosingServiceRequest,
  ) {
    return this.commands.execute(new ServeClosingDecisionCommand(o, id, body));
  }

  @PilAct('announcement', 'Civil PIL: publish the pre-suit announcement (pil.civil-announcement, 30 days)')
  announcement(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: Id,
    @Body() body: AnnouncementRequest,
  ) {
    return this.commands.execute(new PublishAnnouncementCommand(o, id, body));
  }

  @Post(':pilCaseId/organisations')
  @ApiOperation({
    summary:
      'Civil PIL: record an organisation that came forward with its eligibility facts (EPL art 58); answers whether it is eligible and, if not, why',
  })
  @ApiCreatedResponse({
    schema: {
      type: 'object',
      properties: { eligible: { type: 'boolean' }, reasons: { type: 'array', items: { type: 'string' } } },
      example: {
        eligible: false,
        reasons: [
          'it has 3 consecutive year(s) of environmental public-interest work; the law asks for at least 5 (EPL art 58(2))',
        ],
      },
    },
  })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED — e.g. a wrong unified social credit code' })
  @ApiConflictResponse({ description: OUT_OF_ORDER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  organisation(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: Id,
    @Body() body: OrganisationRequest,
  ) {
    return this.commands.execute(new RecordOrganisationCommand(o, id, body));
  }

  @Roles('head')
  @PilAct('suit-support', 'Head: support the eligible organisation’s suit (pil.civil-suit-decision); closes the case', {
    notFound: 'AGENCY.OUTSIDE_JURISDICTION — the court',
  })
  support(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: Id,
    @Body() body: CourtRequest,
  ) {
    return this.commands.execute(new SupportSuitCommand(o, id, body));
  }

  @Roles('head')
  @PilAct(
    'suit',
    'Head: bring the public-interest suit (pil.admin-suit-decision / pil.civil-suit-decision); pil.suit-filed names the court',
    { conflicts: 'PIL.WAITING_FOR_CONSULTATION', notFound: 'AGENCY.OUTSIDE_JURISDICTION — the court' },
  )
  suit(
    @CurrentOfficer() o: OfficerClaims,
    @Param('pilCaseId', new ParseUUIDPipe()) id: Id,
    @Body() body: CourtRequest,
  ) {
    return this.commands.execute(new SuePilCommand(o, id, body));
  }
}

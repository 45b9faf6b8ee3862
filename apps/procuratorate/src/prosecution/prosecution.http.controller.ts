import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { ErrorCodes } from '@casebridge/contracts';
import { actRoute } from '@casebridge/platform';
import {
  CaseAccessOf,
  ensureOwnOrGranted,
  grantedRead,
  lookupBy,
  OwnOrGranted,
  type CaseAccessContext,
} from '@casebridge/sharing';
import { DecideProsecutionCommand } from './commands/decide/decide.command';
import { DECIDE_PROSECUTION_EXAMPLES, DecideProsecutionRequest } from './commands/decide/decide.request';
import { ExtendProsecutionReviewCommand } from './commands/extend-review/extend-review.command';
import { ExtendProsecutionReviewRequest } from './commands/extend-review/extend-review.request';
import { NotifyEnforcementCommand } from './commands/notify-enforcement/notify-enforcement.command';
import { NotifyEnforcementRequest } from './commands/notify-enforcement/notify-enforcement.request';
import { ReturnForInvestigationCommand } from './commands/return-for-investigation/return-for-investigation.command';
import { ReturnForInvestigationRequest } from './commands/return-for-investigation/return-for-investigation.request';
import { PROSECUTION_NOT_FOUND } from './prosecution-unit-of-work';
import { ProsecutionReview } from './prosecution-review.entity';
import {
  PROSECUTION_REVIEW_REDACTED,
  ProsecutionReviewResponse,
  ReturnedResponse,
} from './responses/prosecution.response';

const CONFLICT = 'PROSECUTION.OUT_OF_ORDER (wrong phase), PROSECUTION.ALREADY_DONE (acting twice) or CASE.CLOSED';
const NOT_FOUND = 'PROSECUTION.NOT_FOUND — not transferred to your procuratorate';
const ProsecutionAct = actRoute('prosecutionId', { conflict: CONFLICT, notFound: NOT_FOUND });

@ApiTags('prosecutions')
@Roles('officer', 'head')
@Controller('prosecutions')
export class ProsecutionHttpController {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Cases transferred to your procuratorate for prosecution, newest first' })
  @ApiOkResponse({ type: [ProsecutionReviewResponse] })
  async list(@CurrentOfficer() officer: OfficerClaims): Promise<ProsecutionReviewResponse[]> {
    const rows = await this.ds.getRepository(ProsecutionReview).find({
      where: { agencyId: officer.agencyId },
      order: { receivedAt: 'DESC' },
      take: 200,
    });
    return rows.map((p) => ProsecutionReviewResponse.of(p));
  }

  @Get(':prosecutionId')
  @ApiOperation({
    summary:
      'One prosecution with its case file, rounds, decision and timeline (an office it was shared with: the redacted view, PROSECUTION_REVIEW_REDACTED)',
  })
  @ApiOkResponse({ type: ProsecutionReviewResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @OwnOrGranted({
    param: 'prosecutionId',
    lookup: lookupBy(ProsecutionReview, 'id'),
    notFound: { code: ErrorCodes.prosecutionNotFound, message: 'No such prosecution at your procuratorate.' },
  })
  async get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('prosecutionId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ): Promise<ProsecutionReviewResponse> {
    const p = ensureOwnOrGranted(
      await this.ds.getRepository(ProsecutionReview).findOneBy({ id }),
      officer,
      access,
      PROSECUTION_NOT_FOUND(id),
    );
    return grantedRead(ProsecutionReviewResponse.of(p), access, PROSECUTION_REVIEW_REDACTED);
  }

  @Roles('head')
  @ProsecutionAct(
    'review-extension',
    'Major or complex case: extend prosecution.review by 15 days (a head; reason recorded)',
  )
  extend(
    @CurrentOfficer() o: OfficerClaims,
    @Param('prosecutionId', new ParseUUIDPipe()) id: string,
    @Body() body: ExtendProsecutionReviewRequest,
  ) {
    return this.commands.execute(new ExtendProsecutionReviewCommand(o, id, body));
  }

  @Post(':prosecutionId/return')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Return for supplementary investigation (prosecution.supplementary-investigation, 1 month; at most 2 rounds)',
  })
  @ApiOkResponse({ type: ReturnedResponse })
  @ApiConflictResponse({
    description: `${CONFLICT}; PROSECUTION.SUPPLEMENTARY_ROUNDS_EXHAUSTED — a third return is refused (CPL art 175)`,
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  returnForInvestigation(
    @CurrentOfficer() o: OfficerClaims,
    @Param('prosecutionId', new ParseUUIDPipe()) id: string,
    @Body() body: ReturnForInvestigationRequest,
  ): Promise<ReturnedResponse> {
    return this.commands.execute(new ReturnForInvestigationCommand(o, id, body));
  }

  @ProsecutionAct(
    'decision',
    'Indict (naming the court; default the court of your region) or decide not to prosecute (prosecution.review)',
  )
  @ApiBody({ type: DecideProsecutionRequest, examples: DECIDE_PROSECUTION_EXAMPLES })
  @ApiBadRequestResponse({
    description: 'PROSECUTION.FIELD_NOT_FOR_OUTCOME — a court or an opinion with the wrong outcome',
  })
  @ApiConflictResponse({ description: CONFLICT })
  @ApiNotFoundResponse({ description: `${NOT_FOUND}; AGENCY.OUTSIDE_JURISDICTION — the court named` })
  decide(
    @CurrentOfficer() o: OfficerClaims,
    @Param('prosecutionId', new ParseUUIDPipe()) id: string,
    @Body() body: DecideProsecutionRequest,
  ) {
    return this.commands.execute(new DecideProsecutionCommand(o, id, body));
  }

  @ProsecutionAct(
    'enforcement-notice',
    'Notify the enforcement agency of the non-prosecution, optionally with a 检察意见 proposing a penalty (prosecution.nonprosecution-notice, 3 days)',
  )
  @ApiConflictResponse({
    description: `${CONFLICT}; PROSECUTION.NO_ENFORCEMENT_AGENCY — the case did not come from an enforcement agency`,
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  notify(
    @CurrentOfficer() o: OfficerClaims,
    @Param('prosecutionId', new ParseUUIDPipe()) id: string,
    @Body() body: NotifyEnforcementRequest,
  ) {
    return this.commands.execute(new NotifyEnforcementCommand(o, id, body));
  }
}

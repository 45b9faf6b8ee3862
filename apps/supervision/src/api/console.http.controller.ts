import { Body, Controller, Get, HttpCode, MessageEvent, Param, ParseUUIDPipe, Post, Query, Sse } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { CurrentOfficer, Roles, type OfficerClaims } from '@casebridge/auth';
import {
  EscalateStepCommand,
  JointListCaseCommand,
  PressStepCommand,
  RecordJointMeetingCommand,
  type ActionResult,
} from '../actions/actions';
import { LiveUpdates } from '../live/live-updates';
import { ConsoleQueries } from './console.queries';
import {
  EscalateRequest,
  JointListRequest,
  JointMeetingRequest,
  ListStepsQuery,
  PressRequest,
  ReconciliationQuery,
  StepIdPipe,
} from './dto';
import {
  CaseViewSchema,
  CountsSchema,
  EscalateResultSchema,
  EventStreamSchema,
  JointListResultSchema,
  JointMeetingResultSchema,
  PressResultSchema,
  ReconciliationSchema,
  RulesSchema,
  ScopeSchema,
} from './response-schemas';
import { StepDetailView, StepPage, TimelineView } from './views';

const AUTH = 'AUTH.UNAUTHORIZED — no or invalid bearer token';
const ROLE = 'AUTH.ROLE_NOT_ALLOWED — the token has no supervisor role';
const PRESS_SCOPE =
  'STEP.OUTSIDE_SUPERVISORY_SCOPE — the owing agency is outside your region, or of a kind your office does not supervise ' +
  '(a procuratorate supervisor presses every kind; enforcement, police and court supervisors their own kind only)';
const STEP_ID = {
  name: 'stepId',
  example: '0190f7a2-5b0e-7c4a-9b3e-1f2a3b4c5d6e%2Ftransfer.receipt',
  description:
    "`<subjectId>/<ruleId>[@<key>][#<round>]`, URL-encoded (the slash as %2F, `#` as %23, `@` as %40): `@<key>` names one of several steps of a rule (one per recipient, question or decision), `#<round>` a later round (a forwarded transfer's receipt: `#2`)",
};
const ACTION_EXAMPLE = {
  eventId: '0190f7b3-9a1c-7d2e-8f40-2b3c4d5e6f70',
  type: 'supervision.pressed',
  linkedCaseId: '0190f7a2-1111-7c4a-9b3e-1f2a3b4c5d6e',
  stepId: '0190f7a2-5b0e-7c4a-9b3e-1f2a3b4c5d6e/transfer.receipt',
  owingAgencyId: 'police:210100',
};

@ApiTags('supervision')
@ApiExtraModels(StepDetailView, TimelineView)
@Roles('supervisor')
@ApiUnauthorizedResponse({ description: AUTH })
@ApiForbiddenResponse({ description: ROLE })
@Controller()
export class ConsoleHttpController {
  constructor(
    private readonly queries: ConsoleQueries,
    private readonly commands: CommandBus,
    private readonly live: LiveUpdates,
  ) {}

  @Get('scope')
  @ApiOperation({ summary: 'What your token lets you see: your region, its level and the matching rule' })
  @ApiOkResponse({
    schema: {
      ...ScopeSchema,
      example: {
        agencyId: 'procuratorate:210100',
        agencyName: { zh: '沈阳市人民检察院', en: "Shenyang Municipal People's Procuratorate" },
        region: '210100',
        level: 'city',
        scopeKey: '2101',
        rule: 'a step is visible when its owing agency’s region OR its case’s origin region lies within your region',
      },
    },
  })
  scope(@CurrentOfficer() o: OfficerClaims) {
    return this.queries.scope(o);
  }

  @Get('rules')
  @ApiOperation({ summary: 'The rule book (rule ids of deadlines.md with title, period and legal basis), for filters' })
  @ApiOkResponse({
    schema: {
      ...RulesSchema,
      example: [
        {
          id: 'transfer.receipt',
          title: 'Police sign the receipt (回执) of the transfer',
          titles: { zh: '公安机关在移送书回执上签字', en: 'Police sign the receipt of the transfer' },
          section: 'transfer',
          basisText: 'R310 art 7; E17 art 7',
          periodText: 'immediately (sign 回执) — policy default 24 hours',
        },
      ],
    },
  })
  rules() {
    return this.queries.rules();
  }

  @Get('steps')
  @ApiOperation({
    summary: 'Open (or closed) statutory steps in your region, filtered, sorted and paged',
    description:
      'Example: `/steps?kind=police&ruleId=transfer.receipt&status=overdue&sort=dueAt&page=1&pageSize=50`. ' +
      'status is the row colour (on-time | warning | overdue | stuck | closed); stuck=true selects stuck in the broad sense ' +
      '(overdue, no receipt, idle past the p95 of its rule).',
  })
  @ApiOkResponse({ type: StepPage })
  @ApiBadRequestResponse({
    description: 'REQUEST.VALIDATION_FAILED — e.g. status must be among on-time, warning, overdue, stuck, closed',
  })
  list(@CurrentOfficer() o: OfficerClaims, @Query() q: ListStepsQuery): Promise<StepPage> {
    return this.queries.steps(o, {
      agency: q.agency,
      kind: q.kind,
      region: q.region,
      ruleId: q.ruleId,
      statuses: q.status,
      stuck: q.stuck,
      overdueByDays: q.overdueByDays,
      waitingOnReceipt: q.waitingOnReceipt,
      linkedCaseId: q.linkedCaseId,
      state: q.state,
      sort: q.sort,
      page: q.page,
      pageSize: q.pageSize,
    });
  }

  @Get('steps/counts')
  @ApiOperation({ summary: 'Open steps per owing agency and status (your region); totals for the overview' })
  @ApiOkResponse({
    schema: {
      ...CountsSchema,
      example: {
        totals: { 'on-time': 12, warning: 3, overdue: 4, stuck: 1, stuckAny: 6, open: 20 },
        byAgency: [
          {
            owingAgencyId: 'police:210100',
            owingAgencyName: { zh: '沈阳市公安局', en: 'Shenyang Municipal Public Security Bureau' },
            owingKind: 'police',
            owingRegion: '210100',
            counts: { 'on-time': 5, warning: 1, overdue: 3, stuck: 1, closed: 0 },
            stuck: 5,
            total: 10,
          },
        ],
      },
    },
  })
  counts(@CurrentOfficer() o: OfficerClaims) {
    return this.queries.counts(o);
  }

  @Get('steps/:stepId')
  @ApiOperation({ summary: 'One step with its due-date explanation (legal basis, counting trace)' })
  @ApiParam(STEP_ID)
  @ApiOkResponse({ type: StepDetailView })
  @ApiNotFoundResponse({ description: 'STEP.NOT_FOUND — no such step in your region' })
  step(@CurrentOfficer() o: OfficerClaims, @Param('stepId', new StepIdPipe()) stepId: string): Promise<StepDetailView> {
    return this.queries.step(o, stepId);
  }

  @Post('steps/:stepId/press')
  @HttpCode(201)
  @ApiOperation({ summary: 'Press (催办) the owing agency of an open step: supervision.pressed reaches its inbox' })
  @ApiParam(STEP_ID)
  @ApiCreatedResponse({ schema: { ...PressResultSchema, example: ACTION_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'STEP.NOT_FOUND' })
  @ApiConflictResponse({
    description:
      'STEP.CLOSED (nothing to press), STEP.PRESSED_RECENTLY (within the cool-down), STEP.NOT_PRESSABLE (owed by a party — the defendant, an eligible organisation —, not by an agency; or the owing party has no inbox)',
  })
  @ApiForbiddenResponse({ description: PRESS_SCOPE })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED — message must not be empty' })
  press(
    @CurrentOfficer() o: OfficerClaims,
    @Param('stepId', new StepIdPipe()) stepId: string,
    @Body() body: PressRequest,
  ): Promise<ActionResult> {
    return this.commands.execute(new PressStepCommand(o, stepId, body));
  }

  @Post('steps/:stepId/escalate')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Escalate an open step to a superior office of its owing office (supervision.escalated): it appears in that office's inbox and on the owing office's item",
  })
  @ApiParam(STEP_ID)
  @ApiCreatedResponse({
    schema: {
      ...EscalateResultSchema,
      example: { ...ACTION_EXAMPLE, type: 'supervision.escalated', toLevel: 'police:210000', owingAgencyId: undefined },
    },
  })
  @ApiNotFoundResponse({ description: 'STEP.NOT_FOUND' })
  @ApiConflictResponse({
    description:
      'STEP.CLOSED, STEP.ALREADY_ESCALATED (this step already reached that level or a higher one; details.allowedTargets), STEP.NOT_ESCALATABLE (the owing office has no superior, or a party owes the step)',
  })
  @ApiBadRequestResponse({
    description:
      'STEP.ESCALATION_TARGET_INVALID — toLevel is not a superior office of the owing office (same kind, a division above it); details.allowedTargets',
  })
  @ApiForbiddenResponse({ description: PRESS_SCOPE })
  escalate(
    @CurrentOfficer() o: OfficerClaims,
    @Param('stepId', new StepIdPipe()) stepId: string,
    @Body() body: EscalateRequest,
  ): Promise<ActionResult> {
    return this.commands.execute(new EscalateStepCommand(o, stepId, body));
  }

  @Get('cases/:linkedCaseId')
  @ApiOperation({
    summary: 'A linked case: its steps (open and recently closed, with explanations) and the cross-agency timeline',
  })
  @ApiOkResponse({
    schema: {
      ...CaseViewSchema,
      example: {
        linkedCaseId: '0190f7a2-1111-7c4a-9b3e-1f2a3b4c5d6e',
        caseNumber: '辽沈环罚〔2026〕12号',
        partyName: '沈阳某化工有限公司',
        originAgencyId: 'enforcement:210100',
        originAgencyName: { zh: '沈阳市生态环境局', en: 'Shenyang Municipal Ecology and Environment Bureau' },
        jointListing: null,
        steps: [
          {
            stepId: '…/transfer.receipt',
            ruleId: 'transfer.receipt',
            ruleTitles: { zh: '公安机关在移送书回执上签字', en: 'Police sign the receipt of the transfer' },
            status: 'overdue',
            owingAgencyId: 'police:210100',
            owingAgencyName: { zh: '沈阳市公安局', en: 'Shenyang Municipal Public Security Bureau' },
            explanation: { countingMode: 'hours' },
          },
        ],
        timeline: [
          {
            type: 'transfer.sent',
            producer: 'enforcement:210100',
            producerName: { zh: '沈阳市生态环境局', en: 'Shenyang Municipal Ecology and Environment Bureau' },
            occurredAt: '2026-11-20T02:30:00.000Z',
            summaryZh: '沈阳市生态环境局将案件移送沈阳市公安局，抄送沈阳市人民检察院',
          },
        ],
      },
    },
  })
  @ApiNotFoundResponse({ description: 'CASE.NOT_FOUND — no such case in your region' })
  caseView(@CurrentOfficer() o: OfficerClaims, @Param('linkedCaseId', new ParseUUIDPipe()) id: string) {
    return this.queries.caseView(o, id);
  }

  @Post('cases/:linkedCaseId/joint-listing')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'List a case for joint supervision (联合督办, joint-supervision; E17 arts 29, 31): supervision.joint-listed',
  })
  @ApiCreatedResponse({
    schema: {
      ...JointListResultSchema,
      example: { ...ACTION_EXAMPLE, type: 'supervision.joint-listed', stepId: undefined, owingAgencyId: undefined },
    },
  })
  @ApiNotFoundResponse({ description: 'CASE.NOT_FOUND' })
  @ApiConflictResponse({ description: 'CASE.ALREADY_JOINT_LISTED' })
  @ApiBadRequestResponse({
    description: 'CASE.JOINT_AGENCY_OUTSIDE_SCOPE — a participant is no agency of your region',
  })
  jointList(
    @CurrentOfficer() o: OfficerClaims,
    @Param('linkedCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: JointListRequest,
  ): Promise<ActionResult> {
    return this.commands.execute(new JointListCaseCommand(o, id, body));
  }

  @Post('cases/:linkedCaseId/joint-meetings')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Record the joint meeting (联席会议) of the current review round: minutes and decisions with owners and due dates (supervision.joint-meeting-recorded); the same meeting again answers the recorded one and opens no round',
  })
  @ApiCreatedResponse({
    schema: {
      ...JointMeetingResultSchema,
      example: {
        ...ACTION_EXAMPLE,
        type: 'supervision.joint-meeting-recorded',
        round: 1,
        decisionIds: [] as string[],
        stepId: undefined,
        owingAgencyId: undefined,
      },
    },
  })
  @ApiNotFoundResponse({ description: 'CASE.NOT_FOUND' })
  @ApiConflictResponse({
    description: 'CASE.NOT_JOINT_LISTED; CASE.JOINT_ROUND_NOT_CURRENT — the round named is not the current one',
  })
  @ApiBadRequestResponse({
    description: 'CASE.JOINT_AGENCY_OUTSIDE_SCOPE — a decision owner is no agency of your region',
  })
  jointMeeting(
    @CurrentOfficer() o: OfficerClaims,
    @Param('linkedCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: JointMeetingRequest,
  ): Promise<ActionResult> {
    return this.commands.execute(new RecordJointMeetingCommand(o, id, body));
  }

  @Get('reconciliation')
  @ApiOperation({
    summary: 'What one agency sent that the other never acknowledged or acted on, and orphan events (your region)',
    description:
      'unacknowledged: e.g. transfer.sent without transfer.receipt-signed past transfer.receipt; materials requested, none supplemented; ' +
      'filing supervision requested, never opened. orphans: events referring to something never seen (a police event for a transfer never sent). ' +
      'deadLetters: events a service gave up on (the dead-letter topic; producer within your region) — nothing applied them there, so a clock or a view ' +
      'may miss them until an operator replays them (`npm run dead-letters -- replay --id <id>`); deadLettersError when the topic could not be read.',
  })
  @ApiOkResponse({
    schema: {
      ...ReconciliationSchema,
      example: {
        generatedAt: '2026-11-23T02:00:00.000Z',
        unacknowledged: [
          {
            expectation: 'receipt',
            title: { en: 'transfer sent, no receipt (回执) signed', zh: '已移送，未签回执' },
            ruleId: 'transfer.receipt',
            basis: 'R310 art 7; E17 art 7',
            linkedCaseId: '…',
            subjectId: '…',
            openedBy: 'enforcement:210100',
            owedBy: 'police:210100',
            openedAt: '2026-11-20T02:30:00.000Z',
            dueAt: '2026-11-21T03:00:00.000Z',
            stepMissed: true,
            overdueByHours: 47,
          },
        ],
        orphans: [
          {
            eventId: '…',
            type: 'transfer.receipt-signed',
            producer: 'police:210100',
            occurredAt: '2026-11-22T01:00:00.000Z',
            linkedCaseId: '…',
            refersTo: { kind: 'transfer-sent', id: '…' },
            what: 'transfer … that was never sent',
            whatZh: '未见移送的案件 …',
          },
        ],
        deadLetters: [
          {
            id: '0:12',
            failedAt: '2026-11-22T01:05:00.000Z',
            consumerGroup: 'casebridge-enforcement',
            reason: 'handler-failed',
            detail: 'failed 10 time(s); last error: …',
            eventId: '…',
            type: 'transfer.filing-decided',
            producer: 'police:210100',
            linkedCaseId: '…',
          },
        ],
      },
    },
  })
  reconciliation(@CurrentOfficer() o: OfficerClaims, @Query() q: ReconciliationQuery) {
    return this.queries.reconciliation(o, q.graceSeconds);
  }

  @Sse('events')
  @ApiOperation({
    summary: 'Live updates (Server-Sent Events): a `change` message whenever the projection changes in your region',
    description:
      'Send the bearer token in the Authorization header (the console reads the stream with fetch). Messages: ' +
      '`hello` on connect, `change` {changes: [{kind, type, linkedCaseId, stepIds}]} batched over 300 ms, `ping` every 25 s; ' +
      "at the token's expiry (exp) an `expired` message, then the stream ends: reconnect with a fresh token.",
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    schema: {
      ...EventStreamSchema,
      example:
        'event: change\ndata: {"changes":[{"kind":"event","type":"deadline.missed","linkedCaseId":"…","stepIds":["…/transfer.receipt"]}]}\n\n',
    },
  })
  events(@CurrentOfficer() o: OfficerClaims): Observable<MessageEvent> {
    return this.live.stream(o.region, o.exp ? new Date(o.exp * 1000) : undefined);
  }
}

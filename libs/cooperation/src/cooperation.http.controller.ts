/**
 * The routes of notification, consultation and joint supervision in each agency app. Officers and heads of the
 * app's agency kind call them (@Roles); every read and act is scoped to the agencies that are party to the record
 * (sender and recipients; asking and consulted agency; participants and decision owners): any other office gets
 * 404 and no data.
 */
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentOfficer, Roles, type OfficerClaims } from '@casebridge/auth';
import { IsId, Json } from '@casebridge/platform';
import { IsOptional } from 'class-validator';
import { laggingIn, type JointSupervisionView } from '@casebridge/flows';
import { partyRecord, partyRecords } from './cooperation.records';
import {
  AcknowledgeCommand,
  AcknowledgeRequest,
  NotifyCommand,
  NotifyRequest,
} from './notifications/notification.commands';
import { AskCommand, AskRequest, ReplyCommand, ReplyRequest } from './consultations/consultation.commands';
import {
  DecisionDoneCommand,
  DecisionDoneRequest,
  ReportProgressCommand,
  ReportProgressRequest,
} from './joint-supervision/joint-supervision.commands';

const { string, uuid, instant, integer, boolean, nullable, list, object, anyObject } = Json;
const VIEW = { schema: { ...anyObject, description: 'the flow view (libs/flows), as the parties see it' } };
const LIST = { schema: list(VIEW.schema) };

export class ByCaseQuery {
  @ApiPropertyOptional({ example: '0190f7a2-6c1e-7b3a-9d2b-5a6c7d8e9f01', description: 'only of this linked case' })
  @IsOptional()
  @IsId()
  linkedCaseId?: string;
}

@ApiTags('case notification (案情通报)')
@Roles('officer', 'head')
@Controller('notifications')
export class NotificationsHttpController {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Notify agencies of a case development (notification.case-notified)' })
  @ApiCreatedResponse({ schema: object({ notificationId: uuid, recipients: list(string) }) })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED or NOTIFICATION.RECIPIENT_INVALID' })
  notify(@CurrentOfficer() o: OfficerClaims, @Body() body: NotifyRequest) {
    return this.commands.execute(new NotifyCommand(o, body));
  }

  @Get()
  @ApiOperation({ summary: 'Notifications your office sent or received (newest first, at most 200)' })
  @ApiOkResponse(LIST)
  list(@CurrentOfficer() o: OfficerClaims, @Query() q: ByCaseQuery) {
    return partyRecords(this.ds.manager, 'notification', o.agencyId, q.linkedCaseId);
  }

  @Get(':notificationId')
  @ApiOperation({ summary: 'One notification with each recipient’s acknowledgement' })
  @ApiOkResponse(VIEW)
  @ApiNotFoundResponse({ description: 'NOTIFICATION.NOT_FOUND (also when your office is not party to it)' })
  async get(@CurrentOfficer() o: OfficerClaims, @Param('notificationId', new ParseUUIDPipe()) id: string) {
    return (await partyRecord(this.ds.manager, 'notification', id, o.agencyId)).view;
  }

  @Post(':notificationId/acknowledgement')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Acknowledge a notification (notification.acknowledged); the police may open a preliminary inquiry with it (notification.inquiry-opened)',
  })
  @ApiOkResponse({ schema: object({ acknowledged: boolean, inquiryId: nullable(uuid) }) })
  @ApiConflictResponse({
    description: 'NOTIFICATION.ALREADY_DONE, NOTIFICATION.OUT_OF_ORDER or NOTIFICATION.NOT_A_SUSPECTED_CRIME',
  })
  @ApiNotFoundResponse({ description: 'NOTIFICATION.NOT_FOUND' })
  acknowledge(
    @CurrentOfficer() o: OfficerClaims,
    @Param('notificationId', new ParseUUIDPipe()) id: string,
    @Body() body: AcknowledgeRequest,
  ) {
    return this.commands.execute(new AcknowledgeCommand(o, id, body));
  }
}

@ApiTags('two-way consultation (双向案件咨询)')
@Roles('officer', 'head')
@Controller('consultations')
export class ConsultationsHttpController {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Ask another agency in writing (consultation.requested; reply due in 7 days, E17 art 24)' })
  @ApiCreatedResponse({ schema: object({ consultationId: uuid }) })
  @ApiBadRequestResponse({
    description: 'REQUEST.VALIDATION_FAILED, CONSULTATION.CONSULTED_INVALID or CONSULTATION.ATTACHMENT_DUPLICATE',
  })
  ask(@CurrentOfficer() o: OfficerClaims, @Body() body: AskRequest) {
    return this.commands.execute(new AskCommand(o, body));
  }

  @Get()
  @ApiOperation({ summary: 'Consultations your office asked or was asked (newest first, at most 200)' })
  @ApiOkResponse(LIST)
  list(@CurrentOfficer() o: OfficerClaims, @Query() q: ByCaseQuery) {
    return partyRecords(this.ds.manager, 'consultation', o.agencyId, q.linkedCaseId);
  }

  @Get(':consultationId')
  @ApiOperation({ summary: 'One consultation: question, attachments (hashes), reply' })
  @ApiOkResponse(VIEW)
  @ApiNotFoundResponse({ description: 'CONSULTATION.NOT_FOUND (also when your office is not party to it)' })
  async get(@CurrentOfficer() o: OfficerClaims, @Param('consultationId', new ParseUUIDPipe()) id: string) {
    return (await partyRecord(this.ds.manager, 'consultation', id, o.agencyId)).view;
  }

  @Post(':consultationId/reply')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reply in writing (consultation.replied; consultation.written-reply)' })
  @ApiOkResponse({ schema: object({ repliedAt: instant }) })
  @ApiConflictResponse({ description: 'CONSULTATION.ALREADY_DONE or CONSULTATION.OUT_OF_ORDER' })
  @ApiNotFoundResponse({ description: 'CONSULTATION.NOT_FOUND' })
  reply(
    @CurrentOfficer() o: OfficerClaims,
    @Param('consultationId', new ParseUUIDPipe()) id: string,
    @Body() body: ReplyRequest,
  ) {
    return this.commands.execute(new ReplyCommand(o, id, body));
  }
}

@ApiTags('joint supervision (联合督办)')
@Roles('officer', 'head')
@Controller('joint-supervisions')
export class JointSupervisionsHttpController {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Joint supervisions your office takes part in' })
  @ApiOkResponse(LIST)
  async list(@CurrentOfficer() o: OfficerClaims) {
    return (await partyRecords(this.ds.manager, 'joint-supervision', o.agencyId)).map(withFlags);
  }

  @Get(':linkedCaseId')
  @ApiOperation({ summary: 'The joint supervision of a case: rounds, reports, meetings, decisions' })
  @ApiOkResponse(VIEW)
  @ApiNotFoundResponse({ description: 'JOINT_SUPERVISION.NOT_FOUND (also when your office does not take part)' })
  async get(@CurrentOfficer() o: OfficerClaims, @Param('linkedCaseId', new ParseUUIDPipe()) id: string) {
    return withFlags((await partyRecord(this.ds.manager, 'joint-supervision', id, o.agencyId)).view);
  }

  @Post(':linkedCaseId/progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report your progress for the current review round (joint-supervision.progress-reported)' })
  @ApiOkResponse({ schema: object({ round: integer }) })
  @ApiConflictResponse({ description: 'JOINT_SUPERVISION.ROUND_NOT_OPEN' })
  @ApiNotFoundResponse({ description: 'JOINT_SUPERVISION.NOT_FOUND' })
  progress(
    @CurrentOfficer() o: OfficerClaims,
    @Param('linkedCaseId', new ParseUUIDPipe()) id: string,
    @Body() body: ReportProgressRequest,
  ) {
    return this.commands.execute(new ReportProgressCommand(o, id, body));
  }

  @Post(':linkedCaseId/decisions/:decisionId/done')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report a joint-meeting decision you own done (joint-supervision.decision-done)' })
  @ApiOkResponse({ schema: object({ decisionId: uuid }) })
  @ApiConflictResponse({ description: 'JOINT_SUPERVISION.ALREADY_DONE' })
  @ApiNotFoundResponse({ description: 'JOINT_SUPERVISION.NOT_FOUND or JOINT_SUPERVISION.DECISION_NOT_FOUND' })
  decisionDone(
    @CurrentOfficer() o: OfficerClaims,
    @Param('linkedCaseId', new ParseUUIDPipe()) id: string,
    @Param('decisionId', new ParseUUIDPipe()) decisionId: string,
    @Body() body: DecisionDoneRequest,
  ) {
    return this.commands.execute(new DecisionDoneCommand(o, id, decisionId, body));
  }
}

/**
 * The view with its flags: `behind` on each round lists the participants that have not reported in it (in a round
 * closed by its meeting: never did), and at the top the ones behind in the current round.
 */
function withFlags(v: JointSupervisionView) {
  return {
    ...v,
    behind: laggingIn(v, v.round),
    rounds: v.rounds.map((r) => ({ ...r, behind: laggingIn(v, r.round) })),
  };
}

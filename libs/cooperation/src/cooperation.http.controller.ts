/**
 * The routes of notification, consultation and joint supervision in each agency app. Officers and heads of the
 * app's agency kind call them (@Roles). Reads go through the one "own or granted" guard (@OwnOrGranted,
 * cooperation.access.ts): the parties of a record (sender and recipients; asking and consulted agency;
 * participants and decision owners) read the full view, an office granted the record's linked case — or owning it
 * (its own records on the case) — the redacted view (its read recorded as sharing.data-read), any other office gets
 * 404 and no data. Acts stay party-only; an act that names a linked case carries @MayLinkCase.
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
import {
  CaseAccess,
  CaseAccessOf,
  MayLinkCase,
  OwnOrGranted,
  SharedReads,
  type CaseAccessContext,
  type SharedRead,
} from '@casebridge/sharing';
import { IsId, Json } from '@casebridge/platform';
import { IsOptional } from 'class-validator';
import { laggingIn, type JointSupervisionView } from '@casebridge/flows';
import { CooperationRecord, type RecordKind } from './cooperation-record.entity';
import { notFoundOf, partyOnCase } from './cooperation.records';
import { caseRecordsLookup, grantedOn, readableRecords, readRecord, recordLookup } from './cooperation.access';
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
const VIEW = {
  schema: {
    ...anyObject,
    description:
      'the flow view (libs/flows) as the parties see it; `redacted: true` and no texts for a granted office (cooperation.access.ts)',
  },
};
const LIST = { schema: list(VIEW.schema) };

export class ByCaseQuery {
  @ApiPropertyOptional({ example: '0190f7a2-6c1e-7b3a-9d2b-5a6c7d8e9f01', description: 'only of this linked case' })
  @IsOptional()
  @IsId()
  linkedCaseId?: string;
}

/** The guard of a record's route (its id in `param`) and of a list's linked-case filter, with the kind's 404. */
function OneRecord(kind: RecordKind, param: string): MethodDecorator {
  const message = `No such ${kind.replace('-', ' ')} concerns your office or was shared with it.`;
  return OwnOrGranted({ param, lookup: recordLookup(kind), notFound: { code: notFoundOf(kind, '').code, message } });
}
function RecordsOfCase(kind: RecordKind): MethodDecorator {
  const message = `No ${kind.replace('-', ' ')} of this case concerns your office or was shared with it.`;
  return OwnOrGranted({
    query: 'linkedCaseId',
    lookup: caseRecordsLookup(kind),
    notFound: { code: notFoundOf(kind, '').code, message },
  });
}

/** Reads of the three kinds, as each controller answers them. */
class RecordReads {
  constructor(
    protected readonly ds: DataSource,
    protected readonly caseAccess: CaseAccess,
  ) {}

  protected async one<K extends RecordKind>(
    kind: K,
    id: string,
    o: OfficerClaims,
    access: CaseAccessContext | undefined,
    reads: SharedRead[],
  ) {
    const row = await this.ds.manager.findOneBy(CooperationRecord, { kind, id });
    return readRecord(kind, row, o, row !== null && grantedOn(access, row.linkedCaseId), reads);
  }

  /**
   * Without a filter: the caller's own records; with one: also the case's others, redacted, when its office owns the
   * case or holds a grant on it (CaseAccess.basis).
   */
  protected async list<K extends RecordKind>(
    kind: K,
    o: OfficerClaims,
    access: CaseAccessContext | undefined,
    reads: SharedRead[],
    linkedCaseId: string | undefined,
  ) {
    const granted =
      linkedCaseId !== undefined &&
      (grantedOn(access, linkedCaseId) || (await this.caseAccess.basis(o.agencyId, linkedCaseId)) !== null);
    return readableRecords(this.ds.manager, kind, o, granted, reads, linkedCaseId);
  }
}

@ApiTags('case notification (案情通报)')
@Roles('officer', 'head')
@Controller('notifications')
export class NotificationsHttpController extends RecordReads {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() ds: DataSource,
    caseAccess: CaseAccess,
  ) {
    super(ds, caseAccess);
  }

  @Post()
  @ApiOperation({ summary: 'Notify agencies of a case development (notification.case-notified)' })
  @ApiCreatedResponse({ schema: object({ notificationId: uuid, recipients: list(string) }) })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED or NOTIFICATION.RECIPIENT_INVALID' })
  @ApiNotFoundResponse({
    description: 'CASE.LINKED_CASE_UNKNOWN — a linked case your office neither holds nor was granted',
  })
  @MayLinkCase('linkedCaseId', { holds: partyOnCase })
  notify(@CurrentOfficer() o: OfficerClaims, @Body() body: NotifyRequest) {
    return this.commands.execute(new NotifyCommand(o, body));
  }

  @Get()
  @ApiOperation({
    summary:
      'Notifications your office sent or received (newest first, at most 200); of a linked case also, redacted, those shared with your office',
  })
  @ApiOkResponse(LIST)
  @RecordsOfCase('notification')
  listAll(
    @CurrentOfficer() o: OfficerClaims,
    @Query() q: ByCaseQuery,
    @CaseAccessOf() access: CaseAccessContext | undefined,
    @SharedReads() reads: SharedRead[],
  ) {
    return this.list('notification', o, access, reads, q.linkedCaseId);
  }

  @Get(':notificationId')
  @ApiOperation({ summary: 'One notification with each recipient’s acknowledgement (redacted for a granted office)' })
  @ApiOkResponse(VIEW)
  @ApiNotFoundResponse({ description: 'NOTIFICATION.NOT_FOUND (also when your office is neither party nor granted)' })
  @OneRecord('notification', 'notificationId')
  get(
    @CurrentOfficer() o: OfficerClaims,
    @Param('notificationId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
    @SharedReads() reads: SharedRead[],
  ) {
    return this.one('notification', id, o, access, reads);
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
export class ConsultationsHttpController extends RecordReads {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() ds: DataSource,
    caseAccess: CaseAccess,
  ) {
    super(ds, caseAccess);
  }

  @Post()
  @ApiOperation({ summary: 'Ask another agency in writing (consultation.requested; reply due in 7 days, E17 art 24)' })
  @ApiCreatedResponse({ schema: object({ consultationId: uuid }) })
  @ApiBadRequestResponse({
    description: 'REQUEST.VALIDATION_FAILED, CONSULTATION.CONSULTED_INVALID or CONSULTATION.ATTACHMENT_DUPLICATE',
  })
  @ApiNotFoundResponse({
    description: 'CASE.LINKED_CASE_UNKNOWN — a linked case your office neither holds nor was granted',
  })
  @MayLinkCase('linkedCaseId', { holds: partyOnCase })
  ask(@CurrentOfficer() o: OfficerClaims, @Body() body: AskRequest) {
    return this.commands.execute(new AskCommand(o, body));
  }

  @Get()
  @ApiOperation({
    summary:
      'Consultations your office asked or was asked (newest first, at most 200); of a linked case also, redacted, those shared with your office',
  })
  @ApiOkResponse(LIST)
  @RecordsOfCase('consultation')
  listAll(
    @CurrentOfficer() o: OfficerClaims,
    @Query() q: ByCaseQuery,
    @CaseAccessOf() access: CaseAccessContext | undefined,
    @SharedReads() reads: SharedRead[],
  ) {
    return this.list('consultation', o, access, reads, q.linkedCaseId);
  }

  @Get(':consultationId')
  @ApiOperation({
    summary:
      'One consultation: question, attachments (hashes), reply (a granted office: parties, dates and phase only)',
  })
  @ApiOkResponse(VIEW)
  @ApiNotFoundResponse({ description: 'CONSULTATION.NOT_FOUND (also when your office is neither party nor granted)' })
  @OneRecord('consultation', 'consultationId')
  get(
    @CurrentOfficer() o: OfficerClaims,
    @Param('consultationId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
    @SharedReads() reads: SharedRead[],
  ) {
    return this.one('consultation', id, o, access, reads);
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
export class JointSupervisionsHttpController extends RecordReads {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() ds: DataSource,
    caseAccess: CaseAccess,
  ) {
    super(ds, caseAccess);
  }

  @Get()
  @ApiOperation({
    summary:
      'Joint supervisions your office takes part in; of a linked case also, redacted, one shared with your office',
  })
  @ApiOkResponse(LIST)
  @RecordsOfCase('joint-supervision')
  async listAll(
    @CurrentOfficer() o: OfficerClaims,
    @Query() q: ByCaseQuery,
    @CaseAccessOf() access: CaseAccessContext | undefined,
    @SharedReads() reads: SharedRead[],
  ) {
    return (await this.list('joint-supervision', o, access, reads, q.linkedCaseId)).map(withFlags);
  }

  @Get(':linkedCaseId')
  @ApiOperation({
    summary:
      'The joint supervision of a case: rounds, reports, meetings, decisions (a granted office: who, when and the flags only)',
  })
  @ApiOkResponse(VIEW)
  @ApiNotFoundResponse({
    description: 'JOINT_SUPERVISION.NOT_FOUND (also when your office neither takes part nor was granted the case)',
  })
  @OneRecord('joint-supervision', 'linkedCaseId')
  async get(
    @CurrentOfficer() o: OfficerClaims,
    @Param('linkedCaseId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
    @SharedReads() reads: SharedRead[],
  ) {
    return withFlags(await this.one('joint-supervision', id, o, access, reads));
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
 * closed by its meeting: never did), and at the top the ones behind in the current round. A redacted view has
 * its flags already.
 */
function withFlags(view: JointSupervisionView | Record<string, unknown>) {
  if ('redacted' in view) return view;
  const v = view as JointSupervisionView;
  return {
    ...v,
    behind: laggingIn(v, v.round),
    rounds: v.rounds.map((r) => ({ ...r, behind: laggingIn(v, r.round) })),
  };
}

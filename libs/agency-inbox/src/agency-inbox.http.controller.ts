import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type FindOptionsOrder } from 'typeorm';
import { CurrentOfficer, ensureOwnAgency, type OfficerClaims, Roles } from '@casebridge/auth';
import { IsId } from '@casebridge/platform';
import { DEADLINE_PARTY_ROLES } from '@casebridge/contracts';
import { AgencyInboxItem, INBOX_ROLES, type InboxItemRole, type InboxItemState } from './inbox-item.entity';
import { INBOX_FILTERS, inboxItemView, type InboxFilter, type InboxItemView } from './inbox-view';
import { InboxRetention } from './inbox-retention';

const STATES: Record<InboxFilter, InboxItemState[]> = { owed: ['open'], suspended: ['suspended'], done: ['done'] };
const ORDER: Record<InboxFilter, FindOptionsOrder<AgencyInboxItem>> = {
  owed: { dueAt: { direction: 'ASC', nulls: 'LAST' }, startedAt: 'ASC' },
  suspended: { dueAt: { direction: 'ASC', nulls: 'LAST' } },
  done: { closedAt: 'DESC' },
};
const MAX_ITEMS = 500;

const STR = { type: 'string' };
const NSTR = { type: 'string', nullable: true };
const BILINGUAL = {
  type: 'object',
  properties: { zh: STR, en: STR },
  required: ['zh', 'en'],
  additionalProperties: false,
};
/** InboxItemView (inbox-view.ts) as OpenAPI. */
const INBOX_ITEM_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    stepId: STR,
    ruleId: NSTR,
    subjectId: NSTR,
    linkedCaseId: { type: 'string', format: 'uuid' },
    variant: NSTR,
    status: { type: 'string', enum: ['due', 'warning', 'missed', 'suspended', 'done'] },
    since: { ...NSTR, format: 'date-time' },
    dueAt: { ...NSTR, format: 'date-time' },
    lastDay: { ...NSTR, format: 'date' },
    warnedAt: { ...NSTR, format: 'date-time' },
    missedAt: { ...NSTR, format: 'date-time' },
    onExpiry: NSTR,
    role: {
      type: 'string',
      enum: ['owes', 'supervises'],
      description:
        'owes: your office owes the step; supervises: a step owed by an office below yours, escalated to you',
    },
    owingAgencyId: NSTR,
    owingAgencyName: { ...BILINGUAL, nullable: true },
    stepKey: {
      ...NSTR,
      description:
        "key of the step among the concurrent steps of its rule (a recipient, a question, a decision); null: the rule's single step",
    },
    owner: {
      type: 'object',
      nullable: true,
      description: 'who owes the step: an agency, or a party your office follows',
      properties: {
        kind: { type: 'string', enum: ['agency', 'party'] },
        agencyId: STR,
        role: { type: 'string', enum: [...DEADLINE_PARTY_ROLES] },
        name: STR,
      },
      required: ['kind'],
    },
    ownerName: { ...BILINGUAL, nullable: true },
    presses: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          eventId: STR,
          at: { type: 'string', format: 'date-time' },
          message: STR,
          byAgencyId: { ...STR, description: 'the supervising office that pressed (absent for older presses)' },
          byName: { ...BILINGUAL, nullable: true },
          text: BILINGUAL,
        },
      },
    },
    escalations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          eventId: STR,
          at: { type: 'string', format: 'date-time' },
          toLevel: STR,
          toName: BILINGUAL,
          message: STR,
          text: BILINGUAL,
        },
      },
    },
    outcome: NSTR,
    closedAt: { ...NSTR, format: 'date-time' },
    read: { type: 'boolean' },
    agencyName: BILINGUAL,
    ruleTitle: { ...BILINGUAL, nullable: true },
    due: { ...BILINGUAL, nullable: true },
    periodKind: {
      type: 'string',
      enum: ['deadline', 'minimum', 'lead-time'],
      description: 'deadline: act by dueAt; minimum: an announcement — dueAt is the earliest moment of the next act',
    },
    text: BILINGUAL,
  },
};

export class ListInboxRequest {
  @ApiPropertyOptional({
    enum: INBOX_FILTERS,
    example: 'owed',
    description:
      'owed (default): what your office owes now; done: closed steps (kept INBOX_RETENTION_DAYS); suspended: clocks that do not run now',
  })
  @IsOptional()
  @IsIn(INBOX_FILTERS, { message: `status must be one of ${INBOX_FILTERS.join(', ')}` })
  status?: InboxFilter;
  @ApiPropertyOptional({ format: 'uuid', description: 'only items of this linked case' })
  @IsOptional()
  @IsId()
  linkedCaseId?: string;
  @ApiPropertyOptional({
    enum: INBOX_ROLES,
    description:
      'owes: steps your office owes; supervises: steps of offices below yours escalated to you; default both',
  })
  @IsOptional()
  @IsIn(INBOX_ROLES, { message: `role must be one of ${INBOX_ROLES.join(', ')}` })
  role?: InboxItemRole;
}

@ApiTags('inbox')
@Roles('officer', 'head') // officers act, the head may too; supervisors and auditors use their own apps
@Controller('inbox')
export class AgencyInboxHttpController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly retention: InboxRetention,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'What your office owes now: one item per open step (due date, due/warning/missed, presses 催办), earliest due first. ' +
      '?status=done lists closed steps (kept INBOX_RETENTION_DAYS), ?status=suspended clocks that do not run now',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['status', 'retentionDays', 'items'],
      properties: {
        status: { type: 'string', enum: [...INBOX_FILTERS] },
        retentionDays: { type: 'integer' },
        items: { type: 'array', items: INBOX_ITEM_SCHEMA },
      },
    },
  })
  async list(
    @CurrentOfficer() officer: OfficerClaims,
    @Query() { status = 'owed', linkedCaseId, role }: ListInboxRequest,
  ): Promise<{ status: InboxFilter; retentionDays: number; items: InboxItemView[] }> {
    const items = await this.ds.getRepository(AgencyInboxItem).find({
      where: {
        agencyId: officer.agencyId,
        state: In(STATES[status]),
        ...(linkedCaseId ? { linkedCaseId } : {}),
        ...(role ? { role } : {}),
      },
      order: ORDER[status],
      take: MAX_ITEMS,
    });
    return { status, retentionDays: this.retention.retentionDays, items: items.map(inboxItemView) };
  }

  @Post(':itemId/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one inbox item as read (a new warning, miss or press makes it unread again)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'INBOX.NOT_FOUND' })
  async read(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
  ): Promise<void> {
    const repo = this.ds.getRepository(AgencyInboxItem);
    const n = ensureOwnAgency(await repo.findOneBy({ id: itemId }), officer, {
      code: 'INBOX.NOT_FOUND',
      message: 'No such item in your inbox.',
    });
    if (!n.readAt) await repo.update({ id: itemId }, { readAt: new Date() });
  }
}

import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { CurrentOfficer, ensureOwnAgency, type OfficerClaims, Roles } from '@casebridge/auth';
import { agencyDirectory, describeEvent, formatDue, ruleTitle, type Bilingual } from '@casebridge/directory';
import { entitySchema, IsId, listOf } from '@casebridge/platform';
import { AgencyNotification } from './notification.entity';

/**
 * An inbox item with what a person reads beside the stored fields: the office by its official name (agency
 * directory), the rule's title, the due date in Beijing time (a day-counted one as its last day 24:00), and
 * the item as a sentence — each in Chinese and English.
 */
export function inboxItemView(n: AgencyNotification): AgencyNotification & { agencyName: Bilingual; ruleTitle: Bilingual | null; due: Bilingual | null; text: Bilingual } {
  const dueAt = typeof n.data?.dueAt === 'string' ? n.data.dueAt : null;
  const producer = n.kind.startsWith('supervision.') ? 'supervision' : 'workflow';
  return {
    ...n, agencyName: agencyDirectory().names(n.agencyId),
    ruleTitle: n.ruleId ? { zh: ruleTitle(n.ruleId, 'zh'), en: ruleTitle(n.ruleId, 'en') } : null,
    due: dueAt ? { zh: formatDue(dueAt, 'zh'), en: formatDue(dueAt, 'en') } : null,
    text: describeEvent({ type: n.kind, payload: n.data, producer: { agencyId: producer } }),
  };
}

const BILINGUAL = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } }, required: ['zh', 'en'], additionalProperties: false };
/** What inboxItemView adds to the stored fields (OpenAPI). */
const INBOX_VIEW_FIELDS = {
  agencyName: BILINGUAL, ruleTitle: { ...BILINGUAL, nullable: true }, due: { ...BILINGUAL, nullable: true }, text: BILINGUAL,
};

export class ListInboxRequest {
  @ApiPropertyOptional({ enum: ['true', 'false'], example: 'true', description: 'true: only unread items' })
  @IsOptional() @IsIn(['true', 'false'], { message: 'unread must be true or false' }) unread?: 'true' | 'false';
  @ApiPropertyOptional({ format: 'uuid', description: 'only items of this linked case' }) @IsOptional() @IsId() linkedCaseId?: string;
}

@ApiTags('inbox')
@Roles('officer', 'head') // officers act, the head may too; supervisors and auditors use their own apps
@Controller('inbox')
export class AgencyInboxHttpController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Your office’s inbox: deadlines you owe (started, near, missed) and supervisors’ presses (催办), newest first' })
  @ApiOkResponse({ schema: listOf(entitySchema(AgencyNotification, { extra: INBOX_VIEW_FIELDS })) })
  async list(@CurrentOfficer() officer: OfficerClaims, @Query() { unread, linkedCaseId }: ListInboxRequest) {
    const items = await this.ds.getRepository(AgencyNotification).find({
      where: { agencyId: officer.agencyId, ...(unread === 'true' ? { readAt: IsNull() } : {}), ...(linkedCaseId ? { linkedCaseId } : {}) },
      order: { occurredAt: 'DESC' }, take: 500,
    });
    return items.map(inboxItemView);
  }

  @Post(':eventId/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one inbox item as read' })
  @ApiNoContentResponse() @ApiNotFoundResponse({ description: 'INBOX.NOT_FOUND' })
  async read(@CurrentOfficer() officer: OfficerClaims, @Param('eventId', new ParseUUIDPipe()) eventId: string): Promise<void> {
    const repo = this.ds.getRepository(AgencyNotification);
    const n = ensureOwnAgency(await repo.findOneBy({ eventId }), officer, { code: 'INBOX.NOT_FOUND', message: 'No such item in your inbox.' });
    if (!n.readAt) await repo.update({ eventId }, { readAt: new Date() });
  }
}

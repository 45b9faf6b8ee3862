import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { CurrentOfficer, ensureOwnAgency, type OfficerClaims, Roles } from '@casebridge/auth';
import { entitySchema, IsId, listOf } from '@casebridge/platform';
import { AgencyNotification } from './notification.entity';

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
  @ApiOkResponse({ schema: listOf(entitySchema(AgencyNotification)) })
  list(@CurrentOfficer() officer: OfficerClaims, @Query() { unread, linkedCaseId }: ListInboxRequest) {
    return this.ds.getRepository(AgencyNotification).find({
      where: { agencyId: officer.agencyId, ...(unread === 'true' ? { readAt: IsNull() } : {}), ...(linkedCaseId ? { linkedCaseId } : {}) },
      order: { occurredAt: 'DESC' }, take: 500,
    });
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

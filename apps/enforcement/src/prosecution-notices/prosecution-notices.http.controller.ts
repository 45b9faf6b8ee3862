import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { CurrentOfficer, ensureOwnAgency, type OfficerClaims, Roles } from '@casebridge/auth';
import { ProsecutionNotice } from './prosecution-notice.entity';
import { ProsecutionNoticeResponse } from './responses/prosecution-notice.response';

@ApiTags('prosecution notices')
@Roles('officer', 'head')
@Controller('prosecution-notices')
export class ProsecutionNoticesHttpController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Non-prosecution notices on your transfers, with any 检察意见, newest first' })
  @ApiOkResponse({ type: [ProsecutionNoticeResponse] })
  async list(@CurrentOfficer() officer: OfficerClaims): Promise<ProsecutionNoticeResponse[]> {
    const rows = await this.ds.getRepository(ProsecutionNotice).find({
      where: { agencyId: officer.agencyId },
      order: { notifiedAt: 'DESC' },
      take: 200,
    });
    return rows.map((n) => ProsecutionNoticeResponse.of(n));
  }

  @Get(':prosecutionId')
  @ApiOperation({ summary: 'One non-prosecution notice' })
  @ApiOkResponse({ type: ProsecutionNoticeResponse })
  @ApiNotFoundResponse({ description: 'PROSECUTION.NOT_FOUND — no notice of that prosecution to your agency' })
  async get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('prosecutionId', new ParseUUIDPipe()) id: string,
  ): Promise<ProsecutionNoticeResponse> {
    const n = ensureOwnAgency(
      await this.ds.getRepository(ProsecutionNotice).findOneBy({ id, agencyId: officer.agencyId }),
      officer,
      { code: ErrorCodes.prosecutionNotFound, message: `No notice of prosecution ${id} to your agency.` },
    );
    return ProsecutionNoticeResponse.of(n);
  }
}

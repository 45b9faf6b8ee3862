import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import {
  CaseAccessOf,
  lookupBy,
  OwnOrGranted,
  readOwnOrGranted,
  type CaseAccessContext,
  type RedactionPaths,
} from '@casebridge/sharing';
import { ProsecutionNotice } from './prosecution-notice.entity';
import { ProsecutionNoticeResponse } from './responses/prosecution-notice.response';

/**
 * What an office reading a non-prosecution notice through a grant (not the enforcement agency notified) does not see
 * (issue 12, need-to-know): the reasons and the penalty opinion. It sees the ids, the procuratorate and the date.
 */
export const PROSECUTION_NOTICE_REDACTED: RedactionPaths = ['reasons', 'penaltyOpinion'];

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
  @ApiOperation({
    summary:
      'One non-prosecution notice (an office it was shared with: the redacted view, PROSECUTION_NOTICE_REDACTED)',
  })
  @ApiOkResponse({ type: ProsecutionNoticeResponse })
  @ApiNotFoundResponse({ description: 'PROSECUTION.NOT_FOUND — no notice of that prosecution to your agency' })
  @OwnOrGranted({
    param: 'prosecutionId',
    lookup: lookupBy(ProsecutionNotice, 'id'),
    notFound: { code: ErrorCodes.prosecutionNotFound, message: 'No notice of that prosecution to your agency.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('prosecutionId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ): Promise<ProsecutionNoticeResponse> {
    return readOwnOrGranted(this.ds.getRepository(ProsecutionNotice).findOneBy({ id }), officer, access, {
      ownerOf: (n) => n.agencyId,
      notFound: { code: ErrorCodes.prosecutionNotFound, message: `No notice of prosecution ${id} to your agency.` },
      view: (n) => ProsecutionNoticeResponse.of(n),
      redacted: PROSECUTION_NOTICE_REDACTED,
    });
  }
}

import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { OfficerClaims } from '@casebridge/auth';
import { CourtNotice } from '../court-notice.entity';

/** A court's notice as the notified office reads it. */
export class CourtNoticeResponse {
  @ApiProperty({ format: 'uuid' }) noticeId!: string;
  @ApiProperty({ example: 'court:210100' }) courtAgencyId!: string;
  @ApiProperty({ format: 'uuid' }) courtCaseId!: string;
  @ApiProperty({ format: 'uuid' }) linkedCaseId!: string;
  @ApiProperty({ example: '(2026)辽01行初12号' }) docketNumber!: string;
  @ApiProperty({ example: '(2026)辽01告字3号' }) noticeNumber!: string;
  @ApiProperty({ example: '本院已受理人民检察院提起的行政公益诉讼，依法告知' }) summary!: string;
  @ApiProperty({ format: 'date-time' }) notifiedAt!: string;
}

/** The answer of one notice (its own office is the caller: the agency id stays inside). */
export function toCourtNoticeResponse(n: CourtNotice): CourtNoticeResponse {
  const { agencyId: _a, notifiedAt, ...rest } = n;
  return { ...rest, notifiedAt: notifiedAt.toISOString() };
}

export class ListCourtNoticesQuery extends Query<CourtNoticeResponse[]> {
  constructor(readonly officer: OfficerClaims) {
    super();
  }
}

/** The notices addressed to the officer's own office, newest first (at most 200). */
@QueryHandler(ListCourtNoticesQuery)
export class ListCourtNoticesHandler implements IQueryHandler<ListCourtNoticesQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer }: ListCourtNoticesQuery): Promise<CourtNoticeResponse[]> {
    const rows = await this.ds
      .getRepository(CourtNotice)
      .find({ where: { agencyId: officer.agencyId }, order: { notifiedAt: 'DESC' }, take: 200 });
    return rows.map(toCourtNoticeResponse);
  }
}

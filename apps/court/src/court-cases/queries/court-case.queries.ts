import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { OfficerClaims } from '@casebridge/auth';
import { CourtCase } from '../court-case.entity';
import { COURT_CASE_PHASES, type CourtCasePhase } from '../court-case.machine';
import { courtCaseNotFound } from '../court-case-unit-of-work';
import { readOwnOrGranted, TIMELINE_REDACTED, type CaseAccessContext, type RedactionPaths } from '@casebridge/sharing';
import { toCourtCaseResponse, type CourtCaseResponse } from './court-case.response';

export class ListCourtCasesRequest {
  @ApiPropertyOptional({ enum: COURT_CASE_PHASES, example: 'docketed' })
  @IsOptional()
  @IsIn(COURT_CASE_PHASES, { message: `phase must be one of ${COURT_CASE_PHASES.join(', ')}` })
  phase?: CourtCasePhase;
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    example: 'true',
    description: 'true: only cases whose restoration order is overdue; false: only the others',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'restorationOverdue must be true or false' })
  restorationOverdue?: 'true' | 'false';
}

/**
 * What an office reading a court case through a grant (not the court of the case) does not see (issue 12,
 * need-to-know): the claim, the reasons for not accepting, the judgment summary, the restoration order, what its
 * records say (text, author, kind, outcome), and what the timeline says. It sees the ids, source, track, plaintiff,
 * phase, docket number, procedure, the restoration's due date, status and overdue flag, and the dates — also each
 * record's date and percentage (libs/sharing redactPaths keeps dates and numbers).
 */
export const COURT_CASE_REDACTED: RedactionPaths = [
  'claim',
  'notAcceptedReasons',
  'judgmentSummary',
  'restoration.order',
  'restoration.records',
  ...TIMELINE_REDACTED,
];

export class GetCourtCaseQuery extends Query<CourtCaseResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly access?: CaseAccessContext,
  ) {
    super();
  }
}
@QueryHandler(GetCourtCaseQuery)
export class GetCourtCaseHandler implements IQueryHandler<GetCourtCaseQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, courtCaseId, access }: GetCourtCaseQuery): Promise<CourtCaseResponse> {
    return readOwnOrGranted(this.ds.getRepository(CourtCase).findOneBy({ courtCaseId }), officer, access, {
      ownerOf: (x) => x.courtAgencyId,
      notFound: courtCaseNotFound(courtCaseId),
      view: toCourtCaseResponse,
      redacted: COURT_CASE_REDACTED,
    });
  }
}

export class ListCourtCasesQuery extends Query<CourtCaseResponse[]> {
  constructor(
    readonly officer: OfficerClaims,
    readonly filter: ListCourtCasesRequest = {},
  ) {
    super();
  }
}
/** The officer's court's cases, newest first (at most 200). */
@QueryHandler(ListCourtCasesQuery)
export class ListCourtCasesHandler implements IQueryHandler<ListCourtCasesQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, filter }: ListCourtCasesQuery): Promise<CourtCaseResponse[]> {
    const rows = await this.ds.getRepository(CourtCase).find({
      where: { courtAgencyId: officer.agencyId, ...(filter.phase ? { phase: filter.phase } : {}) },
      order: { receivedAt: 'DESC' },
      take: 200,
    });
    const now = new Date();
    const views = rows.map((c) => toCourtCaseResponse(c, now));
    return filter.restorationOverdue === undefined
      ? views
      : views.filter((v) => (v.restoration?.overdue ?? false) === (filter.restorationOverdue === 'true'));
  }
}

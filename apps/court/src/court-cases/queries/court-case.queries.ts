import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { OfficerClaims } from '@casebridge/auth';
import { CourtCase } from '../court-case.entity';
import { COURT_CASE_PHASES, type CourtCasePhase } from '../court-case.machine';
import { ownCourtCase } from '../court-case-unit-of-work';
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

export class GetCourtCaseQuery extends Query<CourtCaseResponse> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
  ) {
    super();
  }
}
@QueryHandler(GetCourtCaseQuery)
export class GetCourtCaseHandler implements IQueryHandler<GetCourtCaseQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, courtCaseId }: GetCourtCaseQuery): Promise<CourtCaseResponse> {
    const c = await this.ds.getRepository(CourtCase).findOneBy({ courtCaseId });
    return toCourtCaseResponse(ownCourtCase(c, officer, courtCaseId));
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

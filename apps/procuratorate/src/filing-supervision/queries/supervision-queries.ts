import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { OfficerClaims } from '@casebridge/auth';
import { entitySchema } from '@casebridge/platform';
import { FilingSupervision } from '../filing-supervision.entity';
import { FILING_SUPERVISION_PHASES, isClosed, type FilingSupervisionPhase } from '../filing-supervision.machine';
import { ownSupervision } from '../filing-supervision-unit-of-work';
import { TransferOpinion } from '../transfer-opinion.entity';

export type SupervisionView = Omit<FilingSupervision, 'version'> & { closed: boolean };
/** OpenAPI schemas of a SupervisionView (phase among FILING_SUPERVISION_PHASES) and of a TransferOpinionView. */
export const SUPERVISION_VIEW_SCHEMA = entitySchema(FilingSupervision, {
  omit: ['version'],
  enums: { phase: FILING_SUPERVISION_PHASES },
  extra: { closed: { type: 'boolean' } },
});
export const TRANSFER_OPINION_SCHEMA = entitySchema(TransferOpinion, { omit: ['agencyId'] });

function view(s: FilingSupervision): SupervisionView {
  const { version: _v, ...rest } = s;
  return { ...rest, closed: isClosed(s.phase) };
}

export class ListSupervisionsRequest {
  @ApiPropertyOptional({ enum: FILING_SUPERVISION_PHASES, example: 'notice-to-file' })
  @IsOptional()
  @IsIn(FILING_SUPERVISION_PHASES, { message: `phase must be one of ${FILING_SUPERVISION_PHASES.join(', ')}` })
  phase?: FilingSupervisionPhase;
  @ApiPropertyOptional({ description: 'only supervisions of this transfer' })
  @IsOptional()
  @IsUUID('all', { message: 'transferId must be a UUID' })
  transferId?: string;
}

export class GetSupervisionQuery extends Query<SupervisionView> {
  constructor(
    readonly officer: OfficerClaims,
    readonly supervisionId: string,
  ) {
    super();
  }
}
@QueryHandler(GetSupervisionQuery)
export class GetSupervisionHandler implements IQueryHandler<GetSupervisionQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, supervisionId }: GetSupervisionQuery): Promise<SupervisionView> {
    return view(
      ownSupervision(
        await this.ds.getRepository(FilingSupervision).findOneBy({ supervisionId }),
        officer,
        supervisionId,
      ),
    );
  }
}

export class ListSupervisionsQuery extends Query<SupervisionView[]> {
  constructor(
    readonly officer: OfficerClaims,
    readonly filter: ListSupervisionsRequest = {},
  ) {
    super();
  }
}
@QueryHandler(ListSupervisionsQuery)
export class ListSupervisionsHandler implements IQueryHandler<ListSupervisionsQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, filter }: ListSupervisionsQuery): Promise<SupervisionView[]> {
    const rows = await this.ds.getRepository(FilingSupervision).find({
      where: {
        procuratorateAgencyId: officer.agencyId,
        ...(filter.phase ? { phase: filter.phase } : {}),
        ...(filter.transferId ? { transferId: filter.transferId } : {}),
      },
      order: { openedAt: 'DESC' },
      take: 200,
    });
    return rows.map(view);
  }
}

export type TransferOpinionView = Omit<TransferOpinion, 'agencyId'>;

export class ListTransferOpinionsQuery extends Query<TransferOpinionView[]> {
  constructor(readonly officer: OfficerClaims) {
    super();
  }
}
@QueryHandler(ListTransferOpinionsQuery)
export class ListTransferOpinionsHandler implements IQueryHandler<ListTransferOpinionsQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer }: ListTransferOpinionsQuery): Promise<TransferOpinionView[]> {
    const rows = await this.ds
      .getRepository(TransferOpinion)
      .find({ where: { agencyId: officer.agencyId }, order: { issuedAt: 'DESC' }, take: 200 });
    return rows.map(({ agencyId: _a, ...rest }) => rest);
  }
}

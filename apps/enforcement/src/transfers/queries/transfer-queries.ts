import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { entitySchema, IsId } from '@casebridge/platform';
import { Transfer } from '../transfer.entity';
import { CLOSED_PHASES, TRANSFER_PHASES } from '../transfer.machine';

export type TransferView = Omit<Transfer, 'version' | 'agencyId'> & { closed: boolean };
/** OpenAPI schema of a TransferView. */
export const TRANSFER_VIEW_SCHEMA = entitySchema(Transfer, {
  omit: ['version', 'agencyId'],
  enums: { phase: TRANSFER_PHASES, previousPhase: TRANSFER_PHASES },
  extra: { closed: { type: 'boolean' } },
});

function view(t: Transfer): TransferView {
  const { version: _v, agencyId: _a, ...rest } = t;
  return { ...rest, closed: CLOSED_PHASES.includes(t.phase) };
}

export class GetTransferQuery extends Query<TransferView> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
  ) {
    super();
  }
}
@QueryHandler(GetTransferQuery)
export class GetTransferHandler implements IQueryHandler<GetTransferQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, transferId }: GetTransferQuery): Promise<TransferView> {
    return view(
      ensureOwnAgency(await this.ds.getRepository(Transfer).findOneBy({ id: transferId }), officer, {
        code: ErrorCodes.transferNotFound,
        message: `No transfer ${transferId} in your agency.`,
      }),
    );
  }
}

export class ListTransfersRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'only transfers of this administrative case' })
  @IsOptional()
  @IsId()
  caseId?: string;
}

export class ListTransfersQuery extends Query<TransferView[]> {
  constructor(
    readonly officer: OfficerClaims,
    readonly caseId?: string,
  ) {
    super();
  }
}
@QueryHandler(ListTransfersQuery)
export class ListTransfersHandler implements IQueryHandler<ListTransfersQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, caseId }: ListTransfersQuery): Promise<TransferView[]> {
    const rows = await this.ds.getRepository(Transfer).find({
      where: { agencyId: officer.agencyId, ...(caseId ? { caseId } : {}) },
      order: { openedAt: 'DESC' },
      take: 200,
    });
    return rows.map(view);
  }
}

import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { entitySchema } from '@casebridge/platform';
import { TRANSFER_COPY_STATUSES, TransferCopy, type TransferCopyStatus } from '../transfer-copy.entity';

export type TransferCopyView = Omit<TransferCopy, 'version' | 'agencyId'>;
/** OpenAPI schema of a TransferCopyView. */
export const TRANSFER_COPY_SCHEMA = entitySchema(TransferCopy, {
  omit: ['version', 'agencyId'],
  enums: { status: TRANSFER_COPY_STATUSES },
});

function view(c: TransferCopy): TransferCopyView {
  const { version: _v, agencyId: _a, ...rest } = c;
  return rest;
}

export class ListTransferCopiesRequest {
  @ApiPropertyOptional({ enum: TRANSFER_COPY_STATUSES, example: 'not-filed' })
  @IsOptional()
  @IsIn(TRANSFER_COPY_STATUSES, { message: `status must be one of ${TRANSFER_COPY_STATUSES.join(', ')}` })
  status?: TransferCopyStatus;
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    example: 'true',
    description: 'only copies with (true) or without (false) a pending request for filing supervision',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'supervisionRequested must be true or false' })
  supervisionRequested?: 'true' | 'false';
}

export class GetTransferCopyQuery extends Query<TransferCopyView> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
  ) {
    super();
  }
}
@QueryHandler(GetTransferCopyQuery)
export class GetTransferCopyHandler implements IQueryHandler<GetTransferCopyQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, transferId }: GetTransferCopyQuery): Promise<TransferCopyView> {
    return view(
      ensureOwnAgency(await this.ds.getRepository(TransferCopy).findOneBy({ transferId }), officer, {
        code: ErrorCodes.transferNotFound,
        message: `No copy of transfer ${transferId} in your agency.`,
      }),
    );
  }
}

export class ListTransferCopiesQuery extends Query<TransferCopyView[]> {
  constructor(
    readonly officer: OfficerClaims,
    readonly filter: ListTransferCopiesRequest = {},
  ) {
    super();
  }
}
@QueryHandler(ListTransferCopiesQuery)
export class ListTransferCopiesHandler implements IQueryHandler<ListTransferCopiesQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, filter }: ListTransferCopiesQuery): Promise<TransferCopyView[]> {
    const rows = await this.ds.getRepository(TransferCopy).find({
      where: {
        agencyId: officer.agencyId,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.supervisionRequested ? { supervisionRequested: filter.supervisionRequested === 'true' } : {}),
      },
      order: { sentAt: 'DESC' },
      take: 200,
    });
    return rows.map(view);
  }
}

import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Transfer } from '../../transfer.entity';
import { toTransferResponse, type TransferResponse } from '../get-transfer/get-transfer.response.dto';
import { ListTransfersQuery } from './list-transfers.query';

/** The agency's transfers (of one case, when asked), newest first, at most 200. */
@QueryHandler(ListTransfersQuery)
export class ListTransfersHandler implements IQueryHandler<ListTransfersQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, caseId }: ListTransfersQuery): Promise<TransferResponse[]> {
    const rows = await this.ds.getRepository(Transfer).find({
      where: { agencyId: officer.agencyId, ...(caseId ? { caseId } : {}) },
      order: { openedAt: 'DESC' },
      take: 200,
    });
    return rows.map(toTransferResponse);
  }
}

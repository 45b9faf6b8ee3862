import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IncomingTransfer } from '../../incoming-transfer.entity';
import {
  toIncomingTransferResponse,
  type IncomingTransferResponse,
} from '../get-incoming-transfer/get-incoming-transfer.response.dto';
import { ListIncomingTransfersQuery } from './list-incoming-transfers.query';

/** The office's inbox of transfers (in one phase, when asked), newest first, at most 200. */
@QueryHandler(ListIncomingTransfersQuery)
export class ListIncomingTransfersHandler implements IQueryHandler<ListIncomingTransfersQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, phase }: ListIncomingTransfersQuery): Promise<IncomingTransferResponse[]> {
    const rows = await this.ds.getRepository(IncomingTransfer).find({
      where: { agencyId: officer.agencyId, ...(phase ? { phase } : {}) },
      order: { receivedAt: 'DESC' },
      take: 200,
    });
    return rows.map(toIncomingTransferResponse);
  }
}

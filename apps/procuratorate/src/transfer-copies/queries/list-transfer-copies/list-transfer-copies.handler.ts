import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TransferCopy } from '../../transfer-copy.entity';
import { toTransferCopyResponse, type TransferCopyResponse } from '../get-transfer-copy/get-transfer-copy.response.dto';
import { ListTransferCopiesQuery } from './list-transfer-copies.query';

/** The procuratorate's copies (filtered by status or a pending supervision request), newest first, at most 200. */
@QueryHandler(ListTransferCopiesQuery)
export class ListTransferCopiesHandler implements IQueryHandler<ListTransferCopiesQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, filter }: ListTransferCopiesQuery): Promise<TransferCopyResponse[]> {
    const rows = await this.ds.getRepository(TransferCopy).find({
      where: {
        agencyId: officer.agencyId,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.supervisionRequested ? { supervisionRequested: filter.supervisionRequested === 'true' } : {}),
      },
      order: { sentAt: 'DESC' },
      take: 200,
    });
    return rows.map(toTransferCopyResponse);
  }
}

import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TransferOpinion } from '../../transfer-opinion.entity';
import { ListTransferOpinionsQuery } from './list-transfer-opinions.query';
import { toTransferOpinionResponse, type TransferOpinionResponse } from './list-transfer-opinions.response.dto';

/** The opinions to transfer the procuratorate issued, newest first, at most 200. */
@QueryHandler(ListTransferOpinionsQuery)
export class ListTransferOpinionsHandler implements IQueryHandler<ListTransferOpinionsQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer }: ListTransferOpinionsQuery): Promise<TransferOpinionResponse[]> {
    const rows = await this.ds
      .getRepository(TransferOpinion)
      .find({ where: { agencyId: officer.agencyId }, order: { issuedAt: 'DESC' }, take: 200 });
    return rows.map(toTransferOpinionResponse);
  }
}

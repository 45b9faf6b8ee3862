import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FilingSupervision } from '../../filing-supervision.entity';
import { toSupervisionResponse, type SupervisionResponse } from '../get-supervision/get-supervision.response.dto';
import { ListSupervisionsQuery } from './list-supervisions.query';

/** The procuratorate's filing supervisions (filtered by phase or transfer), newest first, at most 200. */
@QueryHandler(ListSupervisionsQuery)
export class ListSupervisionsHandler implements IQueryHandler<ListSupervisionsQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, filter }: ListSupervisionsQuery): Promise<SupervisionResponse[]> {
    const rows = await this.ds.getRepository(FilingSupervision).find({
      where: {
        procuratorateAgencyId: officer.agencyId,
        ...(filter.phase ? { phase: filter.phase } : {}),
        ...(filter.transferId ? { transferId: filter.transferId } : {}),
      },
      order: { openedAt: 'DESC' },
      take: 200,
    });
    return rows.map(toSupervisionResponse);
  }
}

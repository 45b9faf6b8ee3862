import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SupervisionMatter } from '../../supervision-matter.entity';
import {
  toSupervisionMatterResponse,
  type SupervisionMatterResponse,
} from '../get-supervision-matter/get-supervision-matter.response.dto';
import { ListSupervisionMattersQuery } from './list-supervision-matters.query';

/** Filing supervisions concerning the officer's office, at most 200. */
@QueryHandler(ListSupervisionMattersQuery)
export class ListSupervisionMattersHandler implements IQueryHandler<ListSupervisionMattersQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer }: ListSupervisionMattersQuery): Promise<SupervisionMatterResponse[]> {
    const rows = await this.ds
      .getRepository(SupervisionMatter)
      .find({ where: { agencyId: officer.agencyId }, take: 200 });
    return rows.map(toSupervisionMatterResponse);
  }
}

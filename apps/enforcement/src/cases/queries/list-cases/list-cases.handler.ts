import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AdministrativeCase } from '../../administrative-case.entity';
import { toCaseResponse, type CaseResponse } from '../get-case/get-case.response.dto';
import { ListCasesQuery } from './list-cases.query';

/** The agency's cases, newest first, at most 200 (without their evidence). */
@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer }: ListCasesQuery): Promise<CaseResponse[]> {
    const cases = await this.ds
      .getRepository(AdministrativeCase)
      .find({ where: { agencyId: officer.agencyId }, order: { registeredAt: 'DESC' }, take: 200 });
    return cases.map((c) => toCaseResponse(c, []));
  }
}

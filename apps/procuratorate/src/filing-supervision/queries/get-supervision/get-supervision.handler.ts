import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FilingSupervision } from '../../filing-supervision.entity';
import { ownSupervision } from '../../filing-supervision-unit-of-work';
import { GetSupervisionQuery } from './get-supervision.query';
import { toSupervisionResponse, type SupervisionResponse } from './get-supervision.response.dto';

/** One filing supervision of the officer's procuratorate. @throws DomainError SUPERVISION.NOT_FOUND (404) */
@QueryHandler(GetSupervisionQuery)
export class GetSupervisionHandler implements IQueryHandler<GetSupervisionQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, supervisionId }: GetSupervisionQuery): Promise<SupervisionResponse> {
    return toSupervisionResponse(
      ownSupervision(
        await this.ds.getRepository(FilingSupervision).findOneBy({ supervisionId }),
        officer,
        supervisionId,
      ),
    );
  }
}

import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnAgency } from '@casebridge/auth';
import { SupervisionMatter } from '../../supervision-matter.entity';
import { GetSupervisionMatterQuery } from './get-supervision-matter.query';
import { toSupervisionMatterResponse, type SupervisionMatterResponse } from './get-supervision-matter.response.dto';

/** One filing supervision concerning the officer's office. @throws DomainError SUPERVISION.NOT_FOUND (404) */
@QueryHandler(GetSupervisionMatterQuery)
export class GetSupervisionMatterHandler implements IQueryHandler<GetSupervisionMatterQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, supervisionId: id }: GetSupervisionMatterQuery): Promise<SupervisionMatterResponse> {
    return toSupervisionMatterResponse(
      ensureOwnAgency(await this.ds.getRepository(SupervisionMatter).findOneBy({ id }), officer, {
        code: ErrorCodes.supervisionNotFound,
        message: `No filing supervision ${id} concerns your office.`,
      }),
    );
  }
}

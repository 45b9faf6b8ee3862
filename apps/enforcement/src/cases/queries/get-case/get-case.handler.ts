import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnAgency } from '@casebridge/auth';
import { AdministrativeCase } from '../../administrative-case.entity';
import { Evidence } from '../../evidence.entity';
import { GetCaseQuery } from './get-case.query';
import { toCaseResponse, type CaseResponse } from './get-case.response.dto';

/** One case of the officer's agency with its evidence. @throws DomainError CASE.NOT_FOUND (404) */
@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, caseId }: GetCaseQuery): Promise<CaseResponse> {
    const c = ensureOwnAgency(await this.ds.getRepository(AdministrativeCase).findOneBy({ id: caseId }), officer, {
      code: ErrorCodes.caseNotFound,
      message: `No case ${caseId} in your agency.`,
    });
    const evidence = await this.ds.getRepository(Evidence).find({ where: { caseId }, order: { attachedAt: 'ASC' } });
    return toCaseResponse(c, evidence);
  }
}

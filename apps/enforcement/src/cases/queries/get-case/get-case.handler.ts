import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnOrGranted, grantedView } from '@casebridge/sharing';
import { AdministrativeCase } from '../../administrative-case.entity';
import { Evidence } from '../../evidence.entity';
import { GetCaseQuery } from './get-case.query';
import { toCaseResponse, type CaseResponse } from './get-case.response.dto';

/** One case of the officer's agency (or shared with it: party redacted) with its evidence. @throws DomainError CASE.NOT_FOUND (404) */
@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, caseId, access }: GetCaseQuery): Promise<CaseResponse> {
    const c = ensureOwnOrGranted(
      await this.ds.getRepository(AdministrativeCase).findOneBy({ id: caseId }),
      officer,
      access,
      { code: ErrorCodes.caseNotFound, message: `No case ${caseId} in your agency.` },
    );
    const evidence = await this.ds.getRepository(Evidence).find({ where: { caseId }, order: { attachedAt: 'ASC' } });
    // a granted reader (another office the case was shared with) sees the party redacted
    return grantedView(toCaseResponse(c, evidence), access);
  }
}

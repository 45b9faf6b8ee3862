import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnOrGranted, grantedRead, TIMELINE_REDACTED, type RedactionPaths } from '@casebridge/sharing';
import { SupervisionMatter } from '../../supervision-matter.entity';
import { GetSupervisionMatterQuery } from './get-supervision-matter.query';
import { toSupervisionMatterResponse, type SupervisionMatterResponse } from './get-supervision-matter.response.dto';

/**
 * What an office reading a supervision matter through a grant (not the police office concerned) does not see (issue
 * 12, need-to-know): the procuratorate's question and what the timeline says. It sees the ids, phase, notice number
 * and whether a correction was issued.
 */
export const SUPERVISION_MATTER_REDACTED: RedactionPaths = ['question', ...TIMELINE_REDACTED];

/** One filing supervision concerning the officer's office. @throws DomainError SUPERVISION.NOT_FOUND (404) */
@QueryHandler(GetSupervisionMatterQuery)
export class GetSupervisionMatterHandler implements IQueryHandler<GetSupervisionMatterQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, supervisionId: id, access }: GetSupervisionMatterQuery): Promise<SupervisionMatterResponse> {
    const matter = ensureOwnOrGranted(
      await this.ds.getRepository(SupervisionMatter).findOneBy({ id }),
      officer,
      access,
      {
        code: ErrorCodes.supervisionNotFound,
        message: `No filing supervision ${id} concerns your office.`,
      },
    );
    return grantedRead(toSupervisionMatterResponse(matter), access, SUPERVISION_MATTER_REDACTED);
  }
}

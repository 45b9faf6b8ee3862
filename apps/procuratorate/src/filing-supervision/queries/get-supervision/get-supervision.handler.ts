import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FilingSupervision } from '../../filing-supervision.entity';
import { SupervisionErrorCodes } from '../../filing-supervision.machine';
import { readOwnOrGranted, TIMELINE_REDACTED, type RedactionPaths } from '@casebridge/sharing';
import { GetSupervisionQuery } from './get-supervision.query';
import { toSupervisionResponse, type SupervisionResponse } from './get-supervision.response.dto';

/**
 * What an office reading a filing supervision through a grant (not the supervising procuratorate) does not see
 * (issue 12, need-to-know): the question, the police reasons and what the timeline says. It sees the ids, agencies,
 * ground, phase, notice and police case numbers, the overdue flags and dates.
 */
export const FILING_SUPERVISION_REDACTED: RedactionPaths = ['question', 'policeReasons', ...TIMELINE_REDACTED];

/** One filing supervision of the officer's procuratorate. @throws DomainError SUPERVISION.NOT_FOUND (404) */
@QueryHandler(GetSupervisionQuery)
export class GetSupervisionHandler implements IQueryHandler<GetSupervisionQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, supervisionId, access }: GetSupervisionQuery): Promise<SupervisionResponse> {
    return readOwnOrGranted(this.ds.getRepository(FilingSupervision).findOneBy({ supervisionId }), officer, access, {
      ownerOf: (x) => x.procuratorateAgencyId,
      notFound: {
        code: SupervisionErrorCodes.notFound,
        message: `No filing supervision ${supervisionId} in your agency.`,
      },
      view: toSupervisionResponse,
      redacted: FILING_SUPERVISION_REDACTED,
    });
  }
}

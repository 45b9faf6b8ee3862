import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { agencyId, DomainError, FilingSupervisionRequested } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../../transfer-unit-of-work';
import { RequestSupervisionCommand } from './request-supervision.command';

/**
 * Asks the procuratorate for filing supervision (立案监督): after non-filing, after an upheld refusal
 * (transfer.supervision-request) or when the police let transfer.filing-review run out (E17 art 12).
 */
@CommandHandler(RequestSupervisionCommand)
export class RequestSupervisionHandler implements ICommandHandler<RequestSupervisionCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}
  execute({ officer, transferId, request }: RequestSupervisionCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'request-supervision', (t, tx) => {
      const ground =
        t.phase === 'not-filed' ? 'not-filed' : t.phase === 'upheld' ? 'upheld-on-reconsideration' : 'decision-overdue';
      if (ground === 'decision-overdue' && !t.filingReviewOverdue) {
        throw new DomainError(
          'TRANSFER.REVIEW_NOT_OVERDUE',
          'conflict',
          'The police are still within their filing-review period (transfer.filing-review); you can ask for supervision once it has run out or after a decision.',
        );
      }
      const procuratorate = t.procuratorateAgencyId ?? agencyId('procuratorate', officer.region);
      t.phase = 'supervision-requested';
      t.timeline = withEntry(
        t.timeline,
        entry(`filing supervision requested (${ground})`, officer.sub, new Date(), { note: request.reasons }),
      );
      publishAs(tx, officer, FilingSupervisionRequested, t.linkedCaseId, {
        transferId: t.id,
        procuratorateAgencyId: procuratorate,
        ground,
        reasons: request.reasons,
      });
    });
  }
}

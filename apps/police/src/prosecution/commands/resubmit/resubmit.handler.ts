import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProsecutionResubmitted, type ProsecutionResubmittedV1 } from '@casebridge/contracts';
import { prosecutionViews } from '@casebridge/flows';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { applyPoliceProsecutionView } from '../../police-prosecution.entity';
import { PoliceProsecutionUnitOfWork } from '../../prosecution-unit-of-work';
import { ResubmitCommand } from './resubmit.command';
import { toCaseFile } from '../case-file-item.request';

/**
 * Supplementary investigation done (prosecution.supplementary-investigation, CPL art 175): the case goes
 * back to the procuratorate, whose review starts again.
 * @throws 404 PROSECUTION.NOT_FOUND; 409 PROSECUTION.OUT_OF_ORDER / ALREADY_DONE / CASE.CLOSED
 */
@CommandHandler(ResubmitCommand)
export class ResubmitHandler implements ICommandHandler<ResubmitCommand> {
  constructor(private readonly uow: PoliceProsecutionUnitOfWork) {}

  execute({ officer, prosecutionId, request }: ResubmitCommand): Promise<void> {
    return this.uow.act(officer, prosecutionId, 'resubmit', (p, tx) => {
      const now = new Date();
      const payload: ProsecutionResubmittedV1 = {
        prosecutionId: p.id,
        round: p.view.rounds,
        summary: request.summary,
        caseFile: toCaseFile(request.caseFile),
      };
      applyPoliceProsecutionView(
        p,
        prosecutionViews.police.evolve(p.view, {
          type: 'prosecution.resubmitted',
          occurredAt: now.toISOString(),
          producer: { agencyId: officer.agencyId },
          payload,
        }),
      );
      p.timeline = withEntry(
        p.timeline,
        entry(`re-submitted after supplementary investigation (round ${payload.round})`, officer.sub, now, {
          note: request.summary,
        }),
      );
      publishAs(tx, officer, ProsecutionResubmitted, p.linkedCaseId, payload, { occurredAt: now });
    });
  }
}

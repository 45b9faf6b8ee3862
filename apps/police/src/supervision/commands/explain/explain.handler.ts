import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { ErrorCodes, FilingSupervisionExplained } from '@casebridge/contracts';
import { MATTER_ACT_RULES } from '@casebridge/flows';
import { ensureOwnAgency } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { assertAct, entry, withEntry } from '@casebridge/platform';
import { SupervisionMatter } from '../../supervision-matter.entity';
import { ExplainCommand } from './explain.command';

/** The police side of a filing supervision: the one act it answers here (libs/flows filing-supervision). */
export { MATTER_ACT_RULES } from '@casebridge/flows';

/** Explains the non-filing to the procuratorate (supervision.police-explain, 7 days). */
@CommandHandler(ExplainCommand)
export class ExplainHandler implements ICommandHandler<ExplainCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}
  execute({ officer, supervisionId, request }: ExplainCommand): Promise<void> {
    return this.outbox.run(async (tx) => {
      const m = ensureOwnAgency(
        await tx.manager.findOne(SupervisionMatter, {
          where: { id: supervisionId },
          lock: { mode: 'pessimistic_write' },
        }),
        officer,
        {
          code: ErrorCodes.supervisionNotFound,
          message: `No filing supervision ${supervisionId} concerns your office.`,
        },
      );
      assertAct(MATTER_ACT_RULES, 'explain', m);
      m.phase = 'explained';
      m.timeline = withEntry(
        m.timeline,
        entry('reasons given to the procuratorate', officer.sub, new Date(), { note: request.reasons }),
      );
      await tx.manager.save(m);
      publishAs(tx, officer, FilingSupervisionExplained, m.linkedCaseId, {
        supervisionId: m.id,
        transferId: m.transferId,
        reasons: request.reasons,
      });
    });
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { ErrorCodes, FilingSupervisionExplained } from '@casebridge/contracts';
import { ensureOwnAgency } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { assertAct, entry, type ActRules, withEntry } from '@casebridge/platform';
import { SupervisionMatter, type MatterPhase } from '../../supervision-matter.entity';
import { ExplainCommand } from './explain.command';

/** The police side of a filing supervision: the one act it answers here (libs/platform assertAct). */
export const MATTER_ACT_RULES: ActRules<MatterPhase, 'explain'> = {
  subject: 'supervision',
  codes: {
    alreadyDone: ErrorCodes.supervisionAlreadyDone,
    outOfOrder: ErrorCodes.supervisionOutOfOrder,
    closed: ErrorCodes.caseClosed,
  },
  allowed: { explain: ['explanation-required'] },
  leadsTo: { explain: ['explained'] },
  closed: ['closed'],
  text: { explain: 'explain the non-filing' },
  next: {
    opened: 'wait: the procuratorate may require reasons (supervision.police-explain)',
    explained: 'wait: the procuratorate is weighing your reasons',
    'notice-to-file':
      'file within 15 days (supervision.police-file): POST /transfers/:id/decision with outcome "filed" and this supervisionId',
  },
};

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

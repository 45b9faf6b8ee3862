import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import {
  agencyIdKind,
  DomainError,
  ErrorCodes,
  OUTSIDE_JURISDICTION,
  ProsecutionTransferredVersion2,
  withinJurisdiction,
  type ProsecutionTransferredV2,
} from '@casebridge/contracts';
import { prosecutionViews } from '@casebridge/flows';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { entry } from '@casebridge/platform';
import { IncomingTransfer } from '../../../transfers/incoming-transfer.entity';
import { applyPoliceProsecutionView, PoliceProsecution } from '../../police-prosecution.entity';
import { TransferForProsecutionCommand } from './transfer-for-prosecution.command';
import { toCaseFile } from '../case-file-item.request';

/**
 * 移送审查起诉 (flows.md §3): a transfer this office filed goes with its case file to the procuratorate of
 * its region (or one the jurisdiction map lets it address); starts prosecution.review (CPL art 172).
 * @throws 404 TRANSFER.NOT_FOUND (not a transfer of this office), AGENCY.OUTSIDE_JURISDICTION;
 *         409 PROSECUTION.OUT_OF_ORDER (not filed), PROSECUTION.ALREADY_DONE (already transferred)
 */
@CommandHandler(TransferForProsecutionCommand)
export class TransferForProsecutionHandler implements ICommandHandler<TransferForProsecutionCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  async execute({ officer, request }: TransferForProsecutionCommand): Promise<{ prosecutionId: string }> {
    const procuratorateAgencyId = request.procuratorateAgencyId ?? `procuratorate:${officer.agencyId.split(':')[1]}`;
    if (!withinJurisdiction(officer.agencyId, procuratorateAgencyId)) {
      throw new DomainError(
        OUTSIDE_JURISDICTION,
        'not-found',
        `${procuratorateAgencyId} is not within your office's jurisdiction: transfer the case to the procuratorate of your region.`,
      );
    }
    return this.outbox.run(async (tx) => {
      const t = await tx.manager.findOne(IncomingTransfer, {
        where: { id: request.transferId, agencyId: officer.agencyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!t) {
        throw new DomainError(
          ErrorCodes.transferNotFound,
          'not-found',
          `No transfer ${request.transferId} was sent to your office.`,
        );
      }
      if (t.phase !== 'filed') {
        throw new DomainError(
          ErrorCodes.prosecutionOutOfOrder,
          'conflict',
          `Only a filed case (立案) goes for prosecution; transfer ${t.id} is "${t.phase}".`,
        );
      }
      const earlier = await tx.manager.findOneBy(PoliceProsecution, { transferId: t.id, agencyId: officer.agencyId });
      if (earlier) {
        throw new DomainError(
          ErrorCodes.prosecutionAlreadyDone,
          'conflict',
          `Transfer ${t.id} was already transferred for prosecution (prosecution ${earlier.id}).`,
          { prosecutionId: earlier.id },
        );
      }
      const now = new Date();
      const payload: ProsecutionTransferredV2 = {
        prosecutionId: uuidv7(),
        transferId: t.id,
        procuratorateAgencyId,
        policeAgencyId: officer.agencyId,
        ...(agencyIdKind(t.fromAgencyId) === 'enforcement' ? { enforcementAgencyId: t.fromAgencyId } : {}),
        policeCaseNumber: t.policeCaseNumber ?? t.enforcementCaseNumber,
        summary: request.summary,
        caseFile: toCaseFile(request.caseFile),
      };
      const row = tx.manager.create(PoliceProsecution, {
        id: payload.prosecutionId,
        linkedCaseId: t.linkedCaseId,
        agencyId: officer.agencyId,
        transferId: t.id,
        // a new record has not changed phase: re-submitting now is out of order, not "done twice" (judgeAct)
        previousPhase: 'under-review',
        transferredAt: now,
        timeline: [
          entry(`transferred for prosecution to ${procuratorateAgencyId} (prosecution.review)`, officer.sub, now),
        ],
      });
      applyPoliceProsecutionView(
        row,
        prosecutionViews.police.open({
          type: 'prosecution.transferred',
          occurredAt: now.toISOString(),
          producer: { agencyId: officer.agencyId },
          payload,
        }),
      );
      await tx.manager.insert(PoliceProsecution, row);
      publishAs(tx, officer, ProsecutionTransferredVersion2, t.linkedCaseId, payload, { occurredAt: now });
      return { prosecutionId: payload.prosecutionId };
    });
  }
}

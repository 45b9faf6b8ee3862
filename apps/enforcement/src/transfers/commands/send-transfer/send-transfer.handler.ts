import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  agencyId,
  DomainError,
  ErrorCodes,
  OUTSIDE_JURISDICTION,
  TransferSent,
  withinJurisdiction,
  type MaterialItem,
  type ThresholdFact,
} from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { AdministrativeCase } from '../../../cases/administrative-case.entity';
import { Evidence } from '../../../cases/evidence.entity';
import { entry, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../../transfer-unit-of-work';
import { REQUIRED_MATERIALS } from './send-transfer.request.dto';
import { SendTransferCommand } from './send-transfer.command';

/** The threshold facts a transfer is sent with: those on record, or (only when none are) those the request names. */
export function thresholdFactsToSend(
  onRecord: readonly ThresholdFact[],
  requested: readonly ThresholdFact[] | undefined,
): ThresholdFact[] {
  if (onRecord.length && requested) {
    throw new DomainError(
      'TRANSFER.THRESHOLD_FACTS_FIXED',
      'invalid',
      `This transfer already names its threshold facts (${onRecord.join(', ')}), as reported and decided; send it without thresholdFacts.`,
    );
  }
  const facts = onRecord.length ? [...onRecord] : [...new Set(requested ?? [])];
  if (!facts.length) {
    throw new DomainError(
      'TRANSFER.THRESHOLD_FACTS_REQUIRED',
      'invalid',
      'No criminal-threshold facts are on record for this transfer (it was opened by a procuratorial opinion): name them in thresholdFacts (t1…t11) to send it.',
    );
  }
  return facts;
}

/**
 * Sends the transfer to the police with its materials (transfer.handover) and, at the same time, a copy to
 * the procuratorate (transfer.copy-to-procuratorate). The penalty clock is suspended (E17 art 16).
 */
@CommandHandler(SendTransferCommand)
export class SendTransferHandler implements ICommandHandler<SendTransferCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}

  execute({ officer, transferId, request }: SendTransferCommand): Promise<void> {
    const kinds = new Set(request.materials.map((m) => m.kind));
    const missing = REQUIRED_MATERIALS.filter((k) => !kinds.has(k));
    if (missing.length) {
      throw new DomainError(
        'TRANSFER.MATERIALS_REQUIRED',
        'invalid',
        `A transfer must include: ${missing.join(', ')} (E17 art 6).`,
        { missing },
      );
    }
    return this.uow.act(officer, transferId, 'send', async (t, tx) => {
      const c = await tx.manager.findOneByOrFail(AdministrativeCase, { id: t.caseId });
      const materials: MaterialItem[] = [];
      for (const m of request.materials) {
        if (!m.evidenceId) {
          materials.push({ kind: m.kind, title: m.title });
          continue;
        }
        const ev = await tx.manager.findOneBy(Evidence, { id: m.evidenceId, caseId: t.caseId });
        if (!ev)
          throw new DomainError(
            ErrorCodes.evidenceNotFound,
            'not-found',
            `Evidence ${m.evidenceId} is not part of this case.`,
            { evidenceId: m.evidenceId },
          );
        materials.push({ kind: m.kind, title: m.title, evidenceId: ev.id, sha256: ev.sha256 });
      }
      t.policeAgencyId = request.toAgencyId ?? agencyId('police', c.region);
      t.procuratorateAgencyId = request.copyToAgencyId ?? agencyId('procuratorate', c.region);
      for (const to of [t.policeAgencyId, t.procuratorateAgencyId]) {
        if (!withinJurisdiction(officer.agencyId, to)) {
          throw new DomainError(
            OUTSIDE_JURISDICTION,
            'not-found',
            `${to} is not within your office's jurisdiction; send to the counterpart of your region.`,
          );
        }
      }
      t.thresholdFacts = thresholdFactsToSend(t.thresholdFacts, request.thresholdFacts);
      t.materials = materials;
      t.phase = 'sent';
      t.timeline = withEntry(
        t.timeline,
        entry(`sent to ${t.policeAgencyId}, copy to ${t.procuratorateAgencyId}`, officer.sub),
      );
      publishAs(tx, officer, TransferSent, t.linkedCaseId, {
        transferId: t.id,
        caseId: t.caseId,
        caseNumber: c.caseNumber,
        fromAgencyId: t.agencyId,
        toAgencyId: t.policeAgencyId,
        copyToAgencyId: t.procuratorateAgencyId,
        party: { name: c.partyName, creditCode: c.partyCreditCode },
        summary: t.teamSummary ?? t.facts,
        thresholdFacts: t.thresholdFacts,
        materials,
      });
    });
  }
}

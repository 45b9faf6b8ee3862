import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { DomainError, ErrorCodes, TransferCrimeSuspected } from '@casebridge/contracts';
import { ensureOwnAgency } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { AdministrativeCase } from '../../../cases/administrative-case.entity';
import { Transfer } from '../../transfer.entity';
import { CLOSED_PHASES, TRANSFER_PHASES } from '../../transfer.machine';
import { entry } from '@casebridge/platform';
import { SuspectCrimeCommand } from './suspect-crime.command';

/** Facts meet criminal thresholds: opens a transfer; starts transfer.team-report (R310 art 5(1)). */
@CommandHandler(SuspectCrimeCommand)
export class SuspectCrimeHandler implements ICommandHandler<SuspectCrimeCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  async execute({ officer, request }: SuspectCrimeCommand): Promise<{ transferId: string }> {
    return this.outbox.run(async (tx) => {
      const c = ensureOwnAgency(
        await tx.manager.findOne(AdministrativeCase, {
          where: { id: request.caseId },
          lock: { mode: 'pessimistic_write' },
        }),
        officer,
        { code: ErrorCodes.caseNotFound, message: `No case ${request.caseId} in your agency.` },
      );
      if (c.status === 'closed') throw new DomainError(ErrorCodes.caseClosed, 'conflict', 'This case is closed.');
      const open = await tx.manager.findOne(Transfer, {
        where: { caseId: c.id, phase: In(TRANSFER_PHASES.filter((p) => !CLOSED_PHASES.includes(p))) },
      });
      if (open)
        throw new DomainError(
          ErrorCodes.transferAlreadyDone,
          'conflict',
          `This case already has an open transfer (${open.id}, ${open.phase}).`,
          { transferId: open.id },
        );
      const now = new Date();
      const t = tx.manager.create(Transfer, {
        id: randomUUID(),
        caseId: c.id,
        linkedCaseId: c.linkedCaseId,
        agencyId: c.agencyId,
        phase: 'suspected',
        phaseAt: now,
        thresholdFacts: request.thresholdFacts,
        facts: request.facts,
        teamOfficerIds: null,
        teamSummary: null,
        refusalReasons: null,
        policeAgencyId: null,
        procuratorateAgencyId: null,
        materials: [],
        missingMaterials: [],
        policeCaseNumber: null,
        policeReasons: null,
        reviewVariant: 'standard',
        filingReviewOverdue: false,
        supervisionId: null,
        timeline: [entry('crime suspected: facts meet criminal thresholds', officer.sub, now)],
        openedAt: now,
      });
      await tx.manager.insert(Transfer, t);
      publishAs(
        tx,
        officer,
        TransferCrimeSuspected,
        c.linkedCaseId,
        {
          transferId: t.id,
          caseId: c.id,
          thresholdFacts: t.thresholdFacts,
          facts: t.facts,
        },
        { occurredAt: now },
      );
      return { transferId: t.id };
    });
  }
}

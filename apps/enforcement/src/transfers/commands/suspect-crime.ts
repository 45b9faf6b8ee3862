import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import {
  DomainError,
  ErrorCodes,
  THRESHOLD_FACTS,
  TransferCrimeSuspected,
  type ThresholdFact,
} from '@casebridge/contracts';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { AdministrativeCase } from '../../cases/administrative-case.entity';
import { Transfer } from '../transfer.entity';
import { CLOSED_PHASES, TRANSFER_PHASES } from '../transfer.machine';
import { BoundedArray, entry, IsId, IsText } from '@casebridge/platform';

export class SuspectCrimeRequest {
  @ApiProperty({
    example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01',
    format: 'uuid',
    description: 'the administrative case',
  })
  @IsId()
  caseId!: string;
  @ApiProperty({
    enum: THRESHOLD_FACTS,
    isArray: true,
    example: ['t3', 't5'],
    description: 'criminal-threshold facts met (法释〔2023〕7号 art 1)',
  })
  @BoundedArray(1, THRESHOLD_FACTS.length, 'name at least one threshold fact (t1…t11)')
  @IsIn(THRESHOLD_FACTS, { each: true, message: 'thresholdFacts must be among t1…t11' })
  thresholdFacts!: ThresholdFact[];
  @ApiProperty({ example: '总铬超标 5.2 倍，暗管排放' }) @IsText(4000) facts!: string;
}

export class SuspectCrimeCommand extends Command<{ transferId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: SuspectCrimeRequest,
  ) {
    super();
  }
}

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

import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { In, Not } from 'typeorm';
import { DomainError, ErrorCodes, FilingSupervisionOpened, type SupervisionGround } from '@casebridge/contracts';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { entry, IsText, withEntry } from '@casebridge/platform';
import { FILED_STATUSES, TransferCopy } from '../../transfer-copies/transfer-copy.entity';
import { FilingSupervision } from '../filing-supervision.entity';
import { CLOSED_SUPERVISION_PHASES, SupervisionErrorCodes } from '../filing-supervision.machine';

export class OpenSupervisionRequest {
  @ApiProperty({
    example: '5b0e8f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
    description: 'a transfer your agency holds a copy of',
  })
  @IsUUID('all', { message: 'transferId must be a UUID (the id of a transfer copy)' })
  transferId!: string;
  @ApiPropertyOptional({
    example: '公安机关逾期未作出立案决定，依职权启动立案监督',
    description: 'why supervision is opened; goes on file',
  })
  @IsOptional()
  @IsText(4000)
  note?: string;
}

export class OpenSupervisionCommand extends Command<{ supervisionId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: OpenSupervisionRequest,
  ) {
    super();
  }
}

/**
 * Opens filing supervision (立案监督) on a transfer copy of the officer's procuratorate: on the pending
 * request of the enforcement agency (its ground) or of its own motion. One open supervision per transfer.
 */
@CommandHandler(OpenSupervisionCommand)
export class OpenSupervisionHandler implements ICommandHandler<OpenSupervisionCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  async execute({ officer, request }: OpenSupervisionCommand): Promise<{ supervisionId: string }> {
    return this.outbox.run(async (tx) => {
      const copy = ensureOwnAgency(
        await tx.manager.findOne(TransferCopy, {
          where: { transferId: request.transferId },
          lock: { mode: 'pessimistic_write' },
        }),
        officer,
        { code: ErrorCodes.transferNotFound, message: `No copy of transfer ${request.transferId} in your agency.` },
      );
      if (FILED_STATUSES.includes(copy.status)) {
        throw new DomainError(
          SupervisionErrorCodes.policeAlreadyFiled,
          'conflict',
          `The police already filed this case (${copy.policeCaseNumber ?? copy.status}); there is nothing to supervise.`,
          { status: copy.status },
        );
      }
      const open = await tx.manager.findOne(FilingSupervision, {
        where: { transferId: copy.transferId, phase: Not(In([...CLOSED_SUPERVISION_PHASES])) },
      });
      if (open) {
        throw new DomainError(
          SupervisionErrorCodes.alreadyOpen,
          'conflict',
          `This transfer is already under filing supervision (${open.supervisionId}, ${open.phase}).`,
          { supervisionId: open.supervisionId },
        );
      }
      const ground: SupervisionGround =
        copy.supervisionRequested && copy.supervisionGround ? copy.supervisionGround : 'own-motion';
      const now = new Date();
      const s = tx.manager.create(FilingSupervision, {
        supervisionId: randomUUID(),
        transferId: copy.transferId,
        linkedCaseId: copy.linkedCaseId,
        procuratorateAgencyId: officer.agencyId,
        policeAgencyId: copy.policeAgencyId,
        enforcementAgencyId: copy.enforcementAgencyId,
        ground,
        phase: 'opened',
        question: null,
        policeReasons: null,
        noticeNumber: null,
        policeFileOverdue: false,
        escalatedTo: null,
        policeCaseNumber: null,
        timeline: [
          entry(`filing supervision opened (${ground})`, officer.sub, now, request.note ? { note: request.note } : {}),
        ],
        openedAt: now,
      });
      await tx.manager.insert(FilingSupervision, s);
      copy.supervisionRequested = false;
      copy.supervisionId = s.supervisionId;
      copy.timeline = withEntry(
        copy.timeline,
        entry(`filing supervision ${s.supervisionId} opened (${ground})`, officer.sub, now),
      );
      await tx.manager.save(copy);
      publishAs(
        tx,
        officer,
        FilingSupervisionOpened,
        copy.linkedCaseId,
        {
          supervisionId: s.supervisionId,
          transferId: copy.transferId,
          policeAgencyId: copy.policeAgencyId,
          enforcementAgencyId: copy.enforcementAgencyId,
          ground,
        },
        { occurredAt: now },
      );
      return { supervisionId: s.supervisionId };
    });
  }
}

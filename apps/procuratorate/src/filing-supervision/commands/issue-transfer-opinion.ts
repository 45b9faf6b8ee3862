import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  OUTSIDE_JURISDICTION,
  TransferProcuratorateOpinion,
  withinJurisdiction,
} from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { TransferCopy } from '../../transfer-copies/transfer-copy.entity';
import { SuspectedCrime } from '../suspected-crime.entity';
import { TransferOpinion } from '../transfer-opinion.entity';
import { IsText } from '@casebridge/platform';

export class TransferOpinionRequest {
  @ApiProperty({
    example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01',
    description: 'the enforcement agency’s administrative case',
  })
  @IsUUID('all', { message: 'caseId must be a UUID (the enforcement agency’s case id)' })
  caseId!: string;
  @ApiProperty({
    example: '01927c3e-8a4b-7c2d-9e1f-0a1b2c3d4e5f',
    description: 'the linked case (联动案件) the case belongs to',
  })
  @IsUUID('all', { message: 'linkedCaseId must be a UUID' })
  linkedCaseId!: string;
  @ApiProperty({ example: 'enforcement:210100' })
  @Matches(/^enforcement:\d{6}$/, {
    message: 'enforcementAgencyId must be an enforcement agency id such as enforcement:210100',
  })
  enforcementAgencyId!: string;
  @ApiProperty({ example: '经审查，该案涉嫌污染环境罪，应当依法移送公安机关' })
  @IsText(4000)
  reasons!: string;
}

export const OpinionErrorCodes = {
  alreadyIssued: 'OPINION.ALREADY_ISSUED',
  alreadyTransferred: 'OPINION.CASE_ALREADY_TRANSFERRED',
  caseNotKnown: 'OPINION.CASE_NOT_FOUND',
} as const;

export class IssueTransferOpinionCommand extends Command<{ transferId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: TransferOpinionRequest,
  ) {
    super();
  }
}

/**
 * Procuratorial opinion (检察意见) telling an enforcement agency to transfer a case (E17 art 14); the
 * agency owes the transfer within transfer.after-procuratorate-opinion (3 days) under the new transferId.
 */
@CommandHandler(IssueTransferOpinionCommand)
export class IssueTransferOpinionHandler implements ICommandHandler<IssueTransferOpinionCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  async execute({ officer, request }: IssueTransferOpinionCommand): Promise<{ transferId: string }> {
    if (!withinJurisdiction(officer.agencyId, request.enforcementAgencyId)) {
      // 404, like a case that does not exist: nothing is recorded, nothing reaches the other office
      throw new DomainError(
        OUTSIDE_JURISDICTION,
        'not-found',
        `${request.enforcementAgencyId} is not within your office's jurisdiction: no such case to give an opinion on.`,
      );
    }
    return this.outbox.run(async (tx) => {
      const same = { enforcementAgencyId: request.enforcementAgencyId, caseId: request.caseId };
      // Only a case this office has a record of, owned by the addressee under that linked case: what an
      // enforcement agency reported as a suspected crime (transfer.crime-suspected), or a transfer copy.
      const known = { ...same, linkedCaseId: request.linkedCaseId };
      const knows =
        (await tx.manager.existsBy(SuspectedCrime, known)) ||
        (await tx.manager.existsBy(TransferCopy, { agencyId: officer.agencyId, ...known }));
      if (!knows) {
        throw new DomainError(
          OpinionErrorCodes.caseNotKnown,
          'not-found',
          `No case ${request.caseId} of ${request.enforcementAgencyId} under linked case ${request.linkedCaseId} is known to your office (a suspected crime the agency reported, or a transfer copy): nothing was recorded.`,
        );
      }
      const earlier = await tx.manager.findOneBy(TransferOpinion, { agencyId: officer.agencyId, ...same });
      if (earlier) {
        throw new DomainError(
          OpinionErrorCodes.alreadyIssued,
          'conflict',
          `Your agency already told ${request.enforcementAgencyId} to transfer this case (transfer ${earlier.transferId}).`,
          { transferId: earlier.transferId },
        );
      }
      const copy = await tx.manager.findOneBy(TransferCopy, { agencyId: officer.agencyId, ...same });
      if (copy) {
        throw new DomainError(
          OpinionErrorCodes.alreadyTransferred,
          'conflict',
          `This case was already transferred to the police (transfer ${copy.transferId}, ${copy.status}).`,
          { transferId: copy.transferId },
        );
      }
      const now = new Date();
      const o = tx.manager.create(TransferOpinion, {
        transferId: randomUUID(),
        agencyId: officer.agencyId,
        caseId: request.caseId,
        linkedCaseId: request.linkedCaseId,
        enforcementAgencyId: request.enforcementAgencyId,
        reasons: request.reasons,
        issuedBy: officer.sub,
        issuedAt: now,
        transferSentAt: null,
      });
      await tx.manager.insert(TransferOpinion, o);
      publishAs(
        tx,
        officer,
        TransferProcuratorateOpinion,
        o.linkedCaseId,
        {
          transferId: o.transferId,
          caseId: o.caseId,
          enforcementAgencyId: o.enforcementAgencyId,
          reasons: o.reasons,
        },
        { occurredAt: now },
      );
      return { transferId: o.transferId };
    });
  }
}

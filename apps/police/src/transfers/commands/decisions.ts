import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  DomainError,
  ErrorCodes,
  FILING_OUTCOMES,
  FILING_REVIEW_VARIANTS,
  TransferFilingDecided,
  TransferReconsiderationDecided,
  TransferReviewExtended,
  type FilingOutcome,
  type FilingReviewVariant,
} from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs } from '@casebridge/messaging';
import { SupervisionMatter } from '../../supervision/supervision-matter.entity';
import { entry, IsId, IsText, RequiredWhen, withEntry } from '@casebridge/platform';
import { PoliceUnitOfWork } from '../police-unit-of-work';

export class ExtendReviewRequest {
  @ApiProperty({
    enum: FILING_REVIEW_VARIANTS.filter((v) => v !== 'standard'),
    example: 'major-complex',
    description:
      'verification: 7 days (leads to verify); major-complex: 30 days with approval of a county-level police head',
  })
  @IsIn(['verification', 'major-complex'], {
    message: 'variant must be verification (7 days) or major-complex (30 days, with approval)',
  })
  variant!: Exclude<FilingReviewVariant, 'standard'>;
  @ApiPropertyOptional({
    example: 'head-wang',
    description:
      'major-complex only, optional: the approver is the caller (a head) — ' +
      "the token's officer id is recorded; a different id is refused with 400 TRANSFER.APPROVER_NOT_CALLER",
  })
  @IsOptional()
  @IsText(128)
  approvedBy?: string;
  @ApiProperty({ example: '涉及跨区域排污，线索需核查' }) @IsText(4000) reasons!: string;
}
export class ExtendReviewCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: ExtendReviewRequest,
  ) {
    super();
  }
}
/** transfer.filing-review: 3 → 7 days (verification) or → 30 days (major-complex, approved) — E17 art 9; R310 art 8. */
@CommandHandler(ExtendReviewCommand)
export class ExtendReviewHandler implements ICommandHandler<ExtendReviewCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: ExtendReviewCommand): Promise<void> {
    if (request.variant === 'major-complex' && !officer.roles.includes('head')) {
      throw new DomainError(
        ErrorCodes.approvalRequired,
        'forbidden',
        'A 30-day review needs the approval of a county-level police head: a head must record it.',
      );
    }
    // the approval is the caller's own act: the approver is the head whose token this is, never a name typed in
    if (
      request.approvedBy !== undefined &&
      (request.variant !== 'major-complex' || request.approvedBy !== officer.sub)
    ) {
      throw new DomainError(
        ErrorCodes.approverNotCaller,
        'invalid',
        request.variant !== 'major-complex'
          ? 'approvedBy goes only with a 30-day (major-complex) review.'
          : `approvedBy must be you, the head recording the approval (${officer.sub}), not ${request.approvedBy}; you may leave it out.`,
      );
    }
    return this.uow.act(officer, transferId, 'extend-review', (t, tx) => {
      const order: FilingReviewVariant[] = ['standard', 'verification', 'major-complex'];
      if (order.indexOf(request.variant) <= order.indexOf(t.reviewVariant as FilingReviewVariant)) {
        throw new DomainError(
          'TRANSFER.EXTENSION_NOT_LONGER',
          'conflict',
          `The review is already "${t.reviewVariant}"; an extension must be longer.`,
        );
      }
      t.reviewVariant = request.variant;
      t.timeline = withEntry(
        t.timeline,
        entry(`filing review extended (${request.variant})`, officer.sub, new Date(), { note: request.reasons }),
      );
      publishAs(tx, officer, TransferReviewExtended, t.linkedCaseId, {
        transferId: t.id,
        variant: request.variant,
        reasons: request.reasons,
        ...(request.variant === 'major-complex' ? { approvedBy: officer.sub } : {}),
      });
    });
  }
}

export class DecideFilingRequest {
  @ApiProperty({
    enum: FILING_OUTCOMES,
    example: 'filed',
    description:
      'filed (立案); not-filed (reasons, file returned); returned-for-penalty (no crime, administrative violation)',
  })
  @IsIn(FILING_OUTCOMES, { message: `outcome must be one of ${FILING_OUTCOMES.join(', ')}` })
  outcome!: FilingOutcome;
  @ApiPropertyOptional({ example: '沈公（环）立字〔2025〕7号', description: 'required when filed' })
  @RequiredWhen(
    (o: DecideFilingRequest) => o.outcome === 'filed',
    'policeCaseNumber is required when the case is filed',
  )
  @IsText(64)
  policeCaseNumber?: string;
  @ApiPropertyOptional({ example: '现有证据不足以证明达到追诉标准', description: 'required unless filed' })
  @RequiredWhen(
    (o: DecideFilingRequest) => o.outcome !== 'filed',
    'reasons are required when not filing or returning the case',
  )
  @IsText(4000)
  reasons?: string;
  @ApiPropertyOptional({
    example: '7d3e1f0a-5b2c-4e8d-9a61-0c2f4b7e9d13',
    description: 'the procuratorate’s filing supervision this filing answers (通知立案)',
  })
  @IsOptional()
  @IsId()
  supervisionId?: string;
}
export class DecideFilingCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: DecideFilingRequest,
  ) {
    super();
  }
}
/**
 * Decision on filing (transfer.filing-review), notified to enforcement with a copy to the procuratorate
 * (transfer.decision-notice). After a notice to file (supervision.police-file) pass its supervisionId.
 */
@CommandHandler(DecideFilingCommand)
export class DecideFilingHandler implements ICommandHandler<DecideFilingCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: DecideFilingCommand): Promise<void> {
    const afterNotice = request.supervisionId !== undefined;
    if (afterNotice && request.outcome !== 'filed') {
      throw new DomainError(
        'SUPERVISION.MUST_FILE',
        'invalid',
        'After a notice to file the only answer here is outcome "filed" (JR art 563).',
      );
    }
    return this.uow.act(officer, transferId, afterNotice ? 'file-after-notice' : 'decide-filing', async (t, tx) => {
      if (afterNotice) {
        const matter = await tx.manager.findOne(SupervisionMatter, {
          where: { id: request.supervisionId, agencyId: officer.agencyId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!matter || matter.transferId !== t.id)
          throw new DomainError(
            ErrorCodes.supervisionNotFound,
            'not-found',
            'No filing supervision of this transfer with that id for your office.',
          );
        if (matter.phase !== 'notice-to-file')
          throw new DomainError(
            ErrorCodes.supervisionOutOfOrder,
            'conflict',
            `The procuratorate has not issued a notice to file (supervision is "${matter.phase}").`,
          );
        matter.phase = 'filed';
        matter.timeline = withEntry(matter.timeline, entry('filed after the notice to file', officer.sub));
        await tx.manager.save(matter);
      }
      t.phase = request.outcome;
      t.policeCaseNumber = request.policeCaseNumber ?? null;
      t.decisionReasons = request.reasons ?? null;
      t.timeline = withEntry(
        t.timeline,
        entry(
          `decision: ${request.outcome}`,
          officer.sub,
          new Date(),
          request.reasons ? { note: request.reasons } : {},
        ),
      );
      publishAs(tx, officer, TransferFilingDecided, t.linkedCaseId, {
        transferId: t.id,
        outcome: request.outcome,
        ...(request.policeCaseNumber ? { policeCaseNumber: request.policeCaseNumber } : {}),
        ...(request.reasons ? { reasons: request.reasons } : {}),
        ...(request.supervisionId ? { supervisionId: request.supervisionId } : {}),
      });
    });
  }
}

export class DecideReconsiderationRequest {
  @ApiProperty({ enum: ['upheld', 'reversed'], example: 'upheld' })
  @IsIn(['upheld', 'reversed'], { message: 'outcome must be upheld or reversed' })
  outcome!: 'upheld' | 'reversed';
  @ApiProperty({ example: '维持不予立案决定' }) @IsText(4000) reasons!: string;
  @ApiPropertyOptional({
    example: '沈公（环）立字〔2025〕9号',
    description: 'required when reversed (the case is filed)',
  })
  @RequiredWhen(
    (o: DecideReconsiderationRequest) => o.outcome === 'reversed',
    'policeCaseNumber is required when the refusal is reversed',
  )
  @IsText(64)
  policeCaseNumber?: string;
}
export class DecideReconsiderationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: DecideReconsiderationRequest,
  ) {
    super();
  }
}
/** Decision on reconsideration (transfer.reconsideration-decision, 3 working days). */
@CommandHandler(DecideReconsiderationCommand)
export class DecideReconsiderationHandler implements ICommandHandler<DecideReconsiderationCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: DecideReconsiderationCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'decide-reconsideration', (t, tx) => {
      t.phase = request.outcome === 'upheld' ? 'upheld' : 'filed';
      t.policeCaseNumber = request.policeCaseNumber ?? t.policeCaseNumber;
      t.timeline = withEntry(
        t.timeline,
        entry(`reconsideration: ${request.outcome}`, officer.sub, new Date(), { note: request.reasons }),
      );
      publishAs(tx, officer, TransferReconsiderationDecided, t.linkedCaseId, {
        transferId: t.id,
        outcome: request.outcome,
        reasons: request.reasons,
        ...(request.policeCaseNumber ? { policeCaseNumber: request.policeCaseNumber } : {}),
      });
    });
  }
}

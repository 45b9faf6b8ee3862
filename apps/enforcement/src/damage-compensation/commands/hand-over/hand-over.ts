import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { EdcConfirmationApplied, EdcSuitFiled } from '@casebridge/contracts';
import { courtOfSender } from '@casebridge/directory';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';
import { EdcCaseUnitOfWork, record } from '../../edc-case.record';

export class EdcCourtRequest {
  @ApiPropertyOptional({
    example: 'court:210100',
    description:
      'the court within your jurisdiction (the environmental jurisdiction map, 集中管辖: the court that hears your region, or a lower court of your city that hears its own district; else 404 AGENCY.OUTSIDE_JURISDICTION); default: the court the map gives your region, else the court of your region',
  })
  @IsOptional()
  @Matches(/^court:\d{6}$/, { message: 'courtAgencyId must be a court id such as court:210100' })
  courtAgencyId?: string;
}

/** The court of the claimant's case: `courtOfSender` (the jurisdiction map; 404 AGENCY.OUTSIDE_JURISDICTION). */
function courtOf(officer: OfficerClaims, asked: string | undefined): string {
  return courtOfSender(officer.agencyId, asked);
}

export class ApplyConfirmationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly edcCaseId: string,
    readonly request: EdcCourtRequest,
  ) {
    super();
  }
}

/** Applies to the court for judicial confirmation of the agreement (edc.confirmation-applied; the court announces ≥ 30 days). */
@CommandHandler(ApplyConfirmationCommand)
export class ApplyConfirmationHandler implements ICommandHandler<ApplyConfirmationCommand> {
  constructor(private readonly uow: EdcCaseUnitOfWork) {}

  execute({ officer, edcCaseId, request }: ApplyConfirmationCommand): Promise<void> {
    const court = courtOf(officer, request.courtAgencyId);
    return this.uow.act(officer, edcCaseId, 'apply-confirmation', (c, tx) => {
      record(
        tx,
        officer,
        c,
        EdcConfirmationApplied,
        {
          edcCaseId,
          courtAgencyId: court,
          claimantAgencyId: c.agencyId,
          agreementSummary: c.view.agreementSummary ?? '',
        },
        `applied to ${court} for judicial confirmation (edc.confirmation-announcement)`,
      );
    });
  }
}

export class CompensationSuitRequest extends EdcCourtRequest {
  @ApiProperty({ example: '判令被告修复受损农田，赔偿生态环境服务功能损失及鉴定费用共计 300 万元' })
  @IsText(4000)
  claim!: string;
}

export class SueForCompensationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly edcCaseId: string,
    readonly request: CompensationSuitRequest,
  ) {
    super();
  }
}

/** Head: sues the liable company for damage compensation after the consultation failed (edc.suit-filed). */
@CommandHandler(SueForCompensationCommand)
export class SueForCompensationHandler implements ICommandHandler<SueForCompensationCommand> {
  constructor(private readonly uow: EdcCaseUnitOfWork) {}

  execute({ officer, edcCaseId, request }: SueForCompensationCommand): Promise<void> {
    const court = courtOf(officer, request.courtAgencyId);
    return this.uow.act(officer, edcCaseId, 'sue', (c, tx) => {
      record(
        tx,
        officer,
        c,
        EdcSuitFiled,
        { edcCaseId, courtAgencyId: court, claimantAgencyId: c.agencyId, claim: request.claim },
        `damage compensation suit filed with ${court}`,
        request.claim,
      );
    });
  }
}

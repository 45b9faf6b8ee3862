import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  DomainError,
  ErrorCodes,
  PilRecommendationFiled,
  PilRecommendationServed,
  regionWithin,
} from '@casebridge/contracts';
import { isDivisionCode } from '@casebridge/directory';
import type { ProcuratoratePilAdminView } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';
import { AdminPilUnitOfWork, record } from '../../pil-case.record';

export class RecommendationRequest {
  @ApiProperty({ example: '沈检行公建〔2026〕1号', description: 'number of the 检察建议书' })
  @IsText(64)
  documentNumber!: string;
  @ApiProperty({
    enum: ['standard', 'urgent'],
    example: 'standard',
    description: 'urgent: the harm is ongoing, the agency replies within 15 days instead of 2 months (PILJI art 21)',
  })
  @IsIn(['standard', 'urgent'], { message: 'variant must be standard or urgent' })
  variant!: 'standard' | 'urgent';
}

export class IssueRecommendationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: RecommendationRequest,
  ) {
    super();
  }
}

/**
 * Serves the pre-litigation recommendation (诉前检察建议) on the respondent agency: starts pil.agency-reply
 * (2 months, 15 days urgent) for the agency and pil.recommendation-filing (5 days) for the procuratorate.
 */
@CommandHandler(IssueRecommendationCommand)
export class IssueRecommendationHandler implements ICommandHandler<IssueRecommendationCommand> {
  constructor(private readonly uow: AdminPilUnitOfWork) {}

  execute({ officer, pilCaseId, request }: IssueRecommendationCommand): Promise<void> {
    return this.uow.act(officer, pilCaseId, 'issue-recommendation', (c, tx) => {
      record(
        tx,
        officer,
        c,
        PilRecommendationServed,
        {
          pilCaseId,
          agencyId: c.respondentAgencyId!,
          documentNumber: request.documentNumber,
          variant: request.variant,
        },
        `recommendation ${request.documentNumber} served on ${c.respondentAgencyId} (pil.agency-reply, ${request.variant})`,
      );
    });
  }
}

export class RecommendationFilingRequest {
  @ApiPropertyOptional({
    example: 'procuratorate:210000',
    description: 'the next-level procuratorate; default: the one above yours (210100 → 210000, 210102 → 210100)',
  })
  @IsOptional()
  @Matches(/^procuratorate:\d{6}$/, {
    message: 'upperProcuratorateAgencyId must be a procuratorate id such as procuratorate:210000',
  })
  upperProcuratorateAgencyId?: string;
}

/** The procuratorate one level above (county → city → province). */
export function procuratorateAbove(agencyId: string): string {
  const region = agencyId.split(':')[1] ?? '000000';
  const up = region.endsWith('0000')
    ? '000000'
    : region.endsWith('00')
      ? `${region.slice(0, 2)}0000`
      : `${region.slice(0, 4)}00`;
  return `procuratorate:${up}`;
}

export class FileRecommendationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: RecommendationFilingRequest,
  ) {
    super();
  }
}

/** Files the recommendation with the next-level procuratorate (备案): closes pil.recommendation-filing. */
@CommandHandler(FileRecommendationCommand)
export class FileRecommendationHandler implements ICommandHandler<FileRecommendationCommand> {
  constructor(private readonly uow: AdminPilUnitOfWork) {}

  execute({ officer, pilCaseId, request }: FileRecommendationCommand): Promise<void> {
    return this.uow.act(officer, pilCaseId, 'file-recommendation', (c, tx) => {
      const filedAt = (c.view as ProcuratoratePilAdminView).filedUpwardAt;
      if (filedAt)
        throw new DomainError(
          ErrorCodes.pilAlreadyDone,
          'conflict',
          `You cannot file the recommendation upward: it was already filed (${filedAt}).`,
        );
      const upper = request.upperProcuratorateAgencyId ?? procuratorateAbove(c.procuratorateAgencyId);
      // the next level up (PILR21 art 75): a procuratorate whose division contains this one's, not this one or another
      // region's (attack round 4: procuratorate:999999 was accepted)
      const own = c.procuratorateAgencyId.split(':')[1] ?? '';
      const above = upper.split(':')[1] ?? '';
      if (above === own || !isDivisionCode(above) || !regionWithin(own, above))
        throw new DomainError(
          ErrorCodes.pilNotAboveProcuratorate,
          'invalid',
          `${upper} is not a procuratorate above ${c.procuratorateAgencyId}: file with the next level up (PILR21 art 75), e.g. ${procuratorateAbove(c.procuratorateAgencyId)}.`,
        );
      record(
        tx,
        officer,
        c,
        PilRecommendationFiled,
        { pilCaseId, upperProcuratorateAgencyId: upper },
        `recommendation filed with ${upper} (pil.recommendation-filing)`,
      );
    });
  }
}

import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PilAgencyReplied } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';
import { PilRecommendationUnitOfWork, record } from '../../pil-recommendation.record';

const OUTCOMES = ['corrected', 'partly-corrected', 'not-corrected'] as const;

export class AgencyReplyRequest {
  @ApiProperty({ enum: OUTCOMES, example: 'corrected' })
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome!: (typeof OUTCOMES)[number];
  @ApiProperty({ example: '危险废物已全部清运处置，对倾倒单位处罚款 20 万元，现场已复核' })
  @IsText(4000)
  reply!: string;
}

export class ReplyToRecommendationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: AgencyReplyRequest,
  ) {
    super();
  }
}

/** The office's written reply to the recommendation (pil.agency-reply: 2 months, 15 days urgent). */
@CommandHandler(ReplyToRecommendationCommand)
export class ReplyToRecommendationHandler implements ICommandHandler<ReplyToRecommendationCommand> {
  constructor(private readonly uow: PilRecommendationUnitOfWork) {}

  execute({ officer, pilCaseId, request }: ReplyToRecommendationCommand): Promise<void> {
    return this.uow.act(officer, pilCaseId, 'reply', (r, tx) => {
      record(
        tx,
        officer,
        r,
        PilAgencyReplied,
        { pilCaseId, outcome: request.outcome, reply: request.reply },
        `replied to the recommendation: ${request.outcome} (pil.agency-reply)`,
        request.reply,
      );
    });
  }
}

import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { PilAgencyActionRecorded } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';
import { PilRecommendationUnitOfWork, record } from '../../pil-recommendation.record';

export class AgencyActionRequest {
  @ApiProperty({ example: '已对倾倒单位立案调查，责令其十日内清运全部危险废物' })
  @IsText(4000)
  action!: string;
}

export class RecordAgencyActionCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: AgencyActionRequest,
  ) {
    super();
  }
}

/** Records an act the office took on the recommendation; pil.agency-reply keeps running. */
@CommandHandler(RecordAgencyActionCommand)
export class RecordAgencyActionHandler implements ICommandHandler<RecordAgencyActionCommand> {
  constructor(private readonly uow: PilRecommendationUnitOfWork) {}

  execute({ officer, pilCaseId, request }: RecordAgencyActionCommand): Promise<void> {
    return this.uow.act(officer, pilCaseId, 'record-action', (r, tx) => {
      record(
        tx,
        officer,
        r,
        PilAgencyActionRecorded,
        { pilCaseId, action: request.action },
        'action taken on the recommendation',
        request.action,
      );
    });
  }
}

import { Module } from '@nestjs/common';
import { RecordAgencyActionHandler } from './commands/record-action/record-action';
import { ReplyToRecommendationHandler } from './commands/reply/reply';
import { PilRecommendationUnitOfWork } from './pil-recommendation.record';
import { PilRecommendationsConsumer } from './pil-recommendations.consumer';
import { PilTrialConsumer } from './pil-trial.consumer';
import { PilRecommendationsHttpController } from './pil-recommendations.http.controller';
import { GetRecommendationHandler, ListRecommendationsHandler } from './queries/recommendation-queries';

/** The respondent side of administrative public-interest litigation (flows.md §4). */
@Module({
  controllers: [PilRecommendationsHttpController],
  providers: [
    PilRecommendationUnitOfWork,
    PilRecommendationsConsumer,
    PilTrialConsumer,
    RecordAgencyActionHandler,
    ReplyToRecommendationHandler,
    GetRecommendationHandler,
    ListRecommendationsHandler,
  ],
})
export class PilRecommendationsModule {}

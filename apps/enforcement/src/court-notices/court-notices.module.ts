import { Module } from '@nestjs/common';
import { CourtNoticesConsumer } from './court-notices.consumer';
import { CourtNoticesHttpController } from './court-notices.http.controller';
import { ListCourtNoticesHandler } from './queries/court-notice.queries';

/** The respondent side of a PIL at the court: the courts' notices to this office (flows.md §4). */
@Module({
  controllers: [CourtNoticesHttpController],
  providers: [CourtNoticesConsumer, ListCourtNoticesHandler],
})
export class CourtNoticesModule {}

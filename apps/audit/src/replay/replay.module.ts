import { Module } from '@nestjs/common';
import { CasesHttpController } from './cases.http.controller';
import { ExportCaseHandler, GetCaseHistoryHandler, GetCaseStateHandler } from './queries/case-queries';

/** Replay of one case: its history, its state as of an instant, its export. */
@Module({
  controllers: [CasesHttpController],
  providers: [GetCaseHistoryHandler, GetCaseStateHandler, ExportCaseHandler],
})
export class ReplayModule {}

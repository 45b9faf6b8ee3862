import { Module } from '@nestjs/common';
import { CasesHttpController } from './cases.http.controller';
import { AttachEvidenceHandler } from './commands/attach-evidence';
import { RegisterCaseHandler } from './commands/register-case';
import { GetCaseHandler, ListCasesHandler } from './queries/case-queries';

/** Administrative cases of the enforcement agency: registration, evidence, penalty clock. */
@Module({
  controllers: [CasesHttpController],
  providers: [RegisterCaseHandler, AttachEvidenceHandler, GetCaseHandler, ListCasesHandler],
})
export class CasesModule {}

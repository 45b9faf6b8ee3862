import { Module } from '@nestjs/common';
import { CasesHttpController } from './cases.http.controller';
import { GetCaseHandler } from './queries/get-case/get-case.handler';
import { ListCasesHandler } from './queries/list-cases/list-cases.handler';
import { AttachEvidenceHandler } from './commands/attach-evidence/attach-evidence.handler';
import { RegisterCaseHandler } from './commands/register-case/register-case.handler';

/** Administrative cases of the enforcement agency: registration, evidence, penalty clock. */
@Module({
  controllers: [CasesHttpController],
  providers: [RegisterCaseHandler, AttachEvidenceHandler, GetCaseHandler, ListCasesHandler],
})
export class CasesModule {}

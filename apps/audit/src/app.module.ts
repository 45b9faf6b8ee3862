import { Module } from '@nestjs/common';
import { HealthModule, serviceImports } from '@casebridge/platform';
import { AuditEnv } from './audit.env';

@Module({
  imports: [
    ...serviceImports({ service: 'audit', env: AuditEnv, database: 'casebridge_audit', agencyKinds: 'any' }),
    HealthModule.register(),
  ],
})
export class AppModule {}

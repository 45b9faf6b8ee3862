import { Module } from '@nestjs/common';
import { HealthModule, serviceImports } from '@casebridge/platform';
import { EnforcementEnv } from './enforcement.env';

@Module({
  imports: [
    ...serviceImports({ service: 'enforcement', env: EnforcementEnv, database: 'casebridge_enforcement', agencyKinds: ['enforcement'] }),
    HealthModule.register(),
  ],
})
export class AppModule {}

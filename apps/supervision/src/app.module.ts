import { Module } from '@nestjs/common';
import { HealthModule, serviceImports } from '@casebridge/platform';
import { SupervisionEnv } from './supervision.env';

@Module({
  imports: [
    ...serviceImports({ service: 'supervision', env: SupervisionEnv, database: 'casebridge_supervision', agencyKinds: 'any' }),
    HealthModule.register(),
  ],
})
export class AppModule {}

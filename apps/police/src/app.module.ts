import { Module } from '@nestjs/common';
import { HealthModule, serviceImports } from '@casebridge/platform';
import { PoliceEnv } from './police.env';

@Module({
  imports: [
    ...serviceImports({ service: 'police', env: PoliceEnv, database: 'casebridge_police', agencyKinds: ['police'] }),
    HealthModule.register(),
  ],
})
export class AppModule {}

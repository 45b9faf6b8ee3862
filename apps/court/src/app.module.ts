import { Module } from '@nestjs/common';
import { HealthModule, serviceImports } from '@casebridge/platform';
import { CourtEnv } from './court.env';

@Module({
  imports: [
    ...serviceImports({ service: 'court', env: CourtEnv, database: 'casebridge_court', agencyKinds: ['court'] }),
    HealthModule.register(),
  ],
})
export class AppModule {}

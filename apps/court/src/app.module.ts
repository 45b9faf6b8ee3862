import { Module } from '@nestjs/common';
import { HealthModule, serviceImports } from '@casebridge/platform';
import { CourtEnv } from './court.env';
import { COURT_SCHEMA } from './schema';

@Module({
  imports: [
    ...serviceImports({ service: 'court', env: CourtEnv, schema: COURT_SCHEMA, agencyKinds: ['court'] }),
    HealthModule.register(),
  ],
})
export class AppModule {}

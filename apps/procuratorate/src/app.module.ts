import { Module } from '@nestjs/common';
import { HealthModule, serviceImports } from '@casebridge/platform';
import { ProcuratorateEnv } from './procuratorate.env';

@Module({
  imports: [
    ...serviceImports({ service: 'procuratorate', env: ProcuratorateEnv, database: 'casebridge_procuratorate', agencyKinds: ['procuratorate'] }),
    HealthModule.register(),
  ],
})
export class AppModule {}

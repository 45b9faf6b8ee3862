// The supervision service's own versioned migrations, oldest first (shared sets come from their libs: see
// ../schema.ts). `npm run migration:generate -- supervision <Name>` adds to this list.
import type { MigrationInterface } from 'typeorm';
import { CreateSupervisionTables1795971159166 } from './1795971159166-CreateSupervisionTables';
import { StepScopeIndexAndTally1795971160000 } from './1795971160000-StepScopeIndexAndTally';
import { StepKeyAndOwner1796525556833 } from './1796525556833-StepKeyAndOwner';
import { RuleTimingRescan1796576025298 } from './1796576025298-RuleTimingRescan';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateSupervisionTables1795971159166,
  StepScopeIndexAndTally1795971160000,
  StepKeyAndOwner1796525556833,
  RuleTimingRescan1796576025298,
];

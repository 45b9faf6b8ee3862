// The police service's own versioned migrations, oldest first (shared sets come from their libs: see
// ../schema.ts). `npm run migration:generate -- police <Name>` adds to this list.
import type { MigrationInterface } from 'typeorm';
import { CreatePoliceTables1795971148409 } from './1795971148409-CreatePoliceTables';
import { AddPreviousPhase1795974774467 } from './1795974774467-AddPreviousPhase';
import { AddIncomingTransferPhaseAt1796525481965 } from './1796525481965-AddIncomingTransferPhaseAt';
import { AddSupervisionMatterPhaseAt1796534916178 } from './1796534916178-AddSupervisionMatterPhaseAt';
import { AddPoliceProsecution1796535248903 } from './1796535248903-AddPoliceProsecution';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreatePoliceTables1795971148409,
  AddPreviousPhase1795974774467,
  AddIncomingTransferPhaseAt1796525481965,
  AddSupervisionMatterPhaseAt1796534916178,
  AddPoliceProsecution1796535248903,
];

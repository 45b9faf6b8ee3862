// The procuratorate service's own versioned migrations, oldest first (shared sets come from their libs: see
// ../schema.ts). `npm run migration:generate -- procuratorate <Name>` adds to this list.
import type { MigrationInterface } from 'typeorm';
import { CreateProcuratorateTables1795971153615 } from './1795971153615-CreateProcuratorateTables';
import { AddPoliceExplainOverdue1795974778837 } from './1795974778837-AddPoliceExplainOverdue';
import { AddSuspectedCrime1795976508997 } from './1795976508997-AddSuspectedCrime';
import { AddFilingSupervisionPhaseAt1796534919733 } from './1796534919733-AddFilingSupervisionPhaseAt';
import { AddProsecutionReview1796535434734 } from './1796535434734-AddProsecutionReview';
import { AddPilCases1796536170761 } from './1796536170761-AddPilCases';
import { AddCourtTrial1796545455114 } from './1796545455114-AddCourtTrial';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateProcuratorateTables1795971153615,
  AddPoliceExplainOverdue1795974778837,
  AddSuspectedCrime1795976508997,
  AddFilingSupervisionPhaseAt1796534919733,
  AddProsecutionReview1796535434734,
  AddPilCases1796536170761,
  AddCourtTrial1796545455114,
];

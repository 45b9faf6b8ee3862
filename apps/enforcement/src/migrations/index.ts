// The enforcement service's own versioned migrations, oldest first (shared sets come from their libs: see
// ../schema.ts). `npm run migration:generate -- enforcement <Name>` adds to this list.
import type { MigrationInterface } from 'typeorm';
import { CreateEnforcementTables1795971143085 } from './1795971143085-CreateEnforcementTables';
import { AddTransferPreviousPhase1795974772632 } from './1795974772632-AddTransferPreviousPhase';
import { AddTransferPhaseAt1796525472262 } from './1796525472262-AddTransferPhaseAt';
import { AddProsecutionNotice1796535542602 } from './1796535542602-AddProsecutionNotice';
import { AddCourtNotices1796535721000 } from './1796535721000-AddCourtNotices';
import { AddPilRecommendationsAndEdcCases1796536414385 } from './1796536414385-AddPilRecommendationsAndEdcCases';
import { AddPilTrial1796546167179 } from './1796546167179-AddPilTrial';
import { UniqueEdcNoticeNumber1796546639423 } from './1796546639423-UniqueEdcNoticeNumber';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateEnforcementTables1795971143085,
  AddTransferPreviousPhase1795974772632,
  AddTransferPhaseAt1796525472262,
  AddProsecutionNotice1796535542602,
  AddCourtNotices1796535721000,
  AddPilRecommendationsAndEdcCases1796536414385,
  AddPilTrial1796546167179,
  UniqueEdcNoticeNumber1796546639423,
];

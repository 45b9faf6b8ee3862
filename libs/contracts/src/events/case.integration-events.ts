import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../registry';
import { CustodyEntry, MATERIAL_KINDS, PartyRef, type MaterialKind } from './common';

/** Enforcement registered an administrative case (立案). Starts penalty.decision-period. */
export class CaseRegisteredV1 {
  @IsUUID() caseId!: string;
  @IsString() @MaxLength(64) caseNumber!: string;
  @Matches(/^\d{6}$/) region!: string;
  @ValidateNested() @Type(() => PartyRef) party!: PartyRef;
  @IsString() @MinLength(1) @MaxLength(2000) violation!: string;
  @IsISO8601({ strict: true }) discoveredAt!: string;
}
export const CaseRegistered = defineEvent({
  type: 'case.registered',
  version: 1,
  payload: CaseRegisteredV1,
  producers: ['enforcement'],
  description: 'An administrative case was registered by the enforcement agency.',
});

/** Evidence item with content hash and custody trail (flows.md §1 step 3). */
export class EvidenceAttachedV1 {
  @IsUUID() caseId!: string;
  @IsUUID() evidenceId!: string;
  @IsIn(MATERIAL_KINDS) kind!: MaterialKind;
  @IsString() @MaxLength(255) fileName!: string;
  @Matches(/^[a-f0-9]{64}$/) sha256!: string;
  @IsInt() @Min(0) sizeBytes!: number;
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CustodyEntry) custody!: CustodyEntry[];
}
export const EvidenceAttached = defineEvent({
  type: 'evidence.attached',
  version: 1,
  payload: EvidenceAttachedV1,
  producers: ['enforcement'],
  description: 'An evidence item was attached to an administrative case.',
});

/** The administrative-penalty clock (penalty.decision-period) was suspended or resumed (E17 art 16). */
export class PenaltyClockChangedV1 {
  @IsUUID() caseId!: string;
  @IsIn(['suspended', 'running']) state!: 'suspended' | 'running';
  @IsString() @MaxLength(500) reason!: string;
}
export const PenaltyClockChanged = defineEvent({
  type: 'penalty.clock-changed',
  version: 1,
  payload: PenaltyClockChangedV1,
  producers: ['enforcement'],
  description: 'penalty.decision-period suspended (case with the police) or resumed (case returned).',
});

export const CASE_EVENTS = [CaseRegistered, EvidenceAttached, PenaltyClockChanged];

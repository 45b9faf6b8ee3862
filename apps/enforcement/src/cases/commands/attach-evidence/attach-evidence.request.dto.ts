import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { MATERIAL_KINDS, type MaterialKind } from '@casebridge/contracts';
import { IsBoundedInt, IsInstantWithOffset, IsText, NestedArray } from '@casebridge/platform';

/** Largest evidence file size accepted: 1 TiB (bytes). */
export const MAX_EVIDENCE_BYTES = 2 ** 40;

export class CustodyStepDto {
  @ApiProperty({ example: '2025-09-20T11:00:00+08:00', description: 'ISO-8601 instant with offset, not in the future' })
  @IsInstantWithOffset({ notInFuture: true })
  at!: string;
  @ApiProperty({ example: 'officer-zhang', minLength: 1, maxLength: 128 }) @IsText(128) by!: string;
  @ApiProperty({ example: 'sampled at outlet 2, sealed bag 0091', minLength: 1, maxLength: 200 })
  @IsText(200)
  action!: string;
}

export class AttachEvidenceRequest {
  @ApiProperty({ enum: MATERIAL_KINDS, example: 'monitoring-report', description: 'category of E17 art 6' })
  @IsIn(MATERIAL_KINDS, { message: `kind must be one of ${MATERIAL_KINDS.join(', ')}` })
  kind!: MaterialKind;
  @ApiProperty({ example: '监测报告-2025-0917.pdf' }) @IsText(255) fileName!: string;
  @ApiProperty({
    example: 'a3f1c2d4e5b6978812345678901234567890abcdef1234567890abcdef123456',
    description: 'SHA-256 of the file content, 64 lowercase hex characters',
  })
  @Matches(/^[a-f0-9]{64}$/, { message: 'sha256 must be 64 lowercase hexadecimal characters' })
  sha256!: string;
  @ApiProperty({
    example: 482113,
    minimum: 0,
    maximum: MAX_EVIDENCE_BYTES,
    description: 'file size in bytes (at most 1 TiB)',
  })
  @IsBoundedInt(0, MAX_EVIDENCE_BYTES)
  sizeBytes!: number;
  @ApiProperty({
    type: [CustodyStepDto],
    minItems: 1,
    maxItems: 100,
    description: 'the custody trail (who held the item when): at least the collecting step',
  })
  @NestedArray(() => CustodyStepDto, {
    min: 1,
    max: 100,
    minMessage: 'custody must record at least one step (who collected the item, when)',
  })
  custody!: CustodyStepDto[];
}

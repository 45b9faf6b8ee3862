import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MATERIAL_KINDS, type MaterialItem, type MaterialKind } from '@casebridge/contracts';
import { IsId, IsText, NestedArray } from '@casebridge/platform';

export class MaterialDto {
  @ApiProperty({ enum: MATERIAL_KINDS, example: 'investigation-report' })
  @IsIn(MATERIAL_KINDS, { message: `materials[].kind must be one of ${MATERIAL_KINDS.join(', ')}` })
  kind!: MaterialKind;
  @ApiProperty({ example: '案件调查报告', minLength: 1, maxLength: 200 }) @IsText(200) title!: string;
  @ApiPropertyOptional({
    example: '9d261b51-5a97-4f78-a768-c3c304629b5f',
    description:
      'an evidence item of the case (the evidenceId that POST /cases/{caseId}/evidence answered); its SHA-256 travels with the transfer',
  })
  @IsOptional()
  @IsId()
  evidenceId?: string;
}

/** Most items one materials list may carry. */
export const MAX_MATERIALS = 500;

export class MaterialsRequest {
  @ApiProperty({ type: [MaterialDto], minItems: 1, maxItems: MAX_MATERIALS })
  @NestedArray(() => MaterialDto, { min: 1, max: MAX_MATERIALS })
  items!: MaterialDto[];
}

export function toItems(items: MaterialDto[]): MaterialItem[] {
  return items.map((m) => ({ kind: m.kind, title: m.title, ...(m.evidenceId ? { evidenceId: m.evidenceId } : {}) }));
}

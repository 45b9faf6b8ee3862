import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

import { MATERIAL_KINDS, type MaterialKind } from '@casebridge/contracts';
import { BoundedArray, IsText } from '@casebridge/platform';

export class RequestMaterialsRequest {
  @ApiProperty({ enum: MATERIAL_KINDS, isArray: true, example: ['monitoring-report'] })
  @BoundedArray(1, MATERIAL_KINDS.length, 'missing must list at least one kind of material')
  @IsIn(MATERIAL_KINDS, { each: true, message: `missing must list kinds among ${MATERIAL_KINDS.join(', ')}` })
  missing!: MaterialKind[];
  @ApiProperty({ example: '缺少监测报告原件' }) @IsText(4000) note!: string;
}

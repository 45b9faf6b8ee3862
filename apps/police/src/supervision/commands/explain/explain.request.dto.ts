import { ApiProperty } from '@nestjs/swagger';

import { IsText } from '@casebridge/platform';

export class ExplainRequest {
  @ApiProperty({ example: '经审查，排放浓度未达到追诉标准，理由如下……' })
  @IsText(4000)
  reasons!: string;
}

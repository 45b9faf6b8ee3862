import { ApiProperty } from '@nestjs/swagger';

import { IsText } from '@casebridge/platform';

export class ReasonsRequest {
  @ApiProperty({ example: '监测数据表明已达追诉标准，请予复议' }) @IsText(4000) reasons!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@casebridge/platform';

export class ReturnForInvestigationRequest {
  @ApiProperty({
    example: '现有证据不足以证明排放量，需补充鉴定意见',
    description: 'what the police are to investigate further (补充侦查提纲)',
  })
  @IsText(4000)
  reasons!: string;
}

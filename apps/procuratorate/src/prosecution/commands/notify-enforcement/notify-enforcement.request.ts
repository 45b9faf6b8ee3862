import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText } from '@casebridge/platform';

export class NotifyEnforcementRequest {
  @ApiPropertyOptional({
    example: '建议对该公司依法给予行政处罚',
    description: '检察意见 proposing an administrative penalty; default: the one given with the decision',
  })
  @IsOptional()
  @IsText(4000)
  penaltyOpinion?: string;
}

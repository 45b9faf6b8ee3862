import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsText, RequiredWhen } from '@casebridge/platform';

export class HeadDecisionRequest {
  @ApiProperty({ enum: ['approved', 'refused'], example: 'approved' })
  @IsIn(['approved', 'refused'], { message: 'decision must be approved or refused' })
  decision!: 'approved' | 'refused';
  @ApiPropertyOptional({ example: '证据不足以认定达到追诉标准', description: 'required when refusing; goes on file' })
  @RequiredWhen((o: HeadDecisionRequest) => o.decision === 'refused', 'reasons are required when refusing a transfer')
  @IsText(4000)
  reasons?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FILING_OUTCOMES, type FilingOutcome } from '@casebridge/contracts';
import { IsId, IsText, RequiredWhen } from '@casebridge/platform';

export class DecideFilingRequest {
  @ApiProperty({
    enum: FILING_OUTCOMES,
    example: 'filed',
    description:
      'filed (立案); not-filed (reasons, file returned); returned-for-penalty (no crime, administrative violation)',
  })
  @IsIn(FILING_OUTCOMES, { message: `outcome must be one of ${FILING_OUTCOMES.join(', ')}` })
  outcome!: FilingOutcome;
  @ApiPropertyOptional({ example: '沈公（环）立字〔2025〕7号', description: 'required when filed' })
  @RequiredWhen(
    (o: DecideFilingRequest) => o.outcome === 'filed',
    'policeCaseNumber is required when the case is filed',
  )
  @IsText(64)
  policeCaseNumber?: string;
  @ApiPropertyOptional({ example: '现有证据不足以证明达到追诉标准', description: 'required unless filed' })
  @RequiredWhen(
    (o: DecideFilingRequest) => o.outcome !== 'filed',
    'reasons are required when not filing or returning the case',
  )
  @IsText(4000)
  reasons?: string;
  @ApiPropertyOptional({
    example: '7d3e1f0a-5b2c-4e8d-9a61-0c2f4b7e9d13',
    description: 'the procuratorate’s filing supervision this filing answers (通知立案)',
  })
  @IsOptional()
  @IsId()
  supervisionId?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsText, RequiredWhen } from '@casebridge/platform';

export class DecideReconsiderationRequest {
  @ApiProperty({ enum: ['upheld', 'reversed'], example: 'upheld' })
  @IsIn(['upheld', 'reversed'], { message: 'outcome must be upheld or reversed' })
  outcome!: 'upheld' | 'reversed';
  @ApiProperty({ example: '维持不予立案决定' }) @IsText(4000) reasons!: string;
  @ApiPropertyOptional({
    example: '沈公（环）立字〔2025〕9号',
    description: 'required when reversed (the case is filed)',
  })
  @RequiredWhen(
    (o: DecideReconsiderationRequest) => o.outcome === 'reversed',
    'policeCaseNumber is required when the refusal is reversed',
  )
  @IsText(64)
  policeCaseNumber?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { THRESHOLD_FACTS, type ThresholdFact } from '@casebridge/contracts';
import { BoundedArray, IsId, IsText } from '@casebridge/platform';

export class SuspectCrimeRequest {
  @ApiProperty({
    example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01',
    format: 'uuid',
    description: 'the administrative case',
  })
  @IsId()
  caseId!: string;
  @ApiProperty({
    enum: THRESHOLD_FACTS,
    isArray: true,
    example: ['t3', 't5'],
    description: 'criminal-threshold facts met (法释〔2023〕7号 art 1)',
  })
  @BoundedArray(1, THRESHOLD_FACTS.length, 'name at least one threshold fact (t1…t11)')
  @IsIn(THRESHOLD_FACTS, { each: true, message: 'thresholdFacts must be among t1…t11' })
  thresholdFacts!: ThresholdFact[];
  @ApiProperty({ example: '总铬超标 5.2 倍，暗管排放' }) @IsText(4000) facts!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@casebridge/platform';

export class ExtendProsecutionReviewRequest {
  @ApiProperty({
    example: '案情重大复杂，涉及多个排污点位，需补充审查',
    description: 'why the case is major or complex (recorded with the extension)',
  })
  @IsText(4000)
  reasons!: string;
}

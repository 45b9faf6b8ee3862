import { ApiProperty } from '@nestjs/swagger';
import { IsText, NestedArray } from '@casebridge/platform';
import { CaseFileItemRequest } from '../case-file-item.request';

export class ResubmitRequest {
  @ApiProperty({ example: '补充侦查终结：补充鉴定意见及证人证言' })
  @IsText(4000)
  summary!: string;
  @ApiProperty({
    type: [CaseFileItemRequest],
    description: 'items added to the case file in this round (1–500)',
    minItems: 1,
    maxItems: 500,
  })
  @NestedArray(() => CaseFileItemRequest, {
    min: 1,
    max: 500,
    minMessage: 'caseFile needs at least one item: what the supplementary investigation added',
  })
  caseFile!: CaseFileItemRequest[];
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { IsText } from '@casebridge/platform';
import { CaseFileItemRequest } from '../case-file-item.request';

export class ResubmitRequest {
  @ApiProperty({ example: '补充侦查终结：补充鉴定意见及证人证言' })
  @IsText(4000)
  summary!: string;
  @ApiProperty({ type: [CaseFileItemRequest], description: 'items added to the case file in this round (0–500)' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CaseFileItemRequest)
  caseFile!: CaseFileItemRequest[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsText, NestedArray } from '@casebridge/platform';
import { CaseFileItemRequest } from '../case-file-item.request';

export class TransferForProsecutionRequest {
  @ApiProperty({
    example: '0193a2c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b',
    description: 'the transfer your office filed (立案)',
  })
  @IsUUID('all', { message: 'transferId must be a UUID (a transfer your office filed)' })
  transferId!: string;
  @ApiPropertyOptional({
    example: 'procuratorate:210100',
    description: 'the procuratorate to review it; default: the procuratorate of your region',
  })
  @IsOptional()
  @Matches(/^procuratorate:\d{6}$/, {
    message: 'procuratorateAgencyId must be a procuratorate id such as procuratorate:210100',
  })
  procuratorateAgencyId?: string;
  @ApiProperty({ example: '犯罪嫌疑人通过暗管排放含铬废水，涉嫌污染环境罪，侦查终结' })
  @IsText(4000)
  summary!: string;
  @ApiProperty({
    type: [CaseFileItemRequest],
    description: 'the case file: 1–500 items, each with its SHA-256',
    minItems: 1,
    maxItems: 500,
  })
  @NestedArray(() => CaseFileItemRequest, { min: 1, max: 500, minMessage: 'caseFile needs at least one item' })
  caseFile!: CaseFileItemRequest[];
}

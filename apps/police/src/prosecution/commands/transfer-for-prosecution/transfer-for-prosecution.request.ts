import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IsText } from '@casebridge/platform';
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
  @ApiProperty({ type: [CaseFileItemRequest], description: 'the case file: 1–500 items, each with its SHA-256' })
  @IsArray()
  @ArrayMinSize(1, { message: 'the case file needs at least one item' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CaseFileItemRequest)
  caseFile!: CaseFileItemRequest[];
}

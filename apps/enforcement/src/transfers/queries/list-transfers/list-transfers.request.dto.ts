import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsId } from '@casebridge/platform';

export class ListTransfersRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'only transfers of this administrative case' })
  @IsOptional()
  @IsId()
  caseId?: string;
}

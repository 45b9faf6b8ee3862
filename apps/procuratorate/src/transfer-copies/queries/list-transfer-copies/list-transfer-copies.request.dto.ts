import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TRANSFER_COPY_STATUSES, type TransferCopyStatus } from '../../transfer-copy.entity';

export class ListTransferCopiesRequest {
  @ApiPropertyOptional({ enum: TRANSFER_COPY_STATUSES, example: 'not-filed' })
  @IsOptional()
  @IsIn(TRANSFER_COPY_STATUSES, { message: `status must be one of ${TRANSFER_COPY_STATUSES.join(', ')}` })
  status?: TransferCopyStatus;
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    example: 'true',
    description: 'only copies with (true) or without (false) a pending request for filing supervision',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'supervisionRequested must be true or false' })
  supervisionRequested?: 'true' | 'false';
}

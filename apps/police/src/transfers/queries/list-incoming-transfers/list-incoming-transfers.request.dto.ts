import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INCOMING_PHASES, type IncomingPhase } from '../../incoming-transfer.machine';

export class ListIncomingTransfersRequest {
  @ApiPropertyOptional({ enum: INCOMING_PHASES, description: 'only transfers in this phase' })
  @IsOptional()
  @IsIn(INCOMING_PHASES, { message: `phase must be one of ${INCOMING_PHASES.join(', ')}` })
  phase?: IncomingPhase;
}

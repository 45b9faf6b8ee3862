import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FILING_SUPERVISION_PHASES, type FilingSupervisionPhase } from '../../filing-supervision.machine';

export class ListSupervisionsRequest {
  @ApiPropertyOptional({ enum: FILING_SUPERVISION_PHASES, example: 'notice-to-file' })
  @IsOptional()
  @IsIn(FILING_SUPERVISION_PHASES, { message: `phase must be one of ${FILING_SUPERVISION_PHASES.join(', ')}` })
  phase?: FilingSupervisionPhase;
  @ApiPropertyOptional({ description: 'only supervisions of this transfer' })
  @IsOptional()
  @IsUUID('all', { message: 'transferId must be a UUID' })
  transferId?: string;
}

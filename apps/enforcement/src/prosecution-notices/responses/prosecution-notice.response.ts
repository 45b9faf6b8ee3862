import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProsecutionNotice } from '../prosecution-notice.entity';

/** A non-prosecution notice as the enforcement agency reads it (E17 art 18). */
export class ProsecutionNoticeResponse {
  @ApiProperty({ example: '0193a2c4-5b6d-7e8f-9a0b-1c2d3e4f5a6c', description: 'the prosecution' })
  prosecutionId!: string;
  @ApiProperty() linkedCaseId!: string;
  @ApiProperty({ description: 'your transfer the case came from' }) transferId!: string;
  @ApiProperty({ description: 'your administrative case; its penalty clock resumed' }) caseId!: string;
  @ApiProperty({ example: 'procuratorate:210100' }) procuratorateAgencyId!: string;
  @ApiProperty({ example: '犯罪情节轻微，不需要判处刑罚' }) reasons!: string;
  @ApiPropertyOptional({
    type: String,
    example: '建议对该公司依法给予行政处罚',
    nullable: true,
    description: '检察意见',
  })
  penaltyOpinion!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) notifiedAt!: string;

  static of(n: ProsecutionNotice): ProsecutionNoticeResponse {
    return {
      prosecutionId: n.id,
      linkedCaseId: n.linkedCaseId,
      transferId: n.transferId,
      caseId: n.caseId,
      procuratorateAgencyId: n.view.procuratorateAgencyId,
      reasons: n.view.reasons,
      penaltyOpinion: n.view.penaltyOpinion,
      notifiedAt: n.notifiedAt.toISOString(),
    };
  }
}

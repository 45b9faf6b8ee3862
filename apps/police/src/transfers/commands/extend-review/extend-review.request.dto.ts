import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FILING_REVIEW_VARIANTS, type FilingReviewVariant } from '@casebridge/contracts';
import { IsText } from '@casebridge/platform';

export class ExtendReviewRequest {
  @ApiProperty({
    enum: FILING_REVIEW_VARIANTS.filter((v) => v !== 'standard'),
    example: 'major-complex',
    description:
      'verification: 7 days (leads to verify); major-complex: 30 days with approval of a county-level police head',
  })
  @IsIn(['verification', 'major-complex'], {
    message: 'variant must be verification (7 days) or major-complex (30 days, with approval)',
  })
  variant!: Exclude<FilingReviewVariant, 'standard'>;
  @ApiPropertyOptional({
    example: 'head-wang',
    description:
      'major-complex only, optional: the approver is the caller (a head) — ' +
      "the token's officer id is recorded; a different id is refused with 400 TRANSFER.APPROVER_NOT_CALLER",
  })
  @IsOptional()
  @IsText(128)
  approvedBy?: string;
  @ApiProperty({ example: '涉及跨区域排污，线索需核查' }) @IsText(4000) reasons!: string;
}

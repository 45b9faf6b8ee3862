import { ApiProperty, ApiPropertyOptional, type ExamplesObject } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { THRESHOLD_FACTS, type MaterialKind, type ThresholdFact } from '@casebridge/contracts';
import { BoundedArray, NestedArray } from '@casebridge/platform';
import { MaterialDto, MAX_MATERIALS } from '../materials.dto';

/** E17 art 6: a transfer carries at least the transfer letter and the investigation report. */
export const REQUIRED_MATERIALS: readonly MaterialKind[] = ['transfer-letter', 'investigation-report'];

export class SendTransferRequest {
  @ApiProperty({
    type: [MaterialDto],
    minItems: 1,
    maxItems: MAX_MATERIALS,
    description: `materials list (E17 art 6); required kinds: ${REQUIRED_MATERIALS.join(', ')}`,
  })
  @NestedArray(() => MaterialDto, { min: 1, max: MAX_MATERIALS })
  materials!: MaterialDto[];
  @ApiPropertyOptional({
    example: 'police:210100',
    description:
      'receiving police agency within your jurisdiction (your region, or the jurisdiction map; else 404 AGENCY.OUTSIDE_JURISDICTION); default: the police of your region (same level)',
  })
  @IsOptional()
  @Matches(/^police:\d{6}$/, { message: 'toAgencyId must be a police agency id such as police:210100' })
  toAgencyId?: string;
  @ApiPropertyOptional({
    example: 'procuratorate:210100',
    description: 'procuratorate receiving the copy, within your jurisdiction; default: of your region',
  })
  @IsOptional()
  @Matches(/^procuratorate:\d{6}$/, {
    message: 'copyToAgencyId must be a procuratorate id such as procuratorate:210100',
  })
  copyToAgencyId?: string;
  @ApiPropertyOptional({
    enum: THRESHOLD_FACTS,
    isArray: true,
    example: ['t3'],
    description:
      'criminal-threshold facts met (法释〔2023〕7号 art 1): only for a transfer opened by a procuratorial opinion on which none are on record yet (else 400 TRANSFER.THRESHOLD_FACTS_FIXED); such a transfer cannot be sent without them (400 TRANSFER.THRESHOLD_FACTS_REQUIRED)',
  })
  @IsOptional()
  @BoundedArray(1, THRESHOLD_FACTS.length, 'name at least one threshold fact (t1…t11)')
  @IsIn(THRESHOLD_FACTS, { each: true, message: 'thresholdFacts must be among t1…t11' })
  thresholdFacts?: ThresholdFact[];
}

const LETTER_AND_REPORT = [
  { kind: 'transfer-letter', title: '涉嫌犯罪案件移送书' },
  { kind: 'investigation-report', title: '案件调查报告' },
];

/**
 * Whole request bodies /docs offers for "Try it out". The schema's own example, composed from the field examples,
 * names one material and threshold facts, which an ordinary send refuses (TRANSFER.MATERIALS_REQUIRED,
 * TRANSFER.THRESHOLD_FACTS_FIXED); these bodies are accepted as they stand by a transfer in the state they name.
 */
export const SEND_TRANSFER_EXAMPLES: ExamplesObject = {
  ordinary: {
    summary: 'a transfer the head approved (materials required by E17 art 6)',
    value: { materials: LETTER_AND_REPORT },
  },
  onProcuratorialOpinion: {
    summary: 'a transfer opened by a procuratorial opinion with no threshold facts on record yet',
    value: { materials: LETTER_AND_REPORT, thresholdFacts: ['t3'] },
  },
};

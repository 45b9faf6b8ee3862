import { ApiProperty, ApiPropertyOptional, type ExamplesObject } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsText, RequiredWhen } from '@casebridge/platform';

export const PROSECUTION_OUTCOMES = ['indicted', 'not-prosecuted'] as const;

export class DecideProsecutionRequest {
  @ApiProperty({
    enum: PROSECUTION_OUTCOMES,
    example: 'indicted',
    description: 'indict (起诉) or not prosecute (不起诉)',
  })
  @IsIn(PROSECUTION_OUTCOMES, { message: `outcome must be one of ${PROSECUTION_OUTCOMES.join(', ')}` })
  outcome!: (typeof PROSECUTION_OUTCOMES)[number];
  @ApiPropertyOptional({
    example: 'court:210100',
    description:
      'indicted only: the court, as the environmental jurisdiction map allows (集中管辖: the court that hears your region, or a lower court of your city that hears its own district; else 404 AGENCY.OUTSIDE_JURISDICTION); default the court the map gives your region, else the court of your region (same level)',
  })
  @IsOptional()
  @Matches(/^court:\d{6}$/, { message: 'courtAgencyId must be a court id such as court:210100' })
  courtAgencyId?: string;
  @ApiPropertyOptional({
    example: '犯罪情节轻微，依照刑法规定不需要判处刑罚',
    description: 'required when not prosecuting',
  })
  @RequiredWhen(
    (o: DecideProsecutionRequest) => o.outcome === 'not-prosecuted',
    'reasons are required when deciding not to prosecute',
  )
  @IsText(4000)
  reasons?: string;
  @ApiPropertyOptional({
    example: '建议对该公司依法给予行政处罚',
    description: 'not-prosecuted only: 检察意见 proposing an administrative penalty to the enforcement agency',
  })
  @IsOptional()
  @IsText(4000)
  penaltyOpinion?: string;
}

/**
 * Whole request bodies /docs offers for "Try it out": the schema's composed example would indict and carry a
 * penalty opinion at once (400 PROSECUTION.FIELD_NOT_FOR_OUTCOME); each of these is accepted as it stands.
 */
export const DECIDE_PROSECUTION_EXAMPLES: ExamplesObject = {
  indicted: {
    summary: 'indict before the court the jurisdiction map gives your region',
    value: { outcome: 'indicted' },
  },
  notProsecuted: {
    summary: 'not prosecute, with a 检察意见 proposing an administrative penalty',
    value: {
      outcome: 'not-prosecuted',
      reasons: '犯罪情节轻微，依照刑法规定不需要判处刑罚',
      penaltyOpinion: '建议对该公司依法给予行政处罚',
    },
  },
};

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches, ValidateBy } from 'class-validator';

import { AbsentWhen, IsText, RequiredWhen } from '@casebridge/platform';
import { isDivisionCode } from '@casebridge/directory';

export class ForwardRequest {
  @ApiProperty({
    enum: ['forwarded', 'returned'],
    example: 'forwarded',
    description: 'forward to the competent police office, or return to the sender',
  })
  @IsIn(['forwarded', 'returned'], { message: 'mode must be forwarded or returned' })
  mode!: 'forwarded' | 'returned';
  @ApiPropertyOptional({
    example: 'police:210200',
    description:
      'required when forwarding: the competent police office; left out when returning (the transfer goes back to its sender)',
  })
  @AbsentWhen(
    (o: ForwardRequest) => o.mode === 'returned',
    'toAgencyId must be left out when returning: a returned transfer goes back to the enforcement agency that sent it; use mode forwarded to send it to another police office',
  )
  @RequiredWhen(
    (o: ForwardRequest) => o.mode === 'forwarded',
    'toAgencyId is required when forwarding: name the competent police office, e.g. police:210200',
  )
  @Matches(/^police:\d{6}$/, { message: 'toAgencyId must be a police office id such as police:210200 when forwarding' })
  @ValidateBy({
    name: 'isDivisionOfChina',
    validator: {
      validate: (v: unknown) =>
        typeof v !== 'string' || !/^police:\d{6}$/.test(v) || isDivisionCode(v.slice('police:'.length)),
      defaultMessage: () =>
        'toAgencyId names no administrative division of China (GB/T 2260): check the 6-digit division code of the competent police office',
    },
  })
  toAgencyId?: string;
  @ApiProperty({ example: '案发地属大连市，不属本局管辖' }) @IsText(4000) reasons!: string;
}

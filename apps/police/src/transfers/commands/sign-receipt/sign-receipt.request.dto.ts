import { ApiProperty } from '@nestjs/swagger';

import { IsText } from '@casebridge/platform';

export class SignReceiptRequest {
  @ApiProperty({ example: '沈公（环）受字〔2025〕31号', description: 'number of the receipt (回执)' })
  @IsText(64)
  receiptNumber!: string;
}

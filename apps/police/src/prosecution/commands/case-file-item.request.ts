import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { CaseFileItem } from '@casebridge/contracts';
import { IsId, IsText } from '@casebridge/platform';

/** One item of the case file (案卷): a document or piece of evidence with the SHA-256 of its file. */
export class CaseFileItemRequest {
  @ApiProperty({ example: '起诉意见书', description: 'what the document is' })
  @IsText(200)
  title!: string;
  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'SHA-256 of the file, 64 lowercase hex characters',
  })
  @Matches(/^[a-f0-9]{64}$/, { message: 'sha256 must be 64 lowercase hex characters' })
  sha256!: string;
  @ApiPropertyOptional({
    example: '0193a2c4-1111-7000-8000-000000000001',
    description: 'the evidence id it comes from',
  })
  @IsOptional()
  @IsId()
  evidenceId?: string;
}

/** The contract's items of a request's case file (an absent evidence id is left out). */
export function toCaseFile(items: readonly CaseFileItemRequest[]): CaseFileItem[] {
  return items.map((i) => ({
    title: i.title,
    sha256: i.sha256,
    ...(i.evidenceId ? { evidenceId: i.evidenceId } : {}),
  }));
}

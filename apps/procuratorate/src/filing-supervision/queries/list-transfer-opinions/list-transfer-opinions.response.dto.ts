import { ApiProperty } from '@nestjs/swagger';

import type { TransferOpinion } from '../../transfer-opinion.entity';

/** One procuratorial opinion to transfer that the caller's procuratorate issued (GET /transfer-opinions): the ORM entity never leaves the query layer. */
export class TransferOpinionResponse {
  @ApiProperty({
    format: 'uuid',
    example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01',
    description: '= the transferId of transfer.procuratorate-opinion and of the transfer.sent that follows it',
  })
  transferId!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  caseId!: string;
  @ApiProperty({ format: 'uuid', example: '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01' })
  linkedCaseId!: string;
  @ApiProperty({ type: String, example: 'enforcement:210100' })
  enforcementAgencyId!: string;
  @ApiProperty({ type: String, example: '现有证据不足以证明达到追诉标准' })
  reasons!: string;
  @ApiProperty({ type: String, example: 'pro-officer-zhao' })
  issuedBy!: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-06T08:30:00.000Z' })
  issuedAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2026-12-06T08:30:00.000Z',
    nullable: true,
    description: "when the enforcement agency's transfer.sent for this transferId arrived",
  })
  transferSentAt!: string | null;
}

/** The explicit mapping from the row to its answer: only these fields leave the query layer. */
export function toTransferOpinionResponse(e: TransferOpinion): TransferOpinionResponse {
  return {
    transferId: e.transferId,
    caseId: e.caseId,
    linkedCaseId: e.linkedCaseId,
    enforcementAgencyId: e.enforcementAgencyId,
    reasons: e.reasons,
    issuedBy: e.issuedBy,
    issuedAt: e.issuedAt.toISOString(),
    transferSentAt: e.transferSentAt?.toISOString() ?? null,
  };
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A procuratorial opinion (检察意见) telling an enforcement agency to transfer a case (E17 art 14;
 * transfer.after-procuratorate-opinion). Its id is the transfer id the enforcement agency will use.
 */
@Entity('transfer_opinion')
@Index(['agencyId', 'enforcementAgencyId', 'caseId'], { unique: true })
export class TransferOpinion {
  /** = the transferId of transfer.procuratorate-opinion and of the transfer.sent that follows it */
  @PrimaryColumn('uuid', { name: 'transfer_id' }) transferId!: string;
  /** the procuratorate that issued it */
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { name: 'enforcement_agency_id', length: 64 }) enforcementAgencyId!: string;
  @Column('text') reasons!: string;
  @Column('varchar', { name: 'issued_by', length: 128 }) issuedBy!: string;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt!: Date;
  /** when the enforcement agency's transfer.sent for this transferId arrived */
  @Column('timestamptz', { name: 'transfer_sent_at', nullable: true }) transferSentAt!: Date | null;
}

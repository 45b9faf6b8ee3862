import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A crime an enforcement agency suspected in one of its cases (transfer.crime-suspected), as the
 * procuratorate learns it. It is what a procuratorial opinion (检察意见, E17 art 14) may be given on:
 * the case, its linked case and the agency that owns it are those of the event, never what a request says.
 */
@Entity('suspected_crime')
@Index(['enforcementAgencyId', 'caseId'])
export class SuspectedCrime {
  /** the transfer the enforcement agency opened (transfer.crime-suspected) */
  @PrimaryColumn('uuid', { name: 'transfer_id' }) transferId!: string;
  /** the enforcement agency's own case id */
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  /** the agency that recorded the event: the case's owner */
  @Column('varchar', { name: 'enforcement_agency_id', length: 64 }) enforcementAgencyId!: string;
  @Column('timestamptz', { name: 'suspected_at' }) suspectedAt!: Date;
}

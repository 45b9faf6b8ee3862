import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export interface PenaltySuspension {
  from: string;
  to: string | null;
  reason: string;
}

/** An administrative case of one enforcement agency (立案). Only that agency reads it. */
@Entity('administrative_case')
@Index(['agencyId', 'caseNumber'], { unique: true })
export class AdministrativeCase {
  @PrimaryColumn('uuid') id!: string;
  /** Cross-agency id (联动案件) carried by every event about these facts. */
  @Column('uuid', { name: 'linked_case_id' }) @Index({ unique: true }) linkedCaseId!: string;
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  @Column('varchar', { length: 6 }) region!: string;
  @Column('varchar', { name: 'case_number', length: 64 }) caseNumber!: string;
  @Column('varchar', { name: 'party_name', length: 200 }) partyName!: string;
  @Column('varchar', { name: 'party_credit_code', length: 18 }) partyCreditCode!: string;
  @Column('text') violation!: string;
  @Column('timestamptz', { name: 'discovered_at' }) discoveredAt!: Date;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('varchar', { length: 128, name: 'registered_by' }) registeredBy!: string;
  @Column('varchar', { length: 16 }) status!: 'open' | 'closed';
  /** Intervals when penalty.decision-period did not run (case with the police, E17 art 16). */
  @Column('jsonb', { name: 'penalty_suspensions', default: () => "'[]'" }) penaltySuspensions!: PenaltySuspension[];
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @VersionColumn() version!: number;
}

import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { PhaseTracked, type TimelineEntry } from '@casebridge/platform';

export const MATTER_PHASES = [
  'opened',
  'explanation-required',
  'explained',
  'notice-to-file',
  'filed',
  'closed',
] as const;
export type MatterPhase = (typeof MATTER_PHASES)[number];

/** A filing supervision (立案监督) of the procuratorate on one of our transfers, as the police office sees it. */
@Entity('supervision_matter')
export class SupervisionMatter extends PhaseTracked<MatterPhase> {
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  @Column('uuid', { name: 'transfer_id' }) @Index() transferId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { name: 'procuratorate_agency_id', length: 64 }) procuratorateAgencyId!: string;
  @Column('varchar', { length: 32 }) phase!: MatterPhase;
  /** the phase before the last change (libs/platform PhaseTracked, for the act guard) */
  @Column('varchar', { name: 'previous_phase', length: 32, nullable: true }) previousPhase!: MatterPhase | null;
  @Column('text', { nullable: true }) question!: string | null;
  @Column('varchar', { name: 'notice_number', length: 64, nullable: true }) noticeNumber!: string | null;
  @Column('boolean', { name: 'correction_issued', default: false }) correctionIssued!: boolean;
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @VersionColumn() version!: number;
}

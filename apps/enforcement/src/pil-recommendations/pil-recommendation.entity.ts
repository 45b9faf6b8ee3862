import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AgencyPilPhase, AgencyPilView, TrialView } from '@casebridge/flows';
import type { TimelineEntry } from '@casebridge/platform';

/**
 * A pre-litigation procuratorial recommendation (诉前检察建议) served on this enforcement office: the respondent
 * side of an administrative PIL (flows.md §4). `view` is the flow's agency view (libs/flows pil-administrative).
 */
@Entity('pil_recommendation')
export class PilRecommendation {
  @PrimaryColumn('uuid', { name: 'pil_case_id' }) pilCaseId!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  /** the office the recommendation was served on: only it reads and acts on this record */
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  @Column('varchar', { name: 'procuratorate_agency_id', length: 64 }) procuratorateAgencyId!: string;
  @Column('varchar', { length: 32 }) phase!: AgencyPilPhase;
  @Column('varchar', { name: 'previous_phase', length: 32, nullable: true }) previousPhase!: AgencyPilPhase | null;
  @Column('timestamptz', { name: 'phase_at', nullable: true }) phaseAt!: Date | null;
  @Column('jsonb') view!: AgencyPilView;
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  /** the court's case of the suit against this office (court.case-received): court events are found by it */
  @Column('uuid', { name: 'court_case_id', nullable: true }) @Index() courtCaseId!: string | null;
  /** the trial as the court's events tell it (libs/flows trialViews), null before the court received the suit */
  @Column('jsonb', { nullable: true }) trial!: TrialView | null;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

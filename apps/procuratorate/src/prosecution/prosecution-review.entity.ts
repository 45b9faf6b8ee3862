import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { PhaseTracked, type TimelineEntry } from '@casebridge/platform';
import type { ProcuratorateProsecutionPhase, ProcuratorateProsecutionView, TrialView } from '@casebridge/flows';

/**
 * A case transferred to this procuratorate for prosecution (审查起诉), one row per prosecution. The flow's
 * procuratorate view (libs/flows prosecutionViews.procuratorate) is kept whole in `view`; phase, previous
 * phase and phase time are columns for the act guard and for filtering.
 */
@Entity('prosecution_review')
export class ProsecutionReview extends PhaseTracked<ProcuratorateProsecutionPhase> {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  /** the procuratorate that reviews it */
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  @Column('varchar', { length: 32 }) phase!: ProcuratorateProsecutionPhase;
  @Column('varchar', { name: 'previous_phase', length: 32, nullable: true })
  previousPhase!: ProcuratorateProsecutionPhase | null;
  @Column('timestamptz', { name: 'phase_at', nullable: true }) phaseAt!: Date | null;
  @Column('jsonb') view!: ProcuratorateProsecutionView;
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  /** the court's case of the indictment (court.case-received), once the court has it: court events are found by it */
  @Column('uuid', { name: 'court_case_id', nullable: true }) @Index() courtCaseId!: string | null;
  /** the trial as the court's events tell it (libs/flows trialViews), null before the court received the indictment */
  @Column('jsonb', { nullable: true }) trial!: TrialView | null;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** Writes an evolved view onto the row (phase columns follow the view). */
export function applyReviewView(row: ProsecutionReview, view: ProcuratorateProsecutionView): void {
  row.view = view;
  row.phase = view.phase;
  row.phaseAt = view.phaseAt === null ? null : new Date(view.phaseAt);
}

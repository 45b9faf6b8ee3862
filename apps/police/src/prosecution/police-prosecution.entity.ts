import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { PhaseTracked, type TimelineEntry } from '@casebridge/platform';
import type { PoliceProsecutionPhase, PoliceProsecutionView } from '@casebridge/flows';

/**
 * A case this police office transferred for prosecution (移送审查起诉), one row per prosecution. The flow's
 * police view (libs/flows prosecutionViews.police) is kept whole in `view`; phase, previous phase and phase
 * time are columns for the act guard and for filtering.
 */
@Entity('prosecution')
export class PoliceProsecution extends PhaseTracked<PoliceProsecutionPhase> {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  /** the police office that transferred it */
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  /** the filed transfer (立案) it comes from: one prosecution per transfer and office */
  @Column('uuid', { name: 'transfer_id' }) transferId!: string;
  @Column('varchar', { length: 32 }) phase!: PoliceProsecutionPhase;
  @Column('varchar', { name: 'previous_phase', length: 32, nullable: true })
  previousPhase!: PoliceProsecutionPhase | null;
  @Column('timestamptz', { name: 'phase_at', nullable: true }) phaseAt!: Date | null;
  @Column('jsonb') view!: PoliceProsecutionView;
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @Column('timestamptz', { name: 'transferred_at' }) transferredAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** Writes an evolved view onto the row (phase columns follow the view). */
export function applyPoliceProsecutionView(row: PoliceProsecution, view: PoliceProsecutionView): void {
  row.view = view;
  row.phase = view.phase;
  row.phaseAt = view.phaseAt === null ? null : new Date(view.phaseAt);
}

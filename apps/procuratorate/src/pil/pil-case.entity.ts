import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ProcuratoratePilAdminView, ProcuratoratePilCivilView, TrialView } from '@casebridge/flows';
import type { TimelineEntry } from '@casebridge/platform';

export type PilCaseKind = 'administrative' | 'civil' | 'criminal-incidental-civil';
/** The phase of either path (libs/flows pil-administrative / pil-civil). */
export type PilCasePhase = ProcuratoratePilAdminView['phase'] | ProcuratoratePilCivilView['phase'];

/**
 * One public-interest litigation case (公益诉讼, flows.md §4) of a procuratorate. `view` is the flow's
 * procuratorate view (libs/flows), evolved by the same functions the audit replays; the columns beside it are
 * what is searched and locked on.
 */
@Entity('pil_case')
export class PilCase {
  @PrimaryColumn('uuid', { name: 'pil_case_id' }) pilCaseId!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  /** the procuratorate that owns the case: only it reads and acts on this record */
  @Column('varchar', { name: 'procuratorate_agency_id', length: 64 }) @Index() procuratorateAgencyId!: string;
  @Column('varchar', { length: 32 }) kind!: PilCaseKind;
  /** the administrative agency that failed its duty (administrative PIL) */
  @Column('varchar', { name: 'respondent_agency_id', length: 64, nullable: true }) respondentAgencyId!: string | null;
  @Column('varchar', { length: 32 }) phase!: PilCasePhase;
  @Column('varchar', { name: 'previous_phase', length: 32, nullable: true }) previousPhase!: PilCasePhase | null;
  @Column('timestamptz', { name: 'phase_at', nullable: true }) phaseAt!: Date | null;
  @Column('jsonb') view!: ProcuratoratePilAdminView | ProcuratoratePilCivilView;
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  /** the court's case of the suit (court.case-received), once the court has it: court events are found by it */
  @Column('uuid', { name: 'court_case_id', nullable: true }) @Index() courtCaseId!: string | null;
  /** the trial as the court's events tell it (libs/flows trialViews), null before the court received the suit */
  @Column('jsonb', { nullable: true }) trial!: TrialView | null;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/**
 * A damage consultation on a linked case, as far as the procuratorate needs to know it: whether a civil PIL on
 * the same conduct must wait (flows.md §6). Learnt from the claimant agency's edc.consultation-* events.
 */
@Entity('pil_edc_watch')
export class PilEdcWatch {
  @PrimaryColumn('uuid', { name: 'edc_case_id' }) edcCaseId!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  @Column('varchar', { length: 16 }) state!: 'open' | 'agreed' | 'failed';
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}

import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { MaterialItem, ThresholdFact } from '@casebridge/contracts';
import { PhaseTracked, type TimelineEntry } from '@casebridge/platform';
import type { EnforcementTransferView } from '@casebridge/flows';
import type { TransferPhase } from './transfer.machine';

/** The enforcement agency's record of one transfer of a suspected crime (案件移送). */
@Entity('transfer')
export class Transfer extends PhaseTracked<TransferPhase> {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) @Index() caseId!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  @Column('varchar', { length: 32 }) phase!: TransferPhase;
  /** the phase before the last change: the act guard (libs/platform assertAct) tells "done twice" from "out of order" by it */
  @Column('varchar', { name: 'previous_phase', length: 32, nullable: true }) previousPhase!: TransferPhase | null;
  /** event time of the act that brought the transfer into its phase: an older act learnt later does not move it (libs/flows, the later act wins) */
  @Column('timestamptz', { name: 'phase_at', nullable: true }) phaseAt!: Date | null;
  @Column('jsonb', { name: 'threshold_facts' }) thresholdFacts!: ThresholdFact[];
  @Column('text') facts!: string;
  @Column('jsonb', { name: 'team_officer_ids', nullable: true }) teamOfficerIds!: string[] | null;
  @Column('text', { name: 'team_summary', nullable: true }) teamSummary!: string | null;
  @Column('text', { name: 'refusal_reasons', nullable: true }) refusalReasons!: string | null;
  @Column('varchar', { name: 'police_agency_id', length: 64, nullable: true }) policeAgencyId!: string | null;
  @Column('varchar', { name: 'procuratorate_agency_id', length: 64, nullable: true }) procuratorateAgencyId!:
    string | null;
  @Column('jsonb', { default: () => "'[]'" }) materials!: MaterialItem[];
  @Column('jsonb', { name: 'missing_materials', default: () => "'[]'" }) missingMaterials!: string[];
  @Column('varchar', { name: 'police_case_number', length: 64, nullable: true }) policeCaseNumber!: string | null;
  @Column('text', { name: 'police_reasons', nullable: true }) policeReasons!: string | null;
  @Column('varchar', { name: 'review_variant', length: 32, default: 'standard' }) reviewVariant!: string;
  /** set when the workflow reported transfer.filing-review missed: enforcement shall ask for supervision */
  @Column('boolean', { name: 'filing_review_overdue', default: false }) filingReviewOverdue!: boolean;
  @Column('uuid', { name: 'supervision_id', nullable: true }) supervisionId!: string | null;
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** The flow's view of the row (libs/flows transferViews.enforcement). */
export function enforcementView(t: Transfer): EnforcementTransferView {
  return {
    transferId: t.id,
    caseId: t.caseId,
    agencyId: t.agencyId,
    phase: t.phase,
    phaseAt: t.phaseAt?.toISOString() ?? null,
    policeAgencyId: t.policeAgencyId,
    procuratorateAgencyId: t.procuratorateAgencyId,
    reviewVariant: t.reviewVariant,
    policeCaseNumber: t.policeCaseNumber,
    policeReasons: t.policeReasons,
    missingMaterials: t.missingMaterials,
    filingReviewOverdue: t.filingReviewOverdue,
    supervisionId: t.supervisionId,
  };
}

/** Writes an evolved view back onto the row (the fields the flow owns; the rest is the app's). */
export function applyEnforcementView(t: Transfer, v: EnforcementTransferView): void {
  Object.assign(t, {
    phase: v.phase,
    phaseAt: v.phaseAt === null ? null : new Date(v.phaseAt),
    policeAgencyId: v.policeAgencyId,
    procuratorateAgencyId: v.procuratorateAgencyId,
    reviewVariant: v.reviewVariant,
    policeCaseNumber: v.policeCaseNumber,
    policeReasons: v.policeReasons,
    missingMaterials: v.missingMaterials,
    filingReviewOverdue: v.filingReviewOverdue,
    supervisionId: v.supervisionId,
  });
}

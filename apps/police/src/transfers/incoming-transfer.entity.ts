import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { MaterialItem, ThresholdFact } from '@casebridge/contracts';
import { PhaseTracked, type TimelineEntry } from '@casebridge/platform';
import type { PoliceTransferView } from '@casebridge/flows';
import type { IncomingPhase } from './incoming-transfer.machine';

/** A transfer received by one police office (it sees only transfers addressed to it). */
@Entity('incoming_transfer')
export class IncomingTransfer extends PhaseTracked<IncomingPhase> {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  /** the police office it was sent or forwarded to: one row per office that received it */
  @PrimaryColumn('varchar', { name: 'agency_id', length: 64 }) agencyId!: string;
  @Column('varchar', { name: 'from_agency_id', length: 64 }) fromAgencyId!: string;
  @Column('varchar', { name: 'copy_to_agency_id', length: 64 }) copyToAgencyId!: string;
  @Column('uuid', { name: 'enforcement_case_id' }) enforcementCaseId!: string;
  @Column('varchar', { name: 'enforcement_case_number', length: 64 }) enforcementCaseNumber!: string;
  @Column('jsonb') party!: { name: string; creditCode: string };
  @Column('text') summary!: string;
  @Column('jsonb', { name: 'threshold_facts' }) thresholdFacts!: ThresholdFact[];
  @Column('jsonb') materials!: MaterialItem[];
  @Column('varchar', { length: 32 }) phase!: IncomingPhase;
  /** the phase before the last change (libs/platform PhaseTracked, for the act guard) */
  @Column('varchar', { name: 'previous_phase', length: 32, nullable: true }) previousPhase!: IncomingPhase | null;
  /** event time of the act that brought the transfer into its phase (libs/flows: the later act wins) */
  @Column('timestamptz', { name: 'phase_at', nullable: true }) phaseAt!: Date | null;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @Column('varchar', { name: 'receipt_number', length: 64, nullable: true }) receiptNumber!: string | null;
  @Column('timestamptz', { name: 'receipt_signed_at', nullable: true }) receiptSignedAt!: Date | null;
  @Column('varchar', { name: 'review_variant', length: 32, default: 'standard' }) reviewVariant!: string;
  @Column('varchar', { name: 'police_case_number', length: 64, nullable: true }) policeCaseNumber!: string | null;
  @Column('text', { name: 'decision_reasons', nullable: true }) decisionReasons!: string | null;
  @Column('jsonb', { name: 'missing_materials', default: () => "'[]'" }) missingMaterials!: string[];
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** The flow's view of the row (libs/flows transferViews.police). */
export function policeView(t: IncomingTransfer): PoliceTransferView {
  return {
    transferId: t.id,
    agencyId: t.agencyId,
    fromAgencyId: t.fromAgencyId,
    phase: t.phase,
    phaseAt: t.phaseAt?.toISOString() ?? null,
    receiptNumber: t.receiptNumber,
    reviewVariant: t.reviewVariant,
    policeCaseNumber: t.policeCaseNumber,
    decisionReasons: t.decisionReasons,
    missingMaterials: t.missingMaterials,
  };
}

/** Writes an evolved view back onto the row (the fields the flow owns). */
export function applyPoliceView(t: IncomingTransfer, v: PoliceTransferView): void {
  Object.assign(t, {
    phase: v.phase,
    phaseAt: v.phaseAt === null ? null : new Date(v.phaseAt),
    receiptNumber: v.receiptNumber,
    reviewVariant: v.reviewVariant,
    policeCaseNumber: v.policeCaseNumber,
    decisionReasons: v.decisionReasons,
    missingMaterials: v.missingMaterials,
  });
}

import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { MaterialItem, MaterialKind, SupervisionGround, ThresholdFact } from '@casebridge/contracts';
import type { TimelineEntry } from '@casebridge/platform';
import {
  PROCURATORATE_COPY_PHASES,
  PROCURATORATE_FILED_PHASES,
  type ProcuratorateCopyPhase,
  type ProcuratorateCopyView,
} from '@casebridge/flows';

/**
 * Where the transfer stands on the police side, as the procuratorate learns it from the copies it
 * receives (transfer.copy-to-procuratorate, transfer.decision-notice; flows.md §1): the transfer flow's
 * procuratorate view (libs/flows).
 */
export const TRANSFER_COPY_STATUSES = PROCURATORATE_COPY_PHASES;
export type TransferCopyStatus = ProcuratorateCopyPhase;

/** Statuses in which the police have filed: nothing left for filing supervision. */
export const FILED_STATUSES = PROCURATORATE_FILED_PHASES;

/**
 * The procuratorate's copy of one transfer of a suspected crime (案件移送), owned by the procuratorate
 * that received the copy (`copyToAgencyId` of transfer.sent). Only that office reads it.
 */
@Entity('transfer_copy')
export class TransferCopy {
  @PrimaryColumn('uuid', { name: 'transfer_id' }) transferId!: string;
  /** the procuratorate holding the copy (copyToAgencyId of transfer.sent) */
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  /** the enforcement agency's own case id */
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('varchar', { name: 'enforcement_agency_id', length: 64 }) enforcementAgencyId!: string;
  @Column('varchar', { name: 'police_agency_id', length: 64 }) policeAgencyId!: string;
  @Column('varchar', { name: 'case_number', length: 64 }) caseNumber!: string;
  @Column('jsonb') party!: { name: string; creditCode: string };
  @Column('text') summary!: string;
  @Column('jsonb', { name: 'threshold_facts' }) thresholdFacts!: ThresholdFact[];
  @Column('jsonb', { default: () => "'[]'" }) materials!: MaterialItem[];
  @Column('jsonb', { name: 'missing_materials', default: () => "'[]'" }) missingMaterials!: MaterialKind[];
  @Column('varchar', { length: 32 }) @Index() status!: TransferCopyStatus;
  /**
   * Event time of the act that set `status`. Events of one transfer come from two topics (enforcement,
   * police) and may be applied out of their real order; the later act wins (the timeline keeps all).
   */
  @Column('timestamptz', { name: 'status_at', nullable: true }) statusAt!: Date | null;
  @Column('varchar', { name: 'receipt_number', length: 64, nullable: true }) receiptNumber!: string | null;
  @Column('varchar', { name: 'review_variant', length: 32, default: 'standard' }) reviewVariant!: string;
  @Column('varchar', { name: 'police_case_number', length: 64, nullable: true }) policeCaseNumber!: string | null;
  @Column('text', { name: 'police_reasons', nullable: true }) policeReasons!: string | null;
  @Column('jsonb', { name: 'handed_over_items', default: () => "'[]'" }) handedOverItems!: MaterialItem[];
  /** a request for filing supervision from the enforcement agency is pending (not yet acted on) */
  @Column('boolean', { name: 'supervision_requested', default: false }) supervisionRequested!: boolean;
  /** ground and reasons of the latest request (kept after a supervision was opened on it) */
  @Column('varchar', { name: 'supervision_ground', length: 32, nullable: true }) supervisionGround!: Exclude<
    SupervisionGround,
    'own-motion'
  > | null;
  @Column('text', { name: 'supervision_reasons', nullable: true }) supervisionReasons!: string | null;
  /** the latest filing supervision opened on this transfer */
  @Column('uuid', { name: 'supervision_id', nullable: true }) supervisionId!: string | null;
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @Column('timestamptz', { name: 'sent_at' }) sentAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** The flow's view of the copy (libs/flows transferViews.procuratorate): `status` is its phase, `statusAt` its time. */
export function copyView(c: TransferCopy): ProcuratorateCopyView {
  return {
    transferId: c.transferId,
    agencyId: c.agencyId,
    policeAgencyId: c.policeAgencyId,
    phase: c.status,
    phaseAt: c.statusAt?.toISOString() ?? null,
    receiptNumber: c.receiptNumber,
    reviewVariant: c.reviewVariant,
    policeCaseNumber: c.policeCaseNumber,
    policeReasons: c.policeReasons,
    missingMaterials: c.missingMaterials,
    supervisionRequested: c.supervisionRequested,
    supervisionGround: c.supervisionGround,
    supervisionReasons: c.supervisionReasons,
    supervisionId: c.supervisionId,
  };
}

/** Writes an evolved view back onto the copy (the fields the flow owns). */
export function applyCopyView(c: TransferCopy, v: ProcuratorateCopyView): void {
  Object.assign(c, {
    policeAgencyId: v.policeAgencyId,
    status: v.phase,
    statusAt: v.phaseAt === null ? null : new Date(v.phaseAt),
    receiptNumber: v.receiptNumber,
    reviewVariant: v.reviewVariant,
    policeCaseNumber: v.policeCaseNumber,
    policeReasons: v.policeReasons,
    missingMaterials: v.missingMaterials as MaterialKind[],
    supervisionRequested: v.supervisionRequested,
    supervisionGround: v.supervisionGround,
    supervisionReasons: v.supervisionReasons,
    supervisionId: v.supervisionId,
  });
}

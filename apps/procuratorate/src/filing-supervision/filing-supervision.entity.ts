import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { SupervisionGround } from '@casebridge/contracts';
import type { TimelineEntry } from '@casebridge/platform';
import type { FilingSupervisionPhase, FilingSupervisionView } from '@casebridge/flows';

/** One filing supervision (立案监督) of a procuratorate over the police's handling of one transfer. */
@Entity('filing_supervision')
@Index(['procuratorateAgencyId', 'noticeNumber'], { unique: true }) // NULLs do not collide in PostgreSQL
export class FilingSupervision {
  @PrimaryColumn('uuid', { name: 'supervision_id' }) supervisionId!: string;
  @Column('uuid', { name: 'transfer_id' }) @Index() transferId!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  /** the supervising procuratorate: only it reads and acts on this record */
  @Column('varchar', { name: 'procuratorate_agency_id', length: 64 }) @Index() procuratorateAgencyId!: string;
  @Column('varchar', { name: 'police_agency_id', length: 64 }) policeAgencyId!: string;
  @Column('varchar', { name: 'enforcement_agency_id', length: 64 }) enforcementAgencyId!: string;
  @Column('varchar', { length: 32 }) ground!: SupervisionGround;
  @Column('varchar', { length: 32 }) phase!: FilingSupervisionPhase;
  /** event time of the act that set the phase (the later act wins: libs/flows moveTo); stamped by the unit of work */
  @Column('timestamptz', { name: 'phase_at', nullable: true }) phaseAt!: Date | null;
  /** what the police were asked to explain (supervision.police-explain) */
  @Column('text', { nullable: true }) question!: string | null;
  /** the police reasons for not filing (filing-supervision.explained) */
  @Column('text', { name: 'police_reasons', nullable: true }) policeReasons!: string | null;
  /** number of the 通知立案书 (supervision.police-file) */
  @Column('varchar', { name: 'notice_number', length: 64, nullable: true }) noticeNumber!: string | null;
  /** set when the workflow reported supervision.police-file missed: a correction notice may follow */
  @Column('boolean', { name: 'police_file_overdue', default: false }) policeFileOverdue!: boolean;
  /** set when the workflow reported supervision.police-explain missed: a notice to file may follow without reasons */
  @Column('boolean', { name: 'police_explain_overdue', default: false }) policeExplainOverdue!: boolean;
  @Column('varchar', { name: 'escalated_to', length: 64, nullable: true }) escalatedTo!: string | null;
  @Column('varchar', { name: 'police_case_number', length: 64, nullable: true }) policeCaseNumber!: string | null;
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** The record as the filing-supervision flow's procuratorate view (libs/flows filingSupervisionViews). */
export function supervisionView(s: FilingSupervision): FilingSupervisionView {
  return {
    supervisionId: s.supervisionId,
    transferId: s.transferId,
    procuratorateAgencyId: s.procuratorateAgencyId,
    policeAgencyId: s.policeAgencyId,
    enforcementAgencyId: s.enforcementAgencyId,
    ground: s.ground,
    phase: s.phase,
    phaseAt: s.phaseAt?.toISOString() ?? null,
    question: s.question,
    policeReasons: s.policeReasons,
    noticeNumber: s.noticeNumber,
    policeFileOverdue: s.policeFileOverdue,
    policeExplainOverdue: s.policeExplainOverdue,
    escalatedTo: s.escalatedTo,
    policeCaseNumber: s.policeCaseNumber,
  };
}

/** Writes a folded view back onto the record (what the view holds; the timeline is the caller's). */
export function applySupervisionView(s: FilingSupervision, v: FilingSupervisionView): void {
  Object.assign(s, {
    phase: v.phase,
    phaseAt: v.phaseAt === null ? null : new Date(v.phaseAt),
    question: v.question,
    policeReasons: v.policeReasons,
    noticeNumber: v.noticeNumber,
    policeFileOverdue: v.policeFileOverdue,
    policeExplainOverdue: v.policeExplainOverdue,
    escalatedTo: v.escalatedTo,
    policeCaseNumber: v.policeCaseNumber,
  });
}

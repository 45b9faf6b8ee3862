import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { POLICE_MATTER_PHASES, type PoliceMatterPhase, type PoliceMatterView } from '@casebridge/flows';
import { PhaseTracked, type TimelineEntry } from '@casebridge/platform';

/** The phases of the police matter: the filing-supervision flow's (libs/flows). */
export const MATTER_PHASES = POLICE_MATTER_PHASES;
export type MatterPhase = PoliceMatterPhase;

/** A filing supervision (立案监督) of the procuratorate on one of our transfers, as the police office sees it. */
@Entity('supervision_matter')
export class SupervisionMatter extends PhaseTracked<MatterPhase> {
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  @Column('uuid', { name: 'transfer_id' }) @Index() transferId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { name: 'procuratorate_agency_id', length: 64 }) procuratorateAgencyId!: string;
  @Column('varchar', { length: 32 }) phase!: MatterPhase;
  /** event time of the act that set the phase (the later act wins: libs/flows moveTo) */
  @Column('timestamptz', { name: 'phase_at', nullable: true }) phaseAt!: Date | null;
  /** the phase before the last change (libs/platform PhaseTracked, for the act guard) */
  @Column('varchar', { name: 'previous_phase', length: 32, nullable: true }) previousPhase!: MatterPhase | null;
  @Column('text', { nullable: true }) question!: string | null;
  @Column('varchar', { name: 'notice_number', length: 64, nullable: true }) noticeNumber!: string | null;
  @Column('boolean', { name: 'correction_issued', default: false }) correctionIssued!: boolean;
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @VersionColumn() version!: number;
}

/** The matter as the filing-supervision flow's police view (libs/flows filingSupervisionViews). */
export function matterView(m: SupervisionMatter): PoliceMatterView {
  return {
    supervisionId: m.id,
    transferId: m.transferId,
    agencyId: m.agencyId,
    procuratorateAgencyId: m.procuratorateAgencyId,
    phase: m.phase,
    phaseAt: m.phaseAt?.toISOString() ?? null,
    question: m.question,
    noticeNumber: m.noticeNumber,
    correctionIssued: m.correctionIssued,
  };
}

/** Writes a folded view back onto the matter (what the view holds; the timeline is the caller's). */
export function applyMatterView(m: SupervisionMatter, v: PoliceMatterView): void {
  Object.assign(m, {
    phase: v.phase,
    phaseAt: v.phaseAt === null ? null : new Date(v.phaseAt),
    question: v.question,
    noticeNumber: v.noticeNumber,
    correctionIssued: v.correctionIssued,
  });
}

import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CourtCaseSource, CourtTrack } from '@casebridge/contracts';
import type { TimelineEntry } from '@casebridge/platform';
import type { CourtCasePhase, RestorationStatus } from './court-case.machine';

/** One restoration progress report (court.restoration-reported) or verification (court.restoration-verified). */
export interface RestorationRecord {
  at: string;
  by: string;
  kind: 'report' | 'verification';
  percentDone?: number;
  outcome?: 'completed' | 'not-completed';
  text: string;
}

/** One case of one court office: an indictment, a PIL or EDC suit, or an EDC confirmation application. */
@Entity('court_case')
@Index(['source', 'sourceId'], { unique: true })
// a docket number names one case of its court (NULLs — not yet docketed — do not collide)
@Index(['courtAgencyId', 'docketNumber'], { unique: true })
export class CourtCase {
  @PrimaryColumn('uuid', { name: 'court_case_id' }) courtCaseId!: string;
  /** the court office that holds it (the competent court of the jurisdiction map): only it reads and acts on it */
  @Column('varchar', { name: 'court_agency_id', length: 64 }) @Index() courtAgencyId!: string;
  /** the court the plaintiff addressed (differs from courtAgencyId when the jurisdiction map forwarded it) */
  @Column('varchar', { name: 'addressed_to', length: 64 }) addressedTo!: string;
  @Column('varchar', { length: 32 }) source!: CourtCaseSource;
  /** the prosecution, PIL or EDC case it answers */
  @Column('uuid', { name: 'source_id' }) sourceId!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  @Column('varchar', { length: 16 }) track!: CourtTrack;
  @Column('varchar', { name: 'pil_kind', length: 16, nullable: true }) pilKind!: 'administrative' | 'civil' | null;
  /** the procuratorate (indictment, PIL) or the claimant agency (EDC) */
  @Column('varchar', { name: 'plaintiff_agency_id', length: 64 }) plaintiffAgencyId!: string;
  /** what the plaintiff said: the claim, the agreement, the reasons of the indictment */
  @Column('text', { nullable: true }) claim!: string | null;
  @Column('varchar', { length: 32 }) phase!: CourtCasePhase;
  @Column('varchar', { name: 'previous_phase', length: 32, nullable: true }) previousPhase!: CourtCasePhase | null;
  @Column('timestamptz', { name: 'phase_at', nullable: true }) phaseAt!: Date | null;
  @Column('varchar', { name: 'docket_number', length: 64, nullable: true }) docketNumber!: string | null;
  @Column('varchar', { length: 16, nullable: true }) procedure!: 'ordinary' | 'simplified' | null;
  @Column('timestamptz', { name: 'docketed_at', nullable: true }) docketedAt!: Date | null;
  @Column('text', { name: 'not_accepted_reasons', nullable: true }) notAcceptedReasons!: string | null;
  @Column('timestamptz', { name: 'complaint_served_at', nullable: true }) complaintServedAt!: Date | null;
  @Column('varchar', { name: 'notified_agency_id', length: 64, nullable: true }) notifiedAgencyId!: string | null;
  @Column('timestamptz', { name: 'agency_notified_at', nullable: true }) agencyNotifiedAt!: Date | null;
  @Column('timestamptz', { name: 'co_plaintiff_announced_at', nullable: true }) coPlaintiffAnnouncedAt!: Date | null;
  /** the latest hearing scheduled */
  @Column('timestamptz', { name: 'hearing_at', nullable: true }) hearingAt!: Date | null;
  @Column('timestamptz', { name: 'settlement_announced_at', nullable: true }) settlementAnnouncedAt!: Date | null;
  @Column('timestamptz', { name: 'confirmation_announced_at', nullable: true }) confirmationAnnouncedAt!: Date | null;
  /** the trial period's variant (standard, simplified, or an approved extension) */
  @Column('varchar', { name: 'trial_variant', length: 32, nullable: true }) trialVariant!: string | null;
  @Column('text', { name: 'judgment_summary', nullable: true }) judgmentSummary!: string | null;
  @Column('text', { name: 'restoration_order', nullable: true }) restorationOrder!: string | null;
  /** last day of the restoration order (YYYY-MM-DD), set in the judgment */
  @Column('varchar', { name: 'restoration_due_date', length: 10, nullable: true }) restorationDueDate!: string | null;
  @Column('varchar', { name: 'restoration_status', length: 16, default: 'none' }) restorationStatus!: RestorationStatus;
  @Column('jsonb', { name: 'restoration_records', default: () => "'[]'" }) restorationRecords!: RestorationRecord[];
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

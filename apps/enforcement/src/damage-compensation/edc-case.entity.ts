import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ClaimantEdcPhase, ClaimantEdcView } from '@casebridge/flows';
import type { TimelineEntry } from '@casebridge/platform';

/**
 * One ecological damage compensation case (生态环境损害赔偿, flows.md §6) of a claimant agency: the consultation
 * with the liable company and what follows it. `view` is the flow's claimant view (libs/flows edc).
 */
@Entity('edc_case')
@Index(['agencyId', 'noticeNumber'], { unique: true }) // one case per consultation notice of an agency
export class EdcCase {
  @PrimaryColumn('uuid', { name: 'edc_case_id' }) edcCaseId!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  /** the claimant agency: only it reads and acts on this record */
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  /** 统一社会信用代码 of the liable company */
  @Column('varchar', { name: 'liable_credit_code', length: 18 }) liableCreditCode!: string;
  /** number of the written consultation notice (磋商告知书), unique within the agency */
  @Column('varchar', { name: 'notice_number', length: 64 }) noticeNumber!: string;
  @Column('varchar', { length: 32 }) phase!: ClaimantEdcPhase;
  @Column('varchar', { name: 'previous_phase', length: 32, nullable: true }) previousPhase!: ClaimantEdcPhase | null;
  @Column('timestamptz', { name: 'phase_at', nullable: true }) phaseAt!: Date | null;
  @Column('jsonb') view!: ClaimantEdcView;
  @Column('jsonb', { default: () => "'[]'" }) timeline!: TimelineEntry[];
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EnforcementNoticePhase, EnforcementNoticeView } from '@casebridge/flows';

/**
 * A procuratorate's notice that a case this agency transferred was not prosecuted (E17 art 18), with any
 * 检察意见 proposing an administrative penalty; one per prosecution. The flow's enforcement view
 * (libs/flows prosecutionViews.enforcement) is kept whole in `view`.
 */
@Entity('prosecution_notice')
export class ProsecutionNotice {
  /** the prosecution id */
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'linked_case_id' }) @Index() linkedCaseId!: string;
  @Column('varchar', { name: 'agency_id', length: 64 }) @Index() agencyId!: string;
  /** our transfer the case came from */
  @Column('uuid', { name: 'transfer_id' }) @Index() transferId!: string;
  /** our administrative case, whose penalty clock resumes */
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('varchar', { length: 32 }) phase!: EnforcementNoticePhase;
  @Column('jsonb') view!: EnforcementNoticeView;
  @Column('timestamptz', { name: 'notified_at' }) notifiedAt!: Date;
}

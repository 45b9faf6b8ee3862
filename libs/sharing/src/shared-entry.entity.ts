import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One entry of a linked case's shared record (信息共享, flows.md §5) as one agency holds it: its own decision
 * (`holderAgencyId` = `ownerAgencyId`, with everything), or another agency's entry shared with it (only the
 * detail the recipient is entitled to: SHARED_DECISIONS visibleTo, libs/legal-time). A service holds a
 * received entry only for an agency with a grant (AccessGrant): the content arrives on its private sharing
 * topic (sharing.content-delivered), never on a topic every consumer reads.
 */
@Entity('shared_entry')
@Index(['linkedCaseId', 'holderAgencyId'])
export class SharedEntry {
  /** the decision (own entries: also the entry before it is entered) */
  @PrimaryColumn('uuid', { name: 'decision_id' }) decisionId!: string;
  @PrimaryColumn('varchar', { name: 'holder_agency_id', length: 64 }) holderAgencyId!: string;
  /** set once entered on the shared record */
  @Column('uuid', { name: 'entry_id', nullable: true }) entryId!: string | null;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { name: 'decision_kind', length: 64 }) decisionKind!: string;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt!: Date;
  @Column('varchar', { name: 'owner_agency_id', length: 64 }) ownerAgencyId!: string;
  @Column('varchar', { name: 'owner_case_number', length: 64 }) ownerCaseNumber!: string;
  /** own: the owner's full record; full / case-number: what a recipient was given */
  @Column('varchar', { length: 16 }) detail!: 'own' | 'full' | 'case-number';
  @Column('text') content!: string;
  @Column('varchar', { name: 'party_name', length: 200, nullable: true }) partyName!: string | null;
  @Column('varchar', { name: 'party_id_number', length: 64, nullable: true }) partyIdNumber!: string | null;
  @Column('varchar', { name: 'party_address', length: 400, nullable: true }) partyAddress!: string | null;
  @Column('jsonb', { name: 'shared_with', default: () => "'[]'" }) sharedWith!: string[];
  /** SHA-256 hex of the full content (owner's record), as announced by sharing.information-shared */
  @Column('varchar', { name: 'content_hash', length: 64, nullable: true }) contentHash!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('timestamptz', { name: 'entered_at', nullable: true }) enteredAt!: Date | null;
}

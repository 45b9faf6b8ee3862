import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A grant: an agency may read what other agencies shared with it on one linked case (need-to-know access).
 * One row per linked case and agency, made by the first sharing.information-shared naming the agency in
 * `sharedWith`; `entryIds` lists every entry shared with it since.
 */
@Entity('access_grant')
export class AccessGrant {
  @PrimaryColumn('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @PrimaryColumn('varchar', { name: 'agency_id', length: 64 }) agencyId!: string;
  @Column('timestamptz', { name: 'granted_at' }) grantedAt!: Date;
  /** the agency whose entry first granted access */
  @Column('varchar', { name: 'granted_by', length: 64 }) grantedBy!: string;
  @Column('jsonb', { name: 'entry_ids', default: () => "'[]'" }) entryIds!: string[];
}

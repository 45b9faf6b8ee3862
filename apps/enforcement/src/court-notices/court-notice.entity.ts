import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A court's written notice of a public-interest suit to this agency (court.agency-notified; CivJI art 284). */
@Entity('court_notice')
@Index(['agencyId', 'notifiedAt'])
export class CourtNotice {
  /** the event id of court.agency-notified */
  @PrimaryColumn('uuid', { name: 'notice_id' }) noticeId!: string;
  /** the notified enforcement office: only it reads the notice */
  @Column('varchar', { name: 'agency_id', length: 64 }) agencyId!: string;
  @Column('varchar', { name: 'court_agency_id', length: 64 }) courtAgencyId!: string;
  @Column('uuid', { name: 'court_case_id' }) courtCaseId!: string;
  @Column('uuid', { name: 'linked_case_id' }) linkedCaseId!: string;
  @Column('varchar', { name: 'docket_number', length: 64 }) docketNumber!: string;
  @Column('varchar', { name: 'notice_number', length: 64 }) noticeNumber!: string;
  @Column('text') summary!: string;
  @Column('timestamptz', { name: 'notified_at' }) notifiedAt!: Date;
}

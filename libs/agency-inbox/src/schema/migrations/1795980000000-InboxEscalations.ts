import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * InboxEscalations: an inbox item says why it is there (role: owes | supervises), which office owes it, and the
 * step's escalations (supervision.escalated): the superior office sees the escalated step, the owing office's item
 * shows the escalation. Existing rows are steps their office owes (default 'owes').
 */
export class InboxEscalations1795980000000 implements MigrationInterface {
  name = 'InboxEscalations1795980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agency_inbox_item" ADD "role" character varying(16) NOT NULL DEFAULT 'owes'`);
    await q.query(`ALTER TABLE "agency_inbox_item" ADD "owing_agency_id" character varying(64)`);
    await q.query(`ALTER TABLE "agency_inbox_item" ADD "escalations" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agency_inbox_item" DROP COLUMN "escalations"`);
    await q.query(`ALTER TABLE "agency_inbox_item" DROP COLUMN "owing_agency_id"`);
    await q.query(`ALTER TABLE "agency_inbox_item" DROP COLUMN "role"`);
  }
}

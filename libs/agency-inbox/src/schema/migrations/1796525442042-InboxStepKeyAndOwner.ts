import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * InboxStepKeyAndOwner: an item names its step key (one rule may run several steps at once) and who owes the step (an
 * agency, or a party the office follows), from the deadline events v2+. Existing rows: null (shown as before).
 */
export class InboxStepKeyAndOwner1796525442042 implements MigrationInterface {
  name = 'InboxStepKeyAndOwner1796525442042';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agency_inbox_item" ADD "step_key" character varying(100)`);
    await q.query(`ALTER TABLE "agency_inbox_item" ADD "owner" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agency_inbox_item" DROP COLUMN "owner"`);
    await q.query(`ALTER TABLE "agency_inbox_item" DROP COLUMN "step_key"`);
  }
}

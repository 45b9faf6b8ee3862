import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RuleTimingRescan: a rule whose idle threshold (p95 of its closings) moved is marked for the sweeper, which re-reads
 * that rule's open steps in its own transactions. Before, the closing transaction updated every open step of the rule
 * itself while holding the rule's timing row, and two closings of one rule deadlocked (40P01; issue 14). Existing
 * rows: null (nothing pending).
 */
export class RuleTimingRescan1796576025298 implements MigrationInterface {
  name = 'RuleTimingRescan1796576025298';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "supervision_rule_timing" ADD "rescan_requested_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "supervision_rule_timing" DROP COLUMN "rescan_requested_at"`);
  }
}

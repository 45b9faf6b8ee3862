import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * StepKeyAndOwner: a step names its key (one rule may run several steps at once) and who owes it (an agency, or a
 * party the owing agency follows), from the deadline events v2+. Existing rows: null (read as the owing agency).
 */
export class StepKeyAndOwner1796525556833 implements MigrationInterface {
  name = 'StepKeyAndOwner1796525556833';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "supervision_step" ADD "step_key" character varying(100)`);
    await q.query(`ALTER TABLE "supervision_step" ADD "owner" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "supervision_step" DROP COLUMN "owner"`);
    await q.query(`ALTER TABLE "supervision_step" DROP COLUMN "step_key"`);
  }
}

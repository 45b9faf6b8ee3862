import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written:
 *  - the GIN index on scope_keys of open steps (TypeORM 0.3 could not declare an index method; since 1.x the
 *    entity declares it, `type: 'gin'`, and the schema diff compares it);
 *  - the trigger keeping supervision_step_tally (open steps per agency, origin, status, stuck) in step with
 *    supervision_step (the schema diff ignores triggers; the service recounts the tally at start-up:
 *    SupervisionSchema).
 */
const STEP_SCOPE_INDEX_AND_TALLY = [
  `CREATE INDEX IF NOT EXISTS "IDX_step_open_scope" ON supervision_step USING gin (scope_keys) WHERE closed_at IS NULL`,
  `CREATE OR REPLACE FUNCTION supervision_step_tally_fn() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'UPDATE' AND OLD.closed_at IS NOT DISTINCT FROM NEW.closed_at AND OLD.status = NEW.status AND OLD.stuck = NEW.stuck
        AND OLD.owing_agency_id = NEW.owing_agency_id AND OLD.origin_region IS NOT DISTINCT FROM NEW.origin_region THEN
       RETURN NULL;
     END IF;
     IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.closed_at IS NULL THEN
       UPDATE supervision_step_tally SET n = n - 1
        WHERE owing_agency_id = OLD.owing_agency_id AND origin_region = COALESCE(OLD.origin_region, '') AND status = OLD.status AND stuck = OLD.stuck;
     END IF;
     IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.closed_at IS NULL THEN
       INSERT INTO supervision_step_tally AS t (owing_agency_id, origin_region, status, stuck, n)
       VALUES (NEW.owing_agency_id, COALESCE(NEW.origin_region, ''), NEW.status, NEW.stuck, 1)
       ON CONFLICT (owing_agency_id, origin_region, status, stuck) DO UPDATE SET n = t.n + 1;
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE TRIGGER supervision_step_tally_trg AFTER INSERT OR UPDATE OR DELETE ON supervision_step
     FOR EACH ROW EXECUTE FUNCTION supervision_step_tally_fn()`,
];

export class StepScopeIndexAndTally1795971160000 implements MigrationInterface {
  name = 'StepScopeIndexAndTally1795971160000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of STEP_SCOPE_INDEX_AND_TALLY) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS supervision_step_tally_trg ON supervision_step');
    await q.query('DROP FUNCTION IF EXISTS supervision_step_tally_fn()');
    await q.query('DROP INDEX IF EXISTS "IDX_step_open_scope"');
  }
}

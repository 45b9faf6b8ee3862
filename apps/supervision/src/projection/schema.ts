import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * What TypeORM cannot declare, created idempotently after synchronize (at start-up, and by the bench):
 *  - the GIN index on scope_keys of open steps (declared with `synchronize: false` on the entity so
 *    synchronize leaves it alone);
 *  - the trigger keeping supervision_step_tally (open steps per agency, origin, status, stuck) in step
 *    with supervision_step, rebuilt from scratch at start-up under a share lock.
 */
export const EXTRA_SCHEMA_SQL = [
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

export async function ensureExtraSchema(ds: DataSource): Promise<void> {
  for (const sql of EXTRA_SCHEMA_SQL) await ds.query(sql);
  await rebuildTally(ds);
}

/** Recounts the tally from the steps (start-up; the trigger keeps it from then on). */
export async function rebuildTally(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query('LOCK TABLE supervision_step IN SHARE MODE');
    await m.query('DELETE FROM supervision_step_tally');
    await m.query(`INSERT INTO supervision_step_tally (owing_agency_id, origin_region, status, stuck, n)
      SELECT owing_agency_id, COALESCE(origin_region, ''), status, stuck, count(*) FROM supervision_step WHERE closed_at IS NULL GROUP BY 1, 2, 3, 4`);
  });
}

@Injectable()
export class SupervisionSchema implements OnModuleInit {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async onModuleInit(): Promise<void> {
    await ensureExtraSchema(this.ds);
  }
}

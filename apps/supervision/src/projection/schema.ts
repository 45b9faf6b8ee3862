import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Recounts the tally from the steps (start-up; the trigger keeps it from then on). */
export async function rebuildTally(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query('LOCK TABLE supervision_step IN SHARE MODE');
    await m.query('DELETE FROM supervision_step_tally');
    await m.query(`INSERT INTO supervision_step_tally (owing_agency_id, origin_region, status, stuck, n)
      SELECT owing_agency_id, COALESCE(origin_region, ''), status, stuck, count(*) FROM supervision_step WHERE closed_at IS NULL GROUP BY 1, 2, 3, 4`);
  });
}

/**
 * Recounts the tally at start-up (the tables, the GIN index and the trigger come from the migrations,
 * applied before this runs).
 */
@Injectable()
export class SupervisionSchema implements OnModuleInit {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async onModuleInit(): Promise<void> {
    await rebuildTally(this.ds);
  }
}

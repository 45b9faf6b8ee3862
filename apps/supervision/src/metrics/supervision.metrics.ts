import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { scrapeGauge } from '@casebridge/platform';

const OPEN_STEPS = 'casebridge_open_steps';

/**
 * casebridge_open_steps{status,owing_kind,owing_agency}: open statutory steps of the supervision projection by
 * status (on-time, warning, overdue, stuck) and the agency that owes the act; read when Prometheus scrapes
 * (one grouped query on the partial index of open steps). Overdue growth is the alert `CaseBridgeOverdueGrowing`.
 */
@Injectable()
export class SupervisionMetrics implements OnModuleDestroy {
  constructor(@InjectDataSource() ds: DataSource) {
    scrapeGauge(
      OPEN_STEPS,
      'Open statutory steps by status and owing agency',
      ['status', 'owing_kind', 'owing_agency'] as const,
      async (g) => {
        const rows = (await ds.query(
          `SELECT status, owing_kind, owing_agency_id, count(*)::int AS n FROM supervision_step WHERE closed_at IS NULL
          GROUP BY status, owing_kind, owing_agency_id`,
        )) as { status: string; owing_kind: string; owing_agency_id: string; n: number }[];
        g.reset();
        for (const r of rows)
          g.set({ status: r.status, owing_kind: r.owing_kind, owing_agency: r.owing_agency_id }, r.n);
      },
    );
  }

  onModuleDestroy(): void {
    register.removeSingleMetric(OPEN_STEPS);
  }
}

/**
 * Bench of the supervisor console's list query (GET /steps: items + total) and overview counts.
 *
 *   node -r @swc-node/register bench/supervision/list-query.bench.ts [--steps 100000] [--iterations 200] [--explain] [--keep]
 *
 * Creates its own database on the local PostgreSQL (CASEBRIDGE_PG_HOST/PORT/USER/PASSWORD, default
 * 127.0.0.1:5433 postgres), builds the schema exactly as the app does (the supervision migrations), fills it with generate_series (open steps spread over agencies, regions, rules and statuses
 * like a province's caseload, plus closed ones), runs the list query with typical filters many times
 * through the app's own query code, prints p50/p95/max per filter, and drops the database.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { countSteps, listSteps, stepQuery, type StepFilter } from '../../apps/supervision/src/api/step-query';
import { entitiesOf, migrationsOf, runPendingMigrations } from '@casebridge/platform';
import { rebuildTally } from '../../apps/supervision/src/projection/schema';
import { SUPERVISION_SCHEMA } from '../../apps/supervision/src/schema';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const STEPS = arg('steps', 100_000);
const CLOSED = Math.round(STEPS / 5);
const ITERATIONS = arg('iterations', 200);
const EXPLAIN = process.argv.includes('--explain');
const KEEP = process.argv.includes('--keep');
const REUSE = process.argv.includes('--db') ? process.argv[process.argv.indexOf('--db') + 1] : undefined;
const pg = {
  host: process.env.CASEBRIDGE_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.CASEBRIDGE_PG_PORT ?? 5433),
  user: process.env.CASEBRIDGE_PG_USER ?? 'postgres',
  password: process.env.CASEBRIDGE_PG_PASSWORD ?? 'postgres',
};

// Liaoning (21): 14 cities, Shenyang's districts; Jilin (22) and Heilongjiang (23) cities.
const REGIONS = [
  ...Array.from({ length: 14 }, (_, i) => `21${String(i + 1).padStart(2, '0')}00`),
  ...Array.from({ length: 10 }, (_, i) => `2101${String(i + 2).padStart(2, '0')}`),
  ...Array.from({ length: 9 }, (_, i) => `22${String(i + 1).padStart(2, '0')}00`),
  ...Array.from({ length: 12 }, (_, i) => `23${String(i + 1).padStart(2, '0')}00`),
];
const RULES: Record<string, string[]> = {
  police: [
    'transfer.receipt',
    'transfer.filing-review',
    'transfer.materials-notice',
    'transfer.reconsideration-decision',
    'transfer.decision-notice',
    'supervision.police-explain',
    'supervision.police-file',
    'prosecution.supplementary-investigation',
  ],
  enforcement: [
    'transfer.team-report',
    'transfer.head-decision',
    'transfer.handover',
    'transfer.materials-supplement',
    'transfer.items-handover',
    'transfer.reconsideration-request',
    'transfer.supervision-request',
    'penalty.decision-period',
    'sharing.platform-entry',
  ],
  procuratorate: [
    'prosecution.review',
    'supervision.tell-agency',
    'supervision.investigation-chaser',
    'prosecution.nonprosecution-notice',
    'pil.admin-suit-decision',
  ],
  court: ['court.docket', 'court.trial-criminal', 'court.serve-complaint'],
};

// the scope keys of domain/region.ts (regionKeys of the owing and origin regions), in SQL
const KEYS_FN = `
CREATE OR REPLACE FUNCTION bench_keys(o text, g text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY(SELECT DISTINCT k FROM unnest(ARRAY[
    left(o, 2), CASE WHEN o LIKE '%0000' THEN NULL ELSE left(o, 4) END, o,
    left(g, 2), CASE WHEN g LIKE '%0000' THEN NULL ELSE left(g, 4) END, g]) k WHERE k IS NOT NULL ORDER BY k)
$$`;

const FILL_SQL = `
WITH params AS (
  SELECT $1::text[] AS regions, $2::text[] AS police, $3::text[] AS enforcement, $4::text[] AS procuratorate, $5::text[] AS court
), raw AS (
  SELECT i, p.*,
         -- skewed towards the first (big) regions: Shenyang, Dalian …
         p.regions[1 + floor(power(random(), 1.8) * array_length(p.regions, 1))::int] AS owing_region,
         p.regions[1 + floor(random() * array_length(p.regions, 1))::int] AS other_region,
         random() AS r_kind, random() AS r_status, random() AS r_origin, random() AS r_rule, random() AS r_time
    FROM generate_series(1, $6::int + $7::int) i CROSS JOIN params p
), shaped AS (
  SELECT raw.*,
         CASE WHEN r_kind < 0.45 THEN 'police' WHEN r_kind < 0.75 THEN 'enforcement' WHEN r_kind < 0.95 THEN 'procuratorate' ELSE 'court' END AS kind,
         CASE WHEN r_status < 0.60 THEN 'on-time' WHEN r_status < 0.75 THEN 'warning' WHEN r_status < 0.95 THEN 'overdue' ELSE 'stuck' END AS status,
         CASE WHEN r_origin < 0.9 THEN owing_region ELSE other_region END AS origin_region,
         i > $6::int AS closed
    FROM raw
), steps AS (
  SELECT sh.*,
         md5(sh.i::text)::uuid AS lc, md5('s' || sh.i::text)::uuid::text AS subject,
         CASE sh.kind
           WHEN 'police' THEN sh.police[1 + floor(sh.r_rule * array_length(sh.police, 1))::int]
           WHEN 'enforcement' THEN sh.enforcement[1 + floor(sh.r_rule * array_length(sh.enforcement, 1))::int]
           WHEN 'procuratorate' THEN sh.procuratorate[1 + floor(sh.r_rule * array_length(sh.procuratorate, 1))::int]
           ELSE sh.court[1 + floor(sh.r_rule * array_length(sh.court, 1))::int] END AS rule,
         CASE WHEN sh.status = 'overdue' THEN now() - sh.r_time * interval '60 days'
              ELSE now() + sh.r_time * interval '30 days' END AS due
    FROM shaped sh
)
INSERT INTO supervision_step (step_id, linked_case_id, subject_id, rule_id, variant, owing_agency_id, owing_kind, owing_region, origin_region,
  scope_keys, source, since, due_at, last_day, explanation, status, stuck, stuck_reasons, waiting_on_receipt, next_change_at,
  last_activity_at, closed_at, outcome, press_count, updated_at)
SELECT s.subject || '/' || s.rule, s.lc, s.subject, s.rule, 'standard', s.kind || ':' || s.owing_region, s.kind, s.owing_region, s.origin_region,
       bench_keys(s.owing_region, s.origin_region), 'workflow', s.due - interval '3 days', s.due, to_char(s.due, 'YYYY-MM-DD'),
       '{"countingMode":"days","periodText":"3 days"}'::jsonb,
       CASE WHEN s.closed THEN 'closed' ELSE s.status END,
       NOT s.closed AND s.status IN ('overdue', 'stuck'),
       CASE WHEN s.closed THEN '{}'::text[] WHEN s.status = 'overdue' THEN ARRAY['overdue'] WHEN s.status = 'stuck' THEN ARRAY['idle-p95'] ELSE '{}'::text[] END,
       NOT s.closed AND s.rule = 'transfer.receipt',
       CASE WHEN s.closed OR s.status = 'overdue' THEN NULL ELSE s.due END,
       s.due - interval '2 days' + s.r_time * interval '1 day', CASE WHEN s.closed THEN s.due - interval '1 day' END,
       CASE WHEN s.closed THEN 'met' END, 0, now()
  FROM steps s`;

function quantile(sorted: number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

async function admin(sql: string): Promise<void> {
  const c = new Client({ ...pg, database: 'postgres' });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const name = REUSE ?? `bench_supervision_${randomBytes(4).toString('hex')}`;
  if (!REUSE) await admin(`CREATE DATABASE "${name}"`);
  const ds = new DataSource({
    type: 'postgres',
    ...pg,
    username: pg.user,
    database: name,
    entities: entitiesOf(SUPERVISION_SCHEMA),
    migrations: migrationsOf(SUPERVISION_SCHEMA),
    extra: { max: 4 },
  });
  try {
    await ds.initialize();
    await runPendingMigrations(ds);
    await rebuildTally(ds);
    const t0 = performance.now();
    if (!REUSE) {
      await ds.query(KEYS_FN);
      await ds.query(FILL_SQL, [
        REGIONS,
        RULES.police,
        RULES.enforcement,
        RULES.procuratorate,
        RULES.court,
        STEPS,
        CLOSED,
      ]);
    }
    await ds.query('VACUUM ANALYZE supervision_step');
    await ds.query('VACUUM ANALYZE supervision_step_tally'); // autovacuum's job in a running service
    const [{ open, closed }] = await ds.query(
      `SELECT count(*) FILTER (WHERE closed_at IS NULL)::int AS open, count(*) FILTER (WHERE closed_at IS NOT NULL)::int AS closed FROM supervision_step`,
    );
    const dist = (await ds.query(
      `SELECT status, count(*)::int AS n FROM supervision_step WHERE closed_at IS NULL GROUP BY 1 ORDER BY 1`,
    )) as { status: string; n: number }[];
    const [{ shenyang }] = await ds.query(
      `SELECT count(*)::int AS shenyang FROM supervision_step WHERE closed_at IS NULL AND scope_keys @> ARRAY['2101']`,
    );
    process.stdout.write(
      `filled ${open} open + ${closed} closed steps in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
        `(${dist.map((d) => `${d.status} ${d.n}`).join(', ')}; visible to a Shenyang supervisor: ${shenyang})\n\n`,
    );

    const scenarios: [string, StepFilter][] = [
      ['national, all open, by due date', { supervisorRegion: '000000' }],
      ['national, stuck=true, page 5', { supervisorRegion: '000000', stuck: true, page: 5 }],
      ['province 210000, overdue', { supervisorRegion: '210000', statuses: ['overdue'] }],
      ['city 210100, all open', { supervisorRegion: '210100' }],
      ['city 210100, overdue, police', { supervisorRegion: '210100', statuses: ['overdue'], kind: 'police' }],
      ['city 210100, overdueByDays ≥ 7, -dueAt', { supervisorRegion: '210100', overdueByDays: 7, sort: '-dueAt' }],
      [
        'city 210100, transfer.receipt waitingOnReceipt',
        { supervisorRegion: '210100', ruleId: 'transfer.receipt', waitingOnReceipt: true },
      ],
      [
        'city 210100, agency police:210100 warning',
        { supervisorRegion: '210100', agency: 'police:210100', statuses: ['warning'] },
      ],
      ['city 210200, stuck, by last activity', { supervisorRegion: '210200', stuck: true, sort: '-lastActivityAt' }],
      ['county 210102, all open', { supervisorRegion: '210102' }],
      [
        'province 210000, region 210100 filter, rule transfer.filing-review',
        { supervisorRegion: '210000', region: '210100', ruleId: 'transfer.filing-review' },
      ],
    ];
    const all: number[] = [];
    const row = (label: string, t: number[]): string => {
      const s = [...t].sort((a, b) => a - b);
      return `${label.padEnd(72)} p50 ${quantile(s, 0.5).toFixed(2).padStart(7)} ms   p95 ${quantile(s, 0.95).toFixed(2).padStart(7)} ms   max ${s[s.length - 1]!.toFixed(2).padStart(7)} ms`;
    };
    process.stdout.write(
      `GET /steps list query (items page of 50 + total), ${ITERATIONS} runs each after 10 warm-up runs:\n`,
    );
    for (const [label, f] of scenarios) {
      if (EXPLAIN) {
        const [sql, params] = stepQuery(ds.manager, f).getQueryAndParameters();
        const plan = (await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) as { 'QUERY PLAN': string }[];
        process.stdout.write(`--- ${label}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}\n`);
      }
      for (let i = 0; i < 10; i++) await listSteps(ds.manager, f);
      const times: number[] = [];
      let total = '';
      for (let i = 0; i < ITERATIONS; i++) {
        const t = performance.now();
        const r = await listSteps(ds.manager, { ...f, now: new Date() });
        times.push(performance.now() - t);
        total = `${r.total}${r.totalCapped ? '+' : ''}`;
      }
      all.push(...times);
      process.stdout.write(`${row(`${label} (${total} rows)`, times)}\n`);
    }
    process.stdout.write(`${row('ALL list queries', all)}\n\n`);
    // the trigger-kept tally agrees with a full aggregate
    const direct = (await ds.query(
      `SELECT owing_agency_id AS a, status AS s, count(*)::int AS n FROM supervision_step WHERE closed_at IS NULL GROUP BY 1, 2`,
    )) as { a: string; s: string; n: number }[];
    const tallied = await countSteps(ds.manager, '000000');
    const mismatch = direct.filter(
      (d) => tallied.find((x) => x.owingAgencyId === d.a)?.counts[d.s as 'on-time'] !== d.n,
    );
    process.stdout.write(
      `tally check: ${mismatch.length ? `MISMATCH ${JSON.stringify(mismatch.slice(0, 3))}` : `ok (${direct.length} agency/status groups)`}\n`,
    );
    process.stdout.write(`GET /steps/counts (per agency and status):\n`);
    for (const region of ['000000', '210000', '210100']) {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) await countSteps(ds.manager, region);
      for (let i = 0; i < Math.max(20, ITERATIONS / 4); i++) {
        const t = performance.now();
        await countSteps(ds.manager, region);
        times.push(performance.now() - t);
      }
      process.stdout.write(`${row(`counts for ${region}`, times)}\n`);
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (KEEP) process.stdout.write(`kept database ${name} (--db ${name} to reuse)\n`);
    else await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});

/**
 * The list query of GET /steps (also run by bench/supervision/list-query.bench.ts). Open steps are
 * served by partial indexes (WHERE closed_at IS NULL): GIN on scope_keys for the region scope, btree
 * on due_at, (status, due_at), (rule_id, due_at) and (owing_agency_id, status).
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { splitAgencyId, supervisorScopeKey } from '../domain/region';
import type { StepStatus } from '../domain/status';
import { SupervisionStep } from '../projection/entities';

export const STEP_SORTS = ['dueAt', '-dueAt', 'since', '-since', 'lastActivityAt', '-lastActivityAt'] as const;
export type StepSort = (typeof STEP_SORTS)[number];
export const STEP_STATES = ['open', 'closed', 'all'] as const;
export type StepState = (typeof STEP_STATES)[number];

export interface StepFilter {
  /** the supervisor's region (token): scope (domain/region.ts) */
  supervisorRegion: string;
  agency?: string;
  kind?: string;
  /** owing agency's region (hierarchical, like the scope) */
  region?: string;
  ruleId?: string;
  statuses?: StepStatus[];
  stuck?: boolean;
  overdueByDays?: number;
  waitingOnReceipt?: boolean;
  linkedCaseId?: string;
  state?: StepState;
  sort?: StepSort;
  page?: number;
  pageSize?: number;
  now?: Date;
}

const SORT_COLUMNS: Record<string, string> = { dueAt: 's.dueAt', since: 's.since', lastActivityAt: 's.lastActivityAt' };

/** Scope predicate on a step alias: owing region OR case origin region within the supervisor's region. */
export function applyScope<T extends object>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  supervisorRegion: string,
): SelectQueryBuilder<T> {
  const key = supervisorScopeKey(supervisorRegion);
  return key === null ? qb : qb.andWhere(`${alias}.scope_keys @> ARRAY[:scopeKey]::text[]`, { scopeKey: key });
}

export function stepQuery(manager: EntityManager, f: StepFilter): SelectQueryBuilder<SupervisionStep> {
  const qb = manager.createQueryBuilder(SupervisionStep, 's');
  const state = f.state ?? 'open';
  if (state === 'open') qb.where('s.closed_at IS NULL');
  else if (state === 'closed') qb.where('s.closed_at IS NOT NULL');
  else qb.where('TRUE');
  applyScope(qb, 's', f.supervisorRegion);
  if (f.agency) qb.andWhere('s.owing_agency_id = :agency', { agency: f.agency });
  if (f.kind) qb.andWhere('s.owing_kind = :kind', { kind: f.kind });
  if (f.region) {
    const key = supervisorScopeKey(f.region);
    if (key !== null) qb.andWhere('starts_with(s.owing_region, :regionKey)', { regionKey: key });
  }
  if (f.ruleId) qb.andWhere('s.rule_id = :ruleId', { ruleId: f.ruleId });
  if (f.statuses?.length) qb.andWhere('s.status IN (:...statuses)', { statuses: f.statuses });
  if (f.stuck !== undefined) qb.andWhere('s.stuck = :stuck', { stuck: f.stuck });
  if (f.waitingOnReceipt !== undefined) qb.andWhere('s.waiting_on_receipt = :wor', { wor: f.waitingOnReceipt });
  if (f.linkedCaseId) qb.andWhere('s.linked_case_id = :lc', { lc: f.linkedCaseId });
  if (f.overdueByDays !== undefined) {
    qb.andWhere(`s.status = 'overdue'`);
    if (f.overdueByDays > 0) {
      const cutoff = new Date((f.now ?? new Date()).getTime() - f.overdueByDays * 86_400_000);
      qb.andWhere('s.due_at <= :cutoff', { cutoff });
    }
  }
  const sort = f.sort ?? 'dueAt';
  const desc = sort.startsWith('-');
  qb.orderBy(SORT_COLUMNS[desc ? sort.slice(1) : sort]!, desc ? 'DESC' : 'ASC').addOrderBy('s.stepId', 'ASC');
  const pageSize = f.pageSize ?? 50;
  qb.offset(((f.page ?? 1) - 1) * pageSize).limit(pageSize);
  return qb;
}

/** Totals are exact up to this many rows; beyond, `total` is this number and `totalCapped` is true: nobody pages through more than 20 pages, and counting further would cost more than the page itself (exact counts per agency and status: GET /steps/counts). */
export const TOTAL_CAP = 1000;

export async function listSteps(
  manager: EntityManager,
  f: StepFilter,
): Promise<{ items: SupervisionStep[]; total: number; totalCapped: boolean }> {
  const qb = stepQuery(manager, f);
  const capped = qb
    .clone()
    .select('1')
    .orderBy()
    .offset(undefined)
    .limit(TOTAL_CAP + 1);
  const [sql, params] = capped.getQueryAndParameters();
  const [items, rows] = await Promise.all([
    qb.getMany(),
    manager.query(`SELECT count(*)::int AS n FROM (${sql}) capped`, params) as Promise<{ n: number }[]>,
  ]);
  const n = rows[0]?.n ?? 0;
  return { items, total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP };
}

export interface AgencyCount {
  owingAgencyId: string;
  owingKind: string;
  owingRegion: string | null;
  counts: Record<StepStatus, number>;
  stuck: number;
  total: number;
}

/**
 * GET /steps/counts: open steps per owing agency and status in scope, read from the trigger-kept tally
 * (projection/schema.ts). The scope predicate is the same as for the list (owing region OR case origin
 * region within the supervisor's region).
 */
export async function countSteps(manager: EntityManager, supervisorRegion: string): Promise<AgencyCount[]> {
  const key = supervisorScopeKey(supervisorRegion);
  const rows = (await manager.query(
    `SELECT owing_agency_id AS agency, status, stuck, sum(n)::int AS n FROM supervision_step_tally
      WHERE n > 0 AND ($1::text IS NULL OR starts_with(split_part(owing_agency_id, ':', 2), $1) OR starts_with(origin_region, $1))
      GROUP BY 1, 2, 3`,
    [key],
  )) as { agency: string; status: StepStatus; stuck: boolean; n: number }[];
  const by = new Map<string, AgencyCount>();
  for (const r of rows) {
    const place = splitAgencyId(r.agency);
    const a = by.get(r.agency) ?? {
      owingAgencyId: r.agency,
      owingKind: place.kind,
      owingRegion: place.region,
      counts: { 'on-time': 0, warning: 0, overdue: 0, stuck: 0, closed: 0 },
      stuck: 0,
      total: 0,
    };
    a.counts[r.status] += r.n;
    if (r.stuck) a.stuck += r.n;
    a.total += r.n;
    by.set(r.agency, a);
  }
  return [...by.values()].sort(
    (a, b) => b.stuck - a.stuck || b.total - a.total || a.owingAgencyId.localeCompare(b.owingAgencyId),
  );
}

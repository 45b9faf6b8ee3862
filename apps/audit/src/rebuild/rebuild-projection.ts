import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import { upcastFast } from '../replay/case-history';
import { auditSections, type AuditRow } from '@casebridge/flows';
import { CaseStateFold, type AgencySections, type CaseStateView } from '../replay/case-state.projector';
import type { SqlRunner } from '../shared/sql';

export interface RebuildReport {
  events: number;
  cases: number;
  /** wall time of the whole replay: read + upcast + fold + per-case view */
  durationMs: number;
  eventsPerSecond: number;
  /** time spent deriving the per-case views (penalty clock, deadlines) once every event is folded */
  viewMs: number;
  asOf: string;
  summary: {
    /** rows by phase, for each section of every registered flow: `{ 'police.transfers': { filed: 20 } }` */
    phases: Record<string, Record<string, number>>;
    penaltyClocks: Record<string, number>;
    runningDeadlines: number;
    missedDeadlines: number;
  };
  unhandledTypes: string[];
}

interface Row {
  seq: string;
  linked_case_id: string;
  case_seq: number;
  envelope: IntegrationEventEnvelope<Record<string, unknown>>;
}

/** A row's phase (a transfer copy calls it status); '(none)' for a row without one (an opinion). */
const phaseOf = (row: AuditRow): string =>
  typeof row.phase === 'string' ? row.phase : typeof row.status === 'string' ? row.status : '(none)';

const count = (into: Record<string, number>, key: string) => {
  into[key] = (into[key] ?? 0) + 1;
};

/**
 * Replays the whole ledger, in ledger order, into a fresh in-memory projection: one CaseStateFold per
 * linked case (the same projector as GET /cases/:id/state), then each case's view as of `asOf`. Reads in
 * keyset batches, the next batch requested while the current one is folded.
 */
export async function rebuildProjection(
  db: SqlRunner,
  options: { batchSize?: number; asOf?: Date; keep?: (view: CaseStateView) => void } = {},
): Promise<RebuildReport> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 10_000;
  const asOf = (options.asOf ?? new Date()).toISOString();
  const folds = new Map<string, CaseStateFold>();
  const read = (after: number) => {
    const p = db.query<Row>(
      'SELECT e.seq::text AS seq, e.linked_case_id, e.case_seq, e.envelope FROM ledger_entry e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2',
      [after, batchSize],
    );
    p.catch(() => undefined); // awaited below; this only keeps an abandoned prefetch from being unhandled
    return p;
  };
  let events = 0;
  let next: Promise<Row[]> | null = read(0);
  while (next) {
    const rows: Row[] = await next;
    next = rows.length === batchSize ? read(Number(rows[rows.length - 1]!.seq)) : null;
    for (const r of rows) {
      const env = typeof r.envelope === 'string' ? (JSON.parse(r.envelope) as Row['envelope']) : r.envelope;
      let fold = folds.get(r.linked_case_id);
      if (!fold) {
        fold = new CaseStateFold(r.linked_case_id);
        folds.set(r.linked_case_id, fold);
      }
      const current = upcastFast(env);
      fold.apply({
        caseSeq: r.case_seq,
        eventId: env.eventId,
        type: env.type,
        version: current.version,
        payload: current.payload,
        producer: env.producer,
        actor: env.actor,
        occurredAt: env.occurredAt,
        recordedAt: env.recordedAt,
      });
      events++;
    }
  }
  const viewStarted = Date.now();
  const summary: RebuildReport['summary'] = {
    phases: {},
    penaltyClocks: {},
    runningDeadlines: 0,
    missedDeadlines: 0,
  };
  const unhandled = new Set<string>();
  for (const fold of folds.values()) {
    const v = fold.view(asOf);
    for (const [kind, sections] of Object.entries(auditSections()))
      for (const section of sections) {
        const into = (summary.phases[`${kind}.${section}`] ??= {});
        for (const row of (v as unknown as Record<string, AgencySections | undefined>)[kind]?.[section] ?? [])
          count(into, phaseOf(row));
      }
    if (v.enforcement.penaltyClock) count(summary.penaltyClocks, v.enforcement.penaltyClock.status);
    summary.runningDeadlines += v.deadlines.running.length;
    summary.missedDeadlines += v.deadlines.missed.length;
    for (const t of v.unhandledTypes) unhandled.add(t);
    options.keep?.(v);
  }
  const durationMs = Date.now() - started;
  return {
    events,
    cases: folds.size,
    durationMs,
    eventsPerSecond: durationMs > 0 ? Math.round((events * 1000) / durationMs) : events,
    viewMs: Date.now() - viewStarted,
    asOf,
    summary,
    unhandledTypes: [...unhandled].sort(),
  };
}

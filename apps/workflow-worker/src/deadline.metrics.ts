/**
 * Deadline events the worker publishes (through its outbox), counted once each (a retried activity finds its
 * events already written and counts nothing):
 *
 *   casebridge_deadline_events_total{type,rule_id,outcome}   started | warning | missed (outcome overdue) |
 *                                                           closed (outcome met = on time, late, moot, suspended)
 *   casebridge_deadline_missed_delay_seconds{rule_id}       how long after its due instant a deadline.missed was
 *                                                           written (seconds): the workflow hop of a late deadline event
 */
import { Counter, Histogram, register } from 'prom-client';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';

type EventLabels = 'type' | 'rule_id' | 'outcome';
const events =
  (register.getSingleMetric('casebridge_deadline_events_total') as Counter<EventLabels> | undefined) ??
  new Counter<EventLabels>({
    name: 'casebridge_deadline_events_total',
    help: 'Deadline events published by the workflows, by type, rule id and outcome (closed: met on time, late, moot, suspended; missed: overdue)',
    labelNames: ['type', 'rule_id', 'outcome'],
  });
const missedDelay =
  (register.getSingleMetric('casebridge_deadline_missed_delay_seconds') as Histogram<'rule_id'> | undefined) ??
  new Histogram<'rule_id'>({
    name: 'casebridge_deadline_missed_delay_seconds',
    help: 'Seconds between the due instant of a deadline and the writing of its deadline.missed event',
    labelNames: ['rule_id'],
    buckets: [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 86400],
  });

/** Counts deadline events that were just written to the outbox (others pass through untouched). */
export function countDeadlineEvents(written: readonly IntegrationEventEnvelope[], now = new Date()): void {
  for (const e of written) {
    if (!e.type.startsWith('deadline.')) continue;
    const p = e.payload as { ruleId?: string; outcome?: string; dueAt?: string };
    const kind = e.type.slice('deadline.'.length);
    const ruleId = p.ruleId ?? 'unknown';
    const outcome = kind === 'closed' ? (p.outcome ?? 'unknown') : kind === 'missed' ? 'overdue' : kind;
    events.inc({ type: e.type, rule_id: ruleId, outcome });
    if (kind === 'missed' && p.dueAt)
      missedDelay.observe({ rule_id: ruleId }, Math.max(0, (now.getTime() - Date.parse(p.dueAt)) / 1000));
  }
}

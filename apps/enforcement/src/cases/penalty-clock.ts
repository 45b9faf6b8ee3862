import type { DeadlineEngine } from '@casebridge/legal-time';
import { serviceDeadlineEngine } from '@casebridge/legal-time/node';
import type { PenaltySuspension } from './administrative-case.entity';

/** Rule id of the administrative-penalty decision period: 90 days, suspended while with the police (APL art 60; E17 art 16). */
export const PENALTY_RULE = 'penalty.decision-period';

export interface PenaltyClockView {
  ruleId: string;
  status: 'running' | 'suspended' | 'overdue';
  registeredAt: string;
  dueAt: string;
  lastDay: string;
  /** true while suspended: dueAt assumes the clock resumed now */
  projected: boolean;
  remaining: string;
  suspensions: PenaltySuspension[];
  basis: string;
  explain: unknown;
  /** years counted on the statutory floor (no official holiday arrangement loaded): the due date is provisional */
  provisionalYears?: readonly number[];
}

let sharedEngine: DeadlineEngine | undefined;
function engine(): DeadlineEngine {
  // provisional: a 90-day period started now reaches into a year whose holiday arrangement may not be
  // published yet; the view then says which year was counted on the statutory floor.
  sharedEngine ??= serviceDeadlineEngine();
  return sharedEngine;
}

/** The penalty clock of a case as of `now`, with its explanation trace. */
export function penaltyClock(registeredAt: Date, suspensions: PenaltySuspension[], now: Date): PenaltyClockView {
  let clock = engine().startClock({ rule: PENALTY_RULE, at: registeredAt.toISOString() });
  for (const s of suspensions) {
    clock = clock.suspend(s.from, s.reason);
    if (s.to) clock = clock.resume(s.to);
  }
  const remaining = clock.remaining(now.toISOString());
  const status = clock.status(now.toISOString());
  const deadline = remaining.projected ? clock.projectedDeadline(now.toISOString()) : clock.deadline();
  return {
    ruleId: PENALTY_RULE,
    status: status === 'elapsed' ? 'overdue' : status,
    registeredAt: registeredAt.toISOString(),
    dueAt: deadline.dueAt,
    lastDay: deadline.lastDay,
    projected: remaining.projected,
    remaining: remaining.text,
    suspensions,
    basis: deadline.basisText,
    explain: deadline.explain,
    ...(deadline.provisionalYears ? { provisionalYears: deadline.provisionalYears } : {}),
  };
}

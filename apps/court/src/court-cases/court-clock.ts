import { DomainError } from '@casebridge/contracts';
import type { DeadlineEngine } from '@casebridge/legal-time';
import { serviceDeadlineEngine } from '@casebridge/legal-time/node';
import { CourtErrorCodes } from './court-case.machine';

let sharedEngine: DeadlineEngine | undefined;
function engine(): DeadlineEngine {
  sharedEngine ??= serviceDeadlineEngine();
  return sharedEngine;
}

/**
 * court.hearing-notice (PILJI art 8): the notice is served at least 3 days before the hearing. Refuses (400
 * COURT_CASE.HEARING_NOTICE_TOO_LATE) a hearing whose notice, served `now`, would come later than that.
 * @returns the latest instant the notice may be served (ISO, +08:00)
 */
export function assertHearingNoticeInTime(hearingAt: Date, now: Date): string {
  const latest = engine().compute({ rule: 'court.hearing-notice', from: hearingAt.toISOString() });
  if (now.getTime() <= latest.dueAtEpochMs) return latest.dueAt;
  throw new DomainError(
    CourtErrorCodes.hearingTooSoon,
    'invalid',
    `A hearing notice must be served at least 3 days before the hearing (court.hearing-notice, PILJI art 8): for a hearing at ${hearingAt.toISOString()} it had to be served by ${latest.dueAt}. Choose a later date.`,
    { latestNoticeAt: latest.dueAt },
  );
}

/**
 * A minimum announcement period (court.settlement-announcement, edc.confirmation-announcement: ≥ 30 days) must have
 * run before the approval or confirmation. Refuses (409 COURT_CASE.ANNOUNCEMENT_RUNNING) before its end.
 */
export function assertAnnouncementRun(ruleId: string, announcedAt: Date, now: Date): void {
  const end = engine().compute({ rule: ruleId, from: announcedAt.toISOString() });
  if (now.getTime() >= end.dueAtEpochMs) return;
  throw new DomainError(
    CourtErrorCodes.announcementRunning,
    'conflict',
    `The announcement runs until ${end.dueAt} (${ruleId}, at least 30 days): approval or confirmation only after it.`,
    { ruleId, endsAt: end.dueAt },
  );
}

/**
 * The approved variants of a trial-period rule (court.trial-civil: extended, simplified-extended; court.trial-criminal:
 * extended). Refuses (400 COURT_CASE.EXTENSION_NOT_AVAILABLE) another variant, or one that does not fit the procedure.
 */
export function assertExtension(ruleId: string, variant: string, procedure: 'ordinary' | 'simplified' | null): void {
  const rule = engine().ruleBook.get(ruleId);
  const v = rule.variants.find((x) => x.name === variant);
  const fitsProcedure = variant.startsWith('simplified') === (procedure === 'simplified');
  if (v?.requiresApproval && fitsProcedure) return;
  const allowed = rule.variants.filter((x) => x.requiresApproval).map((x) => x.name);
  throw new DomainError(
    CourtErrorCodes.variantNotApproved,
    'invalid',
    allowed.length
      ? `${ruleId} (${procedure ?? 'ordinary'} procedure) can be extended to: ${allowed.filter((n) => n.startsWith('simplified') === (procedure === 'simplified')).join(', ') || 'nothing'}.`
      : `${ruleId} knows no extension (${rule.basisText}).`,
    { ruleId, allowed },
  );
}

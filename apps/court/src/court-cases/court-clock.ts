import { DomainError, type CourtTrack } from '@casebridge/contracts';
import type { DeadlineEngine } from '@casebridge/legal-time';
import { serviceDeadlineEngine } from '@casebridge/legal-time/node';
import { CourtErrorCodes, TRIAL_RULES } from './court-case.machine';

let sharedEngine: DeadlineEngine | undefined;
function engine(): DeadlineEngine {
  sharedEngine ??= serviceDeadlineEngine();
  return sharedEngine;
}

/** The latest instant the notice of a hearing at `hearingAt` may be served (court.hearing-notice, ISO +08:00). */
export function hearingNoticeDue(hearingAt: Date): string {
  return engine().compute({ rule: 'court.hearing-notice', from: hearingAt.toISOString() }).dueAt;
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

/**
 * When a hearing may be set (rule data; the notice lead time itself is court.hearing-notice, PILJI art 8):
 * - not before the case was docketed (立案): there is no trial before it (CivPL art 126; ALL art 51);
 * - not after the outer limit of the trial period of its track, counted from docketing with every extension the
 *   law lets the court approve (court.trial-civil 12 months, CivPL arts 152, 164; court.trial-administrative
 *   6 months, ALL arts 81, 83; court.trial-criminal 6 months, CPL art 208): a later hearing could not be followed
 *   by a judgment in time;
 * - `lateHorizonDays` — **policy** default, no article sets it: a case already past that limit may still be heard,
 *   at most this many days ahead, so that a late court can still hear and judge it (its lateness shows on
 *   court.trial-*).
 */
export const HEARING_WINDOW = {
  notBefore: 'docketing',
  notAfter: 'the outer limit of court.trial-* from docketing (every approvable extension included)',
  lateHorizonDays: 30,
  lateHorizonStatus: 'policy',
  basisText: 'CivPL arts 126, 152, 164; ALL arts 51, 81, 83; CPL art 208; late horizon: CaseBridge policy default',
} as const;

const DAY_MS = 86_400_000;

/**
 * Refuses (409 COURT_CASE.HEARING_DATE_OUT_OF_RANGE) a hearing outside HEARING_WINDOW: before `docketedAt`, or after
 * the latest of (the outer limit of the track's trial period from docketing, `now` + the late horizon).
 * @returns the last instant a hearing may be set (ISO)
 */
export function assertHearingInWindow(track: CourtTrack, hearingAt: Date, docketedAt: Date, now: Date): string {
  if (hearingAt.getTime() <= docketedAt.getTime())
    throw new DomainError(
      CourtErrorCodes.hearingOutOfRange,
      'conflict',
      `A hearing cannot be before the case was docketed (${docketedAt.toISOString()}): choose a date after docketing, at least 3 days after today.`,
      { docketedAt: docketedAt.toISOString() },
    );
  const ruleId = TRIAL_RULES[track];
  const rule = engine().ruleBook.get(ruleId);
  const outer = rule.variants
    .map((v) => engine().compute({ rule: ruleId, variant: v.name, from: docketedAt.toISOString() }))
    .reduce((a, b) => (b.dueAtEpochMs > a.dueAtEpochMs ? b : a));
  const late = now.getTime() + HEARING_WINDOW.lateHorizonDays * DAY_MS;
  const latest = Math.max(outer.dueAtEpochMs, late);
  if (hearingAt.getTime() <= latest) return new Date(latest).toISOString();
  throw new DomainError(
    CourtErrorCodes.hearingOutOfRange,
    'conflict',
    outer.dueAtEpochMs >= late
      ? `A hearing on ${hearingAt.toISOString()} is too far ahead: the trial period of this case (${ruleId}, ${rule.basisText}) ends at the latest on ${outer.lastDay}, with every approvable extension. Choose a date on or before then.`
      : `A hearing on ${hearingAt.toISOString()} is too far ahead: the trial period of this case (${ruleId}) ended on ${outer.lastDay}; a late case is heard within ${HEARING_WINDOW.lateHorizonDays} days (by ${new Date(late).toISOString()}).`,
    { ruleId, latestHearingAt: new Date(latest).toISOString(), trialOuterLimit: outer.lastDay },
  );
}

import { DomainError, type CourtCaseSource, type CourtTrack } from '@casebridge/contracts';
import { actRules, type ActSpec } from '@casebridge/flows';

/**
 * One case at a court (flows.md §3–4, §6), as the court office holds it. Pure: which act is allowed in which phase,
 * where it leads, and the checks that are the court's own (which case the act fits, time before a hearing).
 *
 *   received → docketed → judged (restoration tracked) | settled
 *   received → not-accepted
 *   received (EDC confirmation application) → announced → confirmed
 */
export const COURT_CASE_PHASES = [
  'received', // the indictment, suit or application arrived (court.docket runs)
  'docketed', // 立案: trial period running (court.trial-*), PIL notices owed
  'not-accepted', // ruling not to accept (closed)
  'judged', // judgment rendered; a restoration order is tracked to completion
  'settled', // settlement approved after its announcement (closed)
  'announced', // EDC agreement announced before confirmation (edc.confirmation-announcement)
  'confirmed', // EDC agreement confirmed (closed)
] as const;
export type CourtCasePhase = (typeof COURT_CASE_PHASES)[number];

export const CLOSED_COURT_PHASES: readonly CourtCasePhase[] = ['not-accepted', 'settled', 'confirmed'];

/** Where a restoration order stands: none ordered, ordered (no report yet), in progress, completed (verified). */
export const RESTORATION_STATUSES = ['none', 'ordered', 'in-progress', 'completed'] as const;
export type RestorationStatus = (typeof RESTORATION_STATUSES)[number];

/** Stable error codes of the court (besides the act guard's). */
export const CourtErrorCodes = {
  notFound: 'COURT_CASE.NOT_FOUND',
  outOfOrder: 'COURT_CASE.OUT_OF_ORDER',
  alreadyDone: 'COURT_CASE.ALREADY_DONE',
  closed: 'CASE.CLOSED',
  notApplicable: 'COURT_CASE.NOT_APPLICABLE',
  hearingTooSoon: 'COURT_CASE.HEARING_NOTICE_TOO_LATE',
  announcementRunning: 'COURT_CASE.ANNOUNCEMENT_RUNNING',
  variantNotApproved: 'COURT_CASE.EXTENSION_NOT_AVAILABLE',
  restorationInvalid: 'COURT_CASE.RESTORATION_INVALID',
  noRestoration: 'COURT_CASE.NO_RESTORATION_ORDER',
  agencyNotCompetent: 'COURT_CASE.AGENCY_NOT_COMPETENT',
  docketNumberTaken: 'COURT_CASE.DOCKET_NUMBER_TAKEN',
  restorationProgressBackwards: 'COURT_CASE.RESTORATION_PROGRESS_BACKWARDS',
  restorationNotFullyReported: 'COURT_CASE.RESTORATION_NOT_FULLY_REPORTED',
  hearingOutOfRange: 'COURT_CASE.HEARING_DATE_OUT_OF_RANGE',
  noHearingHeld: 'COURT_CASE.NO_HEARING_HELD',
} as const;

export type CourtAct =
  | 'docket'
  | 'not-accept'
  | 'serve-complaint'
  | 'notify-agency'
  | 'announce-co-plaintiffs'
  | 'schedule-hearing'
  | 'announce-settlement'
  | 'approve-settlement'
  | 'extend-trial'
  | 'render-judgment'
  | 'announce-confirmation'
  | 'confirm-agreement'
  | 'report-restoration'
  | 'verify-restoration';

const act = (
  allowedIn: readonly CourtCasePhase[],
  leadsTo: readonly CourtCasePhase[],
  emits: string,
  text: string,
  roles: ActSpec<CourtCasePhase>['roles'] = ['officer', 'head'],
): ActSpec<CourtCasePhase> => ({ by: 'court', roles, allowedIn, leadsTo, emits, text });

/** The court's acts: who, where, what they emit (libs/flows ActSpec). */
export const COURT_ACTS: Readonly<Record<CourtAct, ActSpec<CourtCasePhase>>> = {
  docket: act(['received'], ['docketed'], 'court.case-docketed', 'docket the case'),
  'not-accept': act(['received'], ['not-accepted'], 'court.case-not-accepted', 'rule not to accept the case'),
  'serve-complaint': act(['docketed'], [], 'court.complaint-served', 'serve the complaint'),
  'notify-agency': act(['docketed'], [], 'court.agency-notified', 'notify the competent agency'),
  'announce-co-plaintiffs': act(['docketed'], [], 'court.co-plaintiff-announced', 'announce for co-plaintiffs'),
  'schedule-hearing': act(['docketed'], [], 'court.hearing-scheduled', 'schedule a hearing'),
  'announce-settlement': act(['docketed'], [], 'court.settlement-announced', 'announce a settlement'),
  'approve-settlement': act(['docketed'], ['settled'], 'court.settlement-approved', 'approve the settlement'),
  // the approval of the president (or the court above) is recorded by the head
  'extend-trial': act(['docketed'], [], 'court.trial-extended', 'extend the trial period', ['head']),
  'render-judgment': act(['docketed'], ['judged'], 'court.judgment-rendered', 'render judgment'),
  'announce-confirmation': act(['received'], ['announced'], 'court.confirmation-announced', 'announce the agreement'),
  'confirm-agreement': act(['announced'], ['confirmed'], 'court.agreement-confirmed', 'confirm the agreement'),
  'report-restoration': act(['judged'], [], 'court.restoration-reported', 'report restoration progress'),
  'verify-restoration': act(['judged'], [], 'court.restoration-verified', 'verify the restoration'),
};

export const COURT_ACT_RULES = actRules<CourtCasePhase, CourtAct>(COURT_ACTS, {
  subject: 'court case',
  codes: {
    alreadyDone: CourtErrorCodes.alreadyDone,
    outOfOrder: CourtErrorCodes.outOfOrder,
    closed: CourtErrorCodes.closed,
  },
  closed: CLOSED_COURT_PHASES,
  next: {
    received:
      'docket the case or rule not to accept it (court.docket, 7 days); a confirmation application is announced first',
    docketed:
      'serve, notify, announce, hold hearings and render judgment within the trial period (court.trial-*); a settlement is approved ≥ 30 days after its announcement',
    judged: 'track the restoration order: progress reports and verification',
    announced: 'confirm the agreement once edc.confirmation-announcement (≥ 30 days) has run',
  },
});

/** The facts of a case that decide whether an act fits it (beyond its phase). */
export interface CaseKind {
  source: CourtCaseSource;
  track: CourtTrack;
  pilKind: 'administrative' | 'civil' | null;
}

const FITS: Partial<Record<CourtAct, { when: (c: CaseKind) => boolean; why: string }>> = {
  docket: {
    when: (c) => c.source !== 'edc-confirmation',
    why: 'a confirmation application is announced, not docketed',
  },
  'not-accept': {
    when: (c) => c.source !== 'edc-confirmation',
    why: 'a confirmation application is announced, not docketed',
  },
  'serve-complaint': {
    when: (c) => c.source === 'pil' && c.pilKind === 'civil',
    why: 'only the complaint of a procuratorate civil PIL is served under court.serve-complaint (PILJI art 17)',
  },
  'notify-agency': {
    when: (c) => c.source === 'pil',
    why: 'the competent agency is notified in writing of a public-interest suit only (court.notify-agency, CivJI art 284, EnvPIL art 12)',
  },
  'announce-co-plaintiffs': {
    when: (c) => c.track === 'civil' && c.source !== 'prosecution',
    why: 'co-plaintiffs join a civil public-interest suit (court.co-plaintiff-window, EnvPIL art 10)',
  },
  'announce-settlement': {
    when: (c) => c.track === 'civil',
    why:
      'only a civil case is settled or mediated (court.settlement-announcement: CivJI art 287, EnvPIL art 25); ' +
      'a criminal case is not, nor an administrative PIL (ALL art 60: administrative cases are not mediated)',
  },
  'announce-confirmation': {
    when: (c) => c.source === 'edc-confirmation',
    why: 'only a confirmation application is announced before confirmation (EDC art 20)',
  },
};

/** The kind of a case in words: "a criminal case", "a civil public-interest suit"… */
function kindInWords(c: CaseKind): string {
  switch (c.source) {
    case 'prosecution':
      return 'a criminal case';
    case 'pil':
      return `${c.pilKind === 'administrative' ? 'an administrative' : 'a civil'} public-interest suit`;
    case 'edc-suit':
      return 'a damage compensation suit';
    default:
      return 'an application to confirm a compensation agreement';
  }
}

/**
 * Throws COURT_CASE.NOT_APPLICABLE (409) when the act does not concern this kind of case, in any phase (the unit of
 * work judges this before the phase: an act that never applies is not "possible when docketed").
 */
export function assertActFits(kind: CaseKind, courtAct: CourtAct): void {
  const fit = FITS[courtAct];
  if (!fit || fit.when(kind)) return;
  throw new DomainError(
    CourtErrorCodes.notApplicable,
    'conflict',
    `You cannot ${COURT_ACTS[courtAct].text} here: ${fit.why} — this is ${kindInWords(kind)}, whatever its phase.`,
    {
      source: kind.source,
      track: kind.track,
    },
  );
}

/** Throws COURT_CASE.ALREADY_DONE (409) when a once-only act was done. */
export function assertOnce(doneAt: Date | null, courtAct: CourtAct): void {
  if (!doneAt) return;
  throw new DomainError(
    CourtErrorCodes.alreadyDone,
    'conflict',
    `You already did this: ${COURT_ACTS[courtAct].text} (on ${doneAt.toISOString()}).`,
  );
}

/** The trial-period rule of a track (court.trial-*, deadlines.md "Court"). */
export const TRIAL_RULES: Readonly<Record<CourtTrack, string>> = {
  civil: 'court.trial-civil',
  administrative: 'court.trial-administrative',
  criminal: 'court.trial-criminal',
};

export function isClosed(phase: CourtCasePhase): boolean {
  return CLOSED_COURT_PHASES.includes(phase);
}

/** Where a restoration order stands once a report or a verification came in. */
export function restorationAfter(
  status: RestorationStatus,
  event: { kind: 'report' } | { kind: 'verify'; outcome: 'completed' | 'not-completed' },
): RestorationStatus {
  if (status === 'none') {
    throw new DomainError(CourtErrorCodes.noRestoration, 'conflict', 'The judgment ordered no ecological restoration.');
  }
  if (status === 'completed') {
    throw new DomainError(CourtErrorCodes.alreadyDone, 'conflict', 'The restoration was verified as completed.');
  }
  if (event.kind === 'report') return 'in-progress';
  return event.outcome === 'completed' ? 'completed' : 'in-progress';
}

/**
 * The share of a restoration order carried out only grows: a report below the last reported percentage is refused
 * (409 COURT_CASE.RESTORATION_PROGRESS_BACKWARDS); the same percentage again is a report without new progress.
 * `records`: the case's restoration records, oldest first; `percentDone`: the new report's share, 0–100.
 */
export function assertProgressNotBackwards(
  records: readonly { kind: string; percentDone?: number }[],
  percentDone: number,
): void {
  const last = records.findLast((r) => r.kind === 'report' && r.percentDone !== undefined)?.percentDone;
  if (last === undefined || percentDone >= last) return;
  throw new DomainError(
    CourtErrorCodes.restorationProgressBackwards,
    'conflict',
    `The restoration was last reported ${last}% done: a report of ${percentDone}% would take it back.`,
    { lastPercentDone: last, percentDone },
  );
}

/**
 * Verifying a restoration as completed needs the last progress report at 100 %: a court cannot sign off an order the
 * defendant has not reported fully carried out (409 COURT_CASE.RESTORATION_NOT_FULLY_REPORTED; "not-completed" may be
 * found at any point). `records`: the case's restoration records, oldest first.
 */
export function assertCompletionReported(
  records: readonly { kind: string; percentDone?: number }[],
  outcome: 'completed' | 'not-completed',
): void {
  if (outcome !== 'completed') return;
  const last = records.findLast((r) => r.kind === 'report' && r.percentDone !== undefined)?.percentDone;
  if (last === 100) return;
  throw new DomainError(
    CourtErrorCodes.restorationNotFullyReported,
    'conflict',
    last === undefined
      ? 'No progress report was received on this restoration order: it can be verified completed only after a report of 100%.'
      : `The restoration was last reported ${last}% done: it can be verified completed only after a report of 100% (or verify it "not-completed").`,
    { lastPercentDone: last ?? null },
  );
}

/**
 * A judgment follows a hearing (开庭审理): first-instance civil, administrative and criminal trials are decided after
 * the court hearing (flows.md §4: the court "runs the hearing", and no procedure of flows.md judges without one; a
 * settlement or an EDC confirmation is no judgment). Refuses (409 COURT_CASE.NO_HEARING_HELD) a judgment when no
 * hearing was scheduled, or the latest scheduled hearing (`hearingAt`) has not taken place by `now`.
 */
export function assertHearingHeld(hearingAt: Date | null, now: Date): void {
  if (hearingAt && hearingAt.getTime() <= now.getTime()) return;
  throw new DomainError(
    CourtErrorCodes.noHearingHeld,
    'conflict',
    hearingAt
      ? `The hearing is scheduled for ${hearingAt.toISOString()} and has not taken place yet: render the judgment after the hearing.`
      : 'No hearing has been held in this case: schedule the hearing (serve its notice) and render the judgment after it.',
    { hearingAt: hearingAt?.toISOString() ?? null },
  );
}

/**
 * Whether a hearing request repeats the hearing already scheduled (same instant, not yet held): the notice was
 * served then, so the repeat changes nothing and serves no second notice (idempotent).
 */
export function repeatsScheduledHearing(scheduled: Date | null, requested: Date, now: Date): boolean {
  return scheduled !== null && scheduled.getTime() === requested.getTime() && scheduled.getTime() > now.getTime();
}

/**
 * Whether a restoration order is overdue on `today` (YYYY-MM-DD in China time): due date passed, not verified completed.
 */
export function restorationOverdue(status: RestorationStatus, dueDate: string | null, today: string): boolean {
  return dueDate !== null && status !== 'none' && status !== 'completed' && dueDate < today;
}

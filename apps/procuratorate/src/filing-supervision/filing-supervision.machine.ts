import { AGENCY_ID_PATTERN, DomainError, ErrorCodes, parseAgencyId } from '@casebridge/contracts';
import { assertAct, type ActRules } from '@casebridge/platform';

/**
 * One filing supervision (立案监督) by the procuratorate, flows.md §2. Pure: which act is allowed in
 * which phase, where each act or each incoming police event leads, and the escalation target.
 *
 *   opened → explanation-required → explained → reasons-accepted (closed)
 *   opened | explanation-required | explained → notice-to-file → police-filed → chaser-issued
 *   notice-to-file → correction-issued (after supervision.police-file ran out) → police-filed
 */
export const FILING_SUPERVISION_PHASES = [
  'opened', // on request or of the procuratorate's own motion
  'explanation-required', // the police owe reasons for not filing (supervision.police-explain, 7 days)
  'explained', // the police gave reasons; the procuratorate weighs them
  'notice-to-file', // 通知立案书 served; the police owe filing (supervision.police-file, 15 days)
  'correction-issued', // 纠正违法通知书 after supervision.police-file ran out, possibly escalated one level up
  'police-filed', // the police filed under supervision; the investigation is watched (supervision.investigation-chaser)
  'chaser-issued', // 催办函 sent: the investigation did not conclude in time
  'reasons-accepted', // closed: reasons valid, the agency was told (supervision.tell-agency)
] as const;
export type FilingSupervisionPhase = (typeof FILING_SUPERVISION_PHASES)[number];

export const CLOSED_SUPERVISION_PHASES: readonly FilingSupervisionPhase[] = ['reasons-accepted'];

/** Acts of the procuratorate on an open supervision. */
export type SupervisionAct =
  'require-explanation' | 'accept-reasons' | 'issue-filing-notice' | 'issue-correction' | 'issue-chaser';

/** Events of the police that move a supervision. */
export type PoliceSupervisionEvent = 'explained' | 'filed';

/** Stable error codes of filing supervision (the ones not in @casebridge/contracts ErrorCodes). */
export const SupervisionErrorCodes = {
  notFound: ErrorCodes.supervisionNotFound,
  outOfOrder: ErrorCodes.supervisionOutOfOrder,
  closed: ErrorCodes.caseClosed,
  alreadyDone: ErrorCodes.supervisionAlreadyDone,
  alreadyOpen: 'SUPERVISION.ALREADY_OPEN',
  policeAlreadyFiled: 'SUPERVISION.POLICE_ALREADY_FILED',
  policeFileNotOverdue: 'SUPERVISION.POLICE_FILE_NOT_OVERDUE',
  notOneLevelUp: 'SUPERVISION.ESCALATION_NOT_ONE_LEVEL_UP',
  noticeNumberTaken: 'SUPERVISION.NOTICE_NUMBER_TAKEN',
} as const;

const ALLOWED: Record<SupervisionAct, readonly FilingSupervisionPhase[]> = {
  'require-explanation': ['opened'], // supervision.police-explain (JR art 559)
  'accept-reasons': ['explained'], // supervision.tell-agency (JR art 561)
  // after opening or after the police explained; in explanation-required only once supervision.police-explain
  // ran out without reasons (JR arts 559–563, see assertFilingNoticeInOrder)
  'issue-filing-notice': ['opened', 'explanation-required', 'explained'], // supervision.police-file (JR art 563)
  'issue-correction': ['notice-to-file'], // after supervision.police-file ran out (JR art 564)
  'issue-chaser': ['police-filed'], // supervision.investigation-chaser (JR art 564)
};

/** Where each act leads: in these phases, straight after the act, acting again is "twice" (ALREADY_DONE). */
const LEADS_TO: Record<SupervisionAct, readonly FilingSupervisionPhase[]> = {
  'require-explanation': ['explanation-required'],
  'accept-reasons': ['reasons-accepted'],
  'issue-filing-notice': ['notice-to-file'],
  'issue-correction': ['correction-issued'],
  'issue-chaser': ['chaser-issued'],
};

/** What the procuratorate can do, or waits for, in each phase (said in every refusal). */
const NEXT: Partial<Record<FilingSupervisionPhase, string>> = {
  opened: 'require the police to explain (supervision.police-explain) or notify them to file',
  'explanation-required':
    'wait for the police reasons (supervision.police-explain, 7 days); once that period ran out you may notify them to file',
  explained: 'accept the reasons (supervision.tell-agency) or notify the police to file (supervision.police-file)',
  'notice-to-file':
    'wait for the police to file (supervision.police-file, 15 days); once it ran out, issue a correction notice',
  'correction-issued': 'wait for the police to file; escalate one level up if they do not',
  'police-filed':
    'watch the investigation; a chaser is due 3 months after the filing (supervision.investigation-chaser)',
};

export const SUPERVISION_ACT_RULES: ActRules<FilingSupervisionPhase, SupervisionAct> = {
  subject: 'supervision',
  codes: {
    alreadyDone: SupervisionErrorCodes.alreadyDone,
    outOfOrder: SupervisionErrorCodes.outOfOrder,
    closed: SupervisionErrorCodes.closed,
  },
  allowed: ALLOWED,
  leadsTo: LEADS_TO,
  closed: CLOSED_SUPERVISION_PHASES,
  text: {
    'require-explanation': 'require the police to explain',
    'accept-reasons': 'accept the police reasons',
    'issue-filing-notice': 'notify the police to file',
    'issue-correction': 'issue a correction notice',
    'issue-chaser': 'issue a chaser',
  },
  next: NEXT,
};

export function isClosed(phase: FilingSupervisionPhase): boolean {
  return CLOSED_SUPERVISION_PHASES.includes(phase);
}

/** Throws a DomainError an officer understands when the act does not fit the phase (libs/platform assertAct). */
export function assertAllowed(phase: FilingSupervisionPhase, act: SupervisionAct): void {
  assertAct(SUPERVISION_ACT_RULES, act, { phase });
}

/**
 * Order of flows.md §2: once the procuratorate required reasons, it weighs them before notifying the
 * police to file — a notice while supervision.police-explain (7 days) is still running would skip the
 * police's answer (JR arts 559–563). Once that period ran out without reasons, the notice may follow.
 */
export function assertFilingNoticeInOrder(phase: FilingSupervisionPhase, policeExplainOverdue: boolean): void {
  if (phase !== 'explanation-required' || policeExplainOverdue) return;
  throw new DomainError(
    SupervisionErrorCodes.outOfOrder,
    'conflict',
    'You required the police to explain (supervision.police-explain, 7 days) and they have not answered yet: wait for their reasons, or notify them to file once that period has run out.',
    { phase, waitingFor: 'supervision.police-explain' },
  );
}

/**
 * A correction notice (纠正违法通知书) follows a missed supervision.police-file (JR art 564). Before the
 * workflow reported it missed only a head may issue one (it goes on file with a note).
 */
export function correctionBasis(
  policeFileOverdue: boolean,
  isHead: boolean,
): 'police-file-missed' | 'head-before-expiry' {
  if (policeFileOverdue) return 'police-file-missed';
  if (isHead) return 'head-before-expiry';
  throw new DomainError(
    SupervisionErrorCodes.policeFileNotOverdue,
    'conflict',
    'The police are still within supervision.police-file (15 days from the notice to file); a correction notice can be issued once it has run out, or by the head.',
  );
}

/** Where a police event leads, or null when it does not apply in this phase (it is then only put on the timeline). */
export function afterPoliceEvent(
  phase: FilingSupervisionPhase,
  event: PoliceSupervisionEvent,
): FilingSupervisionPhase | null {
  if (event === 'explained') return phase === 'explanation-required' ? 'explained' : null;
  // the police filed: after the notice to file (supervision.police-file), after a correction, or of their own accord earlier
  return (
    ['opened', 'explanation-required', 'explained', 'notice-to-file', 'correction-issued'] as FilingSupervisionPhase[]
  ).includes(phase)
    ? 'police-filed'
    : null;
}

/**
 * The procuratorate one level up (JR art 564): county 210102 → city 210100 → province 210000. A
 * provincial procuratorate has no regional parent here (the Supreme People's Procuratorate): null.
 */
export function oneLevelUp(agencyId: string): string | null {
  if (!AGENCY_ID_PATTERN.test(agencyId)) return null;
  const { kind, region } = parseAgencyId(agencyId);
  if (region.slice(4) !== '00') return `${kind}:${region.slice(0, 4)}00`;
  if (region.slice(2, 4) !== '00') return `${kind}:${region.slice(0, 2)}0000`;
  return null;
}

/** Checks that an escalation goes to the procuratorate one level above the supervising one. */
export function assertOneLevelUp(supervisingAgencyId: string, escalatedTo: string): void {
  const expected = oneLevelUp(supervisingAgencyId);
  if (escalatedTo === expected) return;
  throw new DomainError(
    SupervisionErrorCodes.notOneLevelUp,
    'invalid',
    expected
      ? `A correction notice escalates to the procuratorate one level up: ${expected}, not ${escalatedTo}.`
      : `${supervisingAgencyId} is a provincial procuratorate; escalation above it is not handled here.`,
    { expected },
  );
}

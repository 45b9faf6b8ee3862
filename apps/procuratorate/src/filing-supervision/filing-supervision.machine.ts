import { AGENCY_ID_PATTERN, DomainError, parseAgencyId } from '@casebridge/contracts';
import {
  CLOSED_SUPERVISION_PHASES,
  SUPERVISION_ACT_RULES,
  SupervisionErrorCodes,
  type FilingSupervisionPhase,
  type SupervisionAct,
} from '@casebridge/flows';
import { assertAct } from '@casebridge/platform';

/**
 * One filing supervision (立案监督) by the procuratorate, flows.md §2: its phases, acts and error codes
 * are the filing-supervision flow's (libs/flows filing-supervision.flow.ts), read here; what stays here
 * are the procuratorate's own checks that need more than the phase (the explain period, a head, the
 * escalation target).
 */
export {
  CLOSED_SUPERVISION_PHASES,
  FILING_SUPERVISION_PHASES,
  SUPERVISION_ACT_RULES,
  SupervisionErrorCodes,
  type FilingSupervisionPhase,
  type SupervisionAct,
} from '@casebridge/flows';

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

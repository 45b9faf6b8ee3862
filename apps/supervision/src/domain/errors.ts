import { DomainError, ErrorCodes } from '@casebridge/contracts';

/** Stable error codes of the supervisor console (HTTP status by kind, libs/platform HttpErrorFilter). */
export const SupervisionErrors = {
  /** 404: no such step, or not in the supervisor's region (looks exactly like a missing one) */
  stepNotFound: 'STEP.NOT_FOUND',
  /** 409: the step is closed: nothing to press or escalate */
  stepClosed: 'STEP.CLOSED',
  /** 409: the owing party is not an agency with an inbox (e.g. an eligible organisation) */
  stepNotPressable: 'STEP.NOT_PRESSABLE',
  /** 409: pressed within the cool-down (SUPERVISION_PRESS_COOLDOWN_SECONDS): a double submission */
  pressedRecently: 'STEP.PRESSED_RECENTLY',
  /** 403: the step is visible, but its owing agency is not one this supervisor may press (region or kind; domain/region.ts pressRefusal) */
  outsideSupervisoryScope: 'STEP.OUTSIDE_SUPERVISORY_SCOPE',
  /** 409: the step was already escalated to that level or higher (an escalation only goes up, each level once) */
  alreadyEscalated: 'STEP.ALREADY_ESCALATED',
  /** 400: toLevel is not a superior office of the owing office (same kind, a division strictly containing its division) */
  escalationTargetInvalid: 'STEP.ESCALATION_TARGET_INVALID',
  /** 409: the owing office has no superior (a national office, or an owing party that is no agency) */
  notEscalatable: 'STEP.NOT_ESCALATABLE',
  /** 404: no such linked case in the supervisor's region */
  caseNotFound: ErrorCodes.caseNotFound,
  /** 409: the case is already listed for joint supervision */
  alreadyJointListed: 'CASE.ALREADY_JOINT_LISTED',
  /** 409: a joint meeting on a case not listed for joint supervision */
  notJointListed: 'CASE.NOT_JOINT_LISTED',
  /** 409: a joint meeting naming a round that is not the current one (its meeting was recorded, or it is not open yet) */
  jointRoundNotCurrent: 'CASE.JOINT_ROUND_NOT_CURRENT',
  /** 400: a joint-supervision participant or decision owner is no agency of China, or lies outside the supervisor's region */
  jointAgencyOutsideScope: 'CASE.JOINT_AGENCY_OUTSIDE_SCOPE',
} as const;

export const stepNotFound = (stepId: string): DomainError =>
  new DomainError(
    SupervisionErrors.stepNotFound,
    'not-found',
    `No open or recently closed step ${stepId} in your region.`,
  );
export const caseNotFound = (id: string): DomainError =>
  new DomainError(SupervisionErrors.caseNotFound, 'not-found', `No linked case ${id} in your region.`);

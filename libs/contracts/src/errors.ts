/**
 * Errors with stable codes. Codes survive Kafka and HTTP where `instanceof` does not; one exception
 * filter (libs/platform) maps the kind to an HTTP status. Messages are written for case officers.
 */
export type ErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const ErrorCodes = {
  validationFailed: 'REQUEST.VALIDATION_FAILED',
  unauthorized: 'AUTH.UNAUTHORIZED',
  forbiddenRole: 'AUTH.ROLE_NOT_ALLOWED',
  wrongAgency: 'AUTH.WRONG_AGENCY',
  /** 403: the route states no access rule (deny by default) */
  noAccessRule: 'AUTH.NO_ACCESS_RULE',
  caseNotFound: 'CASE.NOT_FOUND',
  caseClosed: 'CASE.CLOSED',
  transferNotFound: 'TRANSFER.NOT_FOUND',
  transferOutOfOrder: 'TRANSFER.OUT_OF_ORDER',
  transferAlreadyDone: 'TRANSFER.ALREADY_DONE',
  supervisionNotFound: 'SUPERVISION.NOT_FOUND',
  supervisionOutOfOrder: 'SUPERVISION.OUT_OF_ORDER',
  supervisionAlreadyDone: 'SUPERVISION.ALREADY_DONE',
  prosecutionNotFound: 'PROSECUTION.NOT_FOUND',
  prosecutionOutOfOrder: 'PROSECUTION.OUT_OF_ORDER',
  prosecutionAlreadyDone: 'PROSECUTION.ALREADY_DONE',
  /** 409: a third return for supplementary investigation (at most 2 rounds, CPL art 175) */
  prosecutionRoundsExhausted: 'PROSECUTION.SUPPLEMENTARY_ROUNDS_EXHAUSTED',
  /** 400: a court named with a non-prosecution, or a penalty opinion with an indictment */
  prosecutionFieldNotForOutcome: 'PROSECUTION.FIELD_NOT_FOR_OUTCOME',
  /** 409: the case did not come from an enforcement agency: nobody to notify of a non-prosecution */
  prosecutionNoEnforcementAgency: 'PROSECUTION.NO_ENFORCEMENT_AGENCY',
  evidenceDuplicate: 'EVIDENCE.DUPLICATE',
  /** 404: an evidence id that is not evidence of this case (another case's, or none) */
  evidenceNotFound: 'EVIDENCE.NOT_FOUND',
  /** 400: an approver named in the body who is not the caller (the approval is the caller's own act) */
  approverNotCaller: 'TRANSFER.APPROVER_NOT_CALLER',
  approvalRequired: 'TRANSFER.APPROVAL_REQUIRED',
  pilNotFound: 'PIL.NOT_FOUND',
  pilOutOfOrder: 'PIL.OUT_OF_ORDER',
  pilAlreadyDone: 'PIL.ALREADY_DONE',
  /** 409: a civil PIL waits while a damage consultation on the same conduct is open (flows.md §6) */
  pilWaitingForConsultation: 'PIL.WAITING_FOR_CONSULTATION',
  /** 400: an administrative PIL names the agency that failed its duty */
  pilRespondentRequired: 'PIL.RESPONDENT_REQUIRED',
  /** 400: the recommendation is filed with a procuratorate above the filing one only (PILR21 art 75) */
  pilNotAboveProcuratorate: 'PIL.NOT_THE_NEXT_LEVEL',
  edcNotFound: 'EDC.NOT_FOUND',
  edcOutOfOrder: 'EDC.OUT_OF_ORDER',
  edcAlreadyDone: 'EDC.ALREADY_DONE',
  /** 409: a fourth consultation meeting (edc.consultation: at most 3) */
  edcMeetingLimit: 'EDC.MEETING_LIMIT',
  /** 409: a second consultation of the agency under the same notice number */
  edcNoticeNumberTaken: 'EDC.NOTICE_NUMBER_TAKEN',
  /** 409: an agreement recorded before any consultation meeting was held */
  edcNoMeetingHeld: 'EDC.NO_MEETING_HELD',
  /** 404: a linked case or shared entry the caller's agency neither owns nor was granted (existence not revealed) */
  sharingNotFound: 'SHARING.NOT_FOUND',
  /**
   * 404: an act names a linked case the caller's office neither owns nor was granted (a PIL, a damage consultation, a
   * notification, a consultation): it may not join another agency's case by its id (existence not revealed)
   */
  linkedCaseUnknown: 'CASE.LINKED_CASE_UNKNOWN',
  /** 400: a decision kind the caller's agency does not enter on the shared record (SHARED_DECISIONS, E17 art 34) */
  sharingDecisionKind: 'SHARING.DECISION_KIND_NOT_ALLOWED',
  /** 400: a recipient whose kind is not entitled to this decision kind, or the caller's own agency */
  sharingRecipient: 'SHARING.RECIPIENT_NOT_ENTITLED',
  /** 400: a decision date in the future */
  sharingDecidedAt: 'SHARING.DECIDED_IN_FUTURE',
  /** 409: the decision was already recorded (same id) or already entered */
  sharingAlreadyDone: 'SHARING.ALREADY_DONE',
  /** 403: the flow's act spec (libs/flows) does not let the caller's agency kind or roles do this act */
  actNotAllowed: 'FLOW.ACT_NOT_ALLOWED',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

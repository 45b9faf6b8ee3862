import { ErrorCodes, OUTSIDE_JURISDICTION } from '@casebridge/contracts';

/**
 * Every error code the enforcement service answers with, besides the platform's own (AUTH.*, REQUEST.*):
 * code → when. apps/openapi-documents.spec.ts checks that every code thrown in this app is listed here and
 * that every code listed here is named in its OpenAPI document.
 */
export const ENFORCEMENT_ERRORS: Readonly<Record<string, string>> = {
  [ErrorCodes.caseNotFound]: '404: no case with that id in your agency',
  [ErrorCodes.caseClosed]: '409: the case or transfer is closed',
  'CASE.NUMBER_TAKEN': '409: the case number is already registered',
  'CASE.DISCOVERED_IN_FUTURE': '400: discoveredAt is in the future',
  [ErrorCodes.evidenceDuplicate]: '409: the same file (sha256) is already evidence of the case',
  [ErrorCodes.evidenceNotFound]: '404: an evidence id that is not evidence of this case',
  [ErrorCodes.transferNotFound]: '404: no transfer with that id in your agency',
  [ErrorCodes.transferAlreadyDone]: '409: the act was already done (or the case already has an open transfer)',
  [ErrorCodes.actNotAllowed]:
    '403: the transfer flow does not let your agency kind or roles do this act (libs/flows ENFORCEMENT_ACTS)',
  [ErrorCodes.transferOutOfOrder]: '409: the act does not fit the transfer’s phase (libs/flows ENFORCEMENT_ACT_RULES)',
  'TRANSFER.TEAM_TOO_SMALL': '400: the case team report needs at least two officers',
  'TRANSFER.THRESHOLD_FACTS_REQUIRED':
    '400: a transfer on a procuratorate opinion without earlier threshold facts must name them',
  'TRANSFER.THRESHOLD_FACTS_FIXED': '400: the threshold facts were fixed by the team report',
  'TRANSFER.MATERIALS_REQUIRED': '400: the transfer letter and the investigation report are required',
  'TRANSFER.REVIEW_NOT_OVERDUE':
    '409: filing supervision on an overdue review asked while the police are still in time',
  [ErrorCodes.prosecutionNotFound]: '404: no non-prosecution notice of that prosecution to your agency',
  [OUTSIDE_JURISDICTION]: '404: the addressee is outside your jurisdiction',
  [ErrorCodes.pilNotFound]: '404: no recommendation of that public-interest case was served on your agency',
  [ErrorCodes.pilOutOfOrder]: '409: the act does not fit the recommendation’s phase',
  [ErrorCodes.pilAlreadyDone]: '409: the act was already done (replied already)',
  [ErrorCodes.edcNotFound]: '404: no damage compensation case with that id in your agency',
  [ErrorCodes.edcOutOfOrder]: '409: the act does not fit the compensation case’s phase',
  [ErrorCodes.edcAlreadyDone]: '409: the act was already done',
  [ErrorCodes.edcMeetingLimit]: '409: at most 3 consultation meetings (edc.consultation)',
  [ErrorCodes.edcNoticeNumberTaken]: '409: your agency already opened a consultation under that notice number',
  [ErrorCodes.edcNoMeetingHeld]: '409: no consultation meeting was held: an agreement comes out of a meeting',
};

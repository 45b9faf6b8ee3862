import { ErrorCodes, OUTSIDE_JURISDICTION } from '@casebridge/contracts';

/**
 * Every error code the police service answers with, besides the platform's own (AUTH.*, REQUEST.*):
 * code → when. apps/openapi-documents.spec.ts checks that every code thrown in this app is listed here and
 * that every code listed here is named in its OpenAPI document.
 */
export const POLICE_ERRORS: Readonly<Record<string, string>> = {
  [ErrorCodes.transferNotFound]: '404: no transfer with that id was sent to your office',
  [ErrorCodes.transferAlreadyDone]: '409: the act was already done',
  [ErrorCodes.actNotAllowed]:
    '403: the transfer flow does not let your agency kind or roles do this act (libs/flows POLICE_ACTS)',
  [ErrorCodes.transferOutOfOrder]: '409: the act does not fit the transfer’s phase (libs/flows POLICE_ACT_RULES)',
  [ErrorCodes.caseClosed]: '409: the transfer is closed at this office',
  'TRANSFER.FORWARD_TO_SELF': '400: a transfer cannot be forwarded to your own office',
  'TRANSFER.ALREADY_THERE': '409: the office forwarded to already received this transfer',
  'TRANSFER.EXTENSION_NOT_LONGER': '409: an extension must make the review longer',
  [ErrorCodes.approvalRequired]: '403: a 30-day review needs a head',
  [ErrorCodes.approverNotCaller]: '400: approvedBy is not the caller',
  'SUPERVISION.MUST_FILE': '400: after a notice to file the only answer is "filed"',
  [ErrorCodes.supervisionNotFound]: '404: no filing supervision of this transfer with that id for your office',
  [ErrorCodes.prosecutionNotFound]: '404: no prosecution with that id was transferred by your office',
  [ErrorCodes.prosecutionOutOfOrder]:
    '409: the act does not fit the prosecution’s phase, or the transfer is not filed (libs/flows POLICE_PROSECUTION_ACT_RULES)',
  [ErrorCodes.prosecutionAlreadyDone]:
    '409: the act was already done (or the transfer was already sent for prosecution)',
  [OUTSIDE_JURISDICTION]: '404: the procuratorate named is outside your jurisdiction',
  [ErrorCodes.supervisionOutOfOrder]: '409: the procuratorate has not issued a notice to file',
};

import { ErrorCodes, OUTSIDE_JURISDICTION } from '@casebridge/contracts';
import { SupervisionErrorCodes } from './filing-supervision/filing-supervision.machine';
import { OpinionErrorCodes } from './filing-supervision/commands/issue-transfer-opinion';

/**
 * Every error code the procuratorate service answers with, besides the platform's own (AUTH.*, REQUEST.*):
 * code → when. apps/openapi-documents.spec.ts checks that every code thrown in this app is listed here and
 * that every code listed here is named in its OpenAPI document.
 */
export const PROCURATORATE_ERRORS: Readonly<Record<string, string>> = {
  [ErrorCodes.transferNotFound]: '404: no copy of that transfer at your procuratorate',
  [SupervisionErrorCodes.notFound]: '404: no filing supervision with that id in your agency',
  [SupervisionErrorCodes.outOfOrder]: '409: the act does not fit the supervision’s phase',
  [SupervisionErrorCodes.alreadyDone]: '409: the act was already done',
  [SupervisionErrorCodes.closed]:
    '409: the supervision or the prosecution is closed (indicted, or enforcement notified)',
  [SupervisionErrorCodes.alreadyOpen]: '409: a filing supervision of this transfer is already open',
  [SupervisionErrorCodes.policeAlreadyFiled]: '409: the police have filed: nothing to supervise',
  [SupervisionErrorCodes.policeFileNotOverdue]: '409: the police are still within supervision.police-file',
  [SupervisionErrorCodes.notOneLevelUp]: '400: escalation goes to the procuratorate one level up',
  [SupervisionErrorCodes.noticeNumberTaken]: '409: the notice number is already used',
  [OpinionErrorCodes.alreadyIssued]: '409: an opinion on this case is already issued',
  [OpinionErrorCodes.alreadyTransferred]: '409: the case was already transferred',
  [OpinionErrorCodes.caseNotKnown]: '404: a case the procuratorate has no record of',
  [ErrorCodes.prosecutionNotFound]: '404: no prosecution with that id was transferred to your procuratorate',
  [ErrorCodes.prosecutionOutOfOrder]:
    '409: the act does not fit the prosecution’s phase (libs/flows PROCURATORATE_PROSECUTION_ACT_RULES)',
  [ErrorCodes.prosecutionAlreadyDone]: '409: the act was already done (or the review is already extended)',
  [ErrorCodes.prosecutionRoundsExhausted]:
    '409: a third return for supplementary investigation is refused (at most 2 rounds, CPL art 175)',
  [ErrorCodes.prosecutionFieldNotForOutcome]:
    '400: a court named with a non-prosecution, or a penalty opinion with an indictment',
  [ErrorCodes.prosecutionNoEnforcementAgency]: '409: the case did not come from an enforcement agency',
  [OUTSIDE_JURISDICTION]: '404: the addressee is outside your jurisdiction',
  [ErrorCodes.pilNotFound]: '404: no public-interest case with that id in your agency',
  [ErrorCodes.pilOutOfOrder]: '409: the act does not fit the public-interest case’s phase',
  [ErrorCodes.pilAlreadyDone]: '409: the act was already done',
  [ErrorCodes.pilNotAboveProcuratorate]:
    '400: the procuratorate named to file the recommendation with is not above this one (PILR21 art 75)',
  [ErrorCodes.pilWaitingForConsultation]: '409: a damage consultation on the same conduct is open; the civil PIL waits',
  [ErrorCodes.pilRespondentRequired]: '400: an administrative PIL names the agency that failed its duty',
};

import { CourtErrorCodes } from './court-cases/court-case.machine';

/**
 * Every error code the court service answers with, besides the platform's own (AUTH.*, REQUEST.*): code → when.
 * apps/openapi-documents.spec.ts checks that every code thrown in this app is listed here and that every code
 * listed here is named in its OpenAPI document.
 */
export const COURT_ERRORS: Readonly<Record<string, string>> = {
  [CourtErrorCodes.notFound]: '404: no case with that id at your court',
  [CourtErrorCodes.outOfOrder]: '409: the act does not fit the case’s phase',
  [CourtErrorCodes.alreadyDone]: '409: the act was already done',
  [CourtErrorCodes.closed]: '409: the case is closed (not accepted, settled or confirmed)',
  [CourtErrorCodes.notApplicable]:
    '409: the act does not concern this kind of case (e.g. serving the complaint of a criminal case, settling an administrative PIL)',
  [CourtErrorCodes.hearingTooSoon]: '400: the hearing is less than 3 days away (court.hearing-notice)',
  [CourtErrorCodes.announcementRunning]: '409: the ≥ 30-day announcement has not run yet',
  [CourtErrorCodes.variantNotApproved]: '400: no such approved extension of the trial period for this procedure',
  [CourtErrorCodes.restorationInvalid]:
    '400: a restoration order needs a due date after today and at most 30 years ahead (and a due date an order)',
  [CourtErrorCodes.noRestoration]: '409: the judgment ordered no restoration',
  [CourtErrorCodes.restorationProgressBackwards]:
    '409: the restoration progress reported is below the last reported percentage',
  [CourtErrorCodes.restorationNotFullyReported]:
    '409: the restoration is verified completed only after a progress report of 100%',
  [CourtErrorCodes.hearingOutOfRange]:
    '409: the hearing date is before docketing or after the outer limit of the trial period (court.trial-*)',
  [CourtErrorCodes.noHearingHeld]: '409: a judgment before any hearing took place',
  [CourtErrorCodes.docketNumberTaken]: '409: the court already gave that docket number to another case',
  [CourtErrorCodes.agencyNotCompetent]: '400: the agency to notify is not of the plaintiff’s or the court’s region',
};

/**
 * One rule for every agency that follows a trial it is a party to (the procuratorate of an indictment or a PIL suit,
 * the respondent agency of an administrative PIL): how a court event changes the record that went to court. The
 * apps find the record (by source on court.case-received, by court case afterwards); this folds the event with the
 * flow kit's trial view (libs/flows trialViews) and writes the timeline entry.
 */
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import { trialEntryText, trialViews, type TrialEvent, type TrialView } from '@casebridge/flows';
import { eventEntry, withEntry, type TimelineEntry } from './timeline';

/** A record that went to court and follows its trial (two columns and the timeline). */
export interface TrialFollower {
  courtCaseId: string | null;
  trial: TrialView | null;
  timeline: TimelineEntry[];
}

/**
 * Folds a court event into the record. court.case-received ties an untied record to the court's case (and opens the
 * trial view); any later event is taken only from the court that holds the case. Returns what happened: `applied`,
 * or `ignored` with the reason (already tied to another court case, not tied yet, from another court).
 */
export function followTrial(
  row: TrialFollower,
  e: TrialEvent & IntegrationEventEnvelope,
): { applied: true } | { applied: false; reason: string } {
  if (e.type === 'court.case-received') {
    if (row.courtCaseId)
      return row.courtCaseId === e.payload.courtCaseId
        ? { applied: false, reason: 'already known' }
        : { applied: false, reason: `already before court case ${row.courtCaseId}` };
    row.courtCaseId = e.payload.courtCaseId;
    row.trial = trialViews.open(e);
  } else {
    if (!row.trial) return { applied: false, reason: 'the court has not received the case' };
    if (row.trial.courtAgencyId !== e.producer.agencyId)
      return { applied: false, reason: `the case is held by ${row.trial.courtAgencyId}, not ${e.producer.agencyId}` };
    row.trial = trialViews.evolve(row.trial, e);
  }
  row.timeline = withEntry(row.timeline, eventEntry(e, trialEntryText(e, row.trial.courtAgencyId)));
  return { applied: true };
}

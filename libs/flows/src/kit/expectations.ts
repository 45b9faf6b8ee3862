/**
 * Reconciliation expectations as flow data (supervision, GET /reconciliation): one agency's act that
 * obliges another to acknowledge or act. An event OPENS an expectation on a subject (a transfer, a
 * supervision); a later act FULFILS it; it is outstanding when opened, not fulfilled since (event time),
 * and its window ran out (the legal-time rule `ruleId` from the opening event's time, or `windowMs`).
 * Each flow declares its own (FlowDefinition.supervision.expectations); supervision reads them all through
 * the registry. Pure data.
 */

/** Who owes the act, as a role of the subject (resolved by supervision from the subject's sender/receiver). */
export type OwedByRole = 'sender' | 'receiver' | 'procuratorate';

export interface ExpectationRule {
  /** unique id (the key of an expectation is `<id>:<subjectId>`) */
  id: string;
  /** rule id of deadlines.md whose period is the window (policy windows: null, see windowMs) */
  ruleId: string | null;
  /** the variant of the rule; 'from-subject' = the variant the subject's events last set (a review extension) */
  variant?: string;
  /** fixed window in ms when no statutory rule fits (console policy) */
  windowMs?: number;
  /** legal basis, cited in the console */
  basis: string;
  title: { en: string; zh: string };
  opens: {
    type: string;
    when?: (p: Record<string, unknown>) => boolean;
    /** a role of the subject, or the agency id read from the payload */
    owedBy: OwedByRole | ((p: Record<string, unknown>) => string | undefined);
  }[];
  fulfils: { type: string; when?: (p: Record<string, unknown>) => boolean }[];
  /** the payload field naming the subject */
  subject: string;
}

/** A string payload field, or undefined. */
export const stringField = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Which decisions each agency enters on the shared record of a linked case (信息共享, flows.md §5), each
 * within sharing.platform-entry (7 days from the decision), and who may see them at which level of detail.
 *
 * Basis: E17 art 34 as cited by deadlines.md. The per-agency lists paraphrase the article's enumeration
 * (the text itself was not at hand when this table was written: check the wording before relying on it).
 * Pure data; used by the agency apps (which decisions an agency may enter, who sees what), the sharing
 * workflow (which known events are entered automatically) and the docs.
 */
import type { LegalBasis } from './types';

export type SharingAgencyKind = 'enforcement' | 'police' | 'procuratorate' | 'court';

/**
 * What a recipient kind sees of an entry: `full` (the decision's text and the parties' personal details) or
 * `case-number` (the decision's kind, date and the owner's case number only: a party's name, id number and
 * address never reach it).
 */
export type SharedDetail = 'full' | 'case-number';

export interface SharedDecisionKind {
  /** kebab-case id carried by sharing events as decisionKind */
  readonly kind: string;
  /** the agency kind that makes (and enters) the decision */
  readonly madeBy: SharingAgencyKind;
  readonly title: string;
  readonly titleZh: string;
  /** recipient kind → level of detail; a kind not listed is not entitled to the entry at all */
  readonly visibleTo: Readonly<Partial<Record<SharingAgencyKind, SharedDetail>>>;
  /**
   * The integration event (and payload condition) by which the system already knows the decision: it is
   * then entered automatically and its sharing.platform-entry step closes at once.
   */
  readonly knownFrom?: { readonly eventType: string; readonly field: string; readonly equals: string };
  readonly basis: readonly LegalBasis[];
}

const ART_34: readonly LegalBasis[] = [{ source: 'E17', article: 'art 34' }];

export const SHARED_DECISIONS: readonly SharedDecisionKind[] = [
  // enforcement (环保部门)
  {
    kind: 'administrative-penalty',
    madeBy: 'enforcement',
    title: 'administrative penalty decision',
    titleZh: '行政处罚决定',
    visibleTo: { police: 'full', procuratorate: 'full', court: 'case-number' },
    basis: ART_34,
  },
  {
    kind: 'case-transfer',
    madeBy: 'enforcement',
    title: 'transfer of a suspected crime',
    titleZh: '移送涉嫌犯罪案件',
    visibleTo: { police: 'full', procuratorate: 'full' },
    basis: ART_34,
  },
  {
    kind: 'supervision-request',
    madeBy: 'enforcement',
    title: 'request for filing supervision',
    titleZh: '建议人民检察院立案监督',
    visibleTo: { procuratorate: 'full', police: 'case-number' },
    basis: ART_34,
  },
  // police (公安机关)
  {
    kind: 'filing',
    madeBy: 'police',
    title: 'case filed',
    titleZh: '立案',
    visibleTo: { enforcement: 'full', procuratorate: 'full' },
    knownFrom: { eventType: 'transfer.filing-decided', field: 'outcome', equals: 'filed' },
    basis: ART_34,
  },
  {
    kind: 'not-filed',
    madeBy: 'police',
    title: 'case not filed',
    titleZh: '不予立案',
    visibleTo: { enforcement: 'full', procuratorate: 'full' },
    knownFrom: { eventType: 'transfer.filing-decided', field: 'outcome', equals: 'not-filed' },
    basis: ART_34,
  },
  {
    kind: 'case-withdrawn',
    madeBy: 'police',
    title: 'filed case withdrawn',
    titleZh: '立案后撤销案件',
    visibleTo: { enforcement: 'full', procuratorate: 'full' },
    basis: ART_34,
  },
  {
    kind: 'arrest-request',
    madeBy: 'police',
    title: 'request to approve an arrest',
    titleZh: '提请批准逮捕',
    visibleTo: { procuratorate: 'full', enforcement: 'case-number' },
    basis: ART_34,
  },
  {
    kind: 'prosecution-transfer',
    madeBy: 'police',
    title: 'case transferred for review of prosecution',
    titleZh: '移送审查起诉',
    visibleTo: { procuratorate: 'full', enforcement: 'case-number' },
    basis: ART_34,
  },
  // procuratorate (人民检察院)
  {
    kind: 'arrest-decision',
    madeBy: 'procuratorate',
    title: 'arrest approved or refused',
    titleZh: '批准逮捕或者不批准逮捕',
    visibleTo: { police: 'full', enforcement: 'case-number' },
    basis: ART_34,
  },
  {
    kind: 'indictment',
    madeBy: 'procuratorate',
    title: 'indictment',
    titleZh: '提起公诉',
    visibleTo: { police: 'full', enforcement: 'case-number', court: 'full' },
    knownFrom: { eventType: 'prosecution.decided', field: 'outcome', equals: 'indicted' },
    basis: ART_34,
  },
  {
    kind: 'non-prosecution',
    madeBy: 'procuratorate',
    title: 'decision not to prosecute',
    titleZh: '不起诉',
    visibleTo: { police: 'full', enforcement: 'full' },
    knownFrom: { eventType: 'prosecution.decided', field: 'outcome', equals: 'not-prosecuted' },
    basis: ART_34,
  },
];

/** The decision kind of that id, or undefined. */
export function sharedDecision(kind: string): SharedDecisionKind | undefined {
  return SHARED_DECISIONS.find((d) => d.kind === kind);
}

/** The decisions an agency kind enters on the shared record. */
export function sharedDecisionsOf(madeBy: SharingAgencyKind): readonly SharedDecisionKind[] {
  return SHARED_DECISIONS.filter((d) => d.madeBy === madeBy);
}

/** The decision kind an integration event makes known (knownFrom), or undefined when it is none. */
export function knownDecisionOf(eventType: string, payload: Record<string, unknown>): SharedDecisionKind | undefined {
  return SHARED_DECISIONS.find(
    (d) => d.knownFrom?.eventType === eventType && payload[d.knownFrom.field] === d.knownFrom.equals,
  );
}

/** Event types that make a decision known (what the sharing workflow listens to besides the sharing events). */
export const KNOWN_DECISION_EVENT_TYPES: readonly string[] = [
  ...new Set(SHARED_DECISIONS.flatMap((d) => (d.knownFrom ? [d.knownFrom.eventType] : []))),
];

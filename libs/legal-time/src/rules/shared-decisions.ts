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
  readonly knownFrom?: KnownFrom;
  readonly basis: readonly LegalBasis[];
}

/**
 * How the system knows a decision: every event of `eventType`, or only those whose payload `field` equals `equals`
 * (both or neither). `addressee`: the payload field naming the office the decision is addressed to (a PIL
 * recommendation's agency, a suit's court); that office gets the entry even before it holds a record of the case (and
 * then, with it, a grant to the linked case). Otherwise the entry goes to the recipient kind's offices that own the
 * linked case.
 */
export type KnownFrom = { readonly eventType: string; readonly addressee?: string } & (
  { readonly field: string; readonly equals: string } | { readonly field?: undefined; readonly equals?: undefined }
);

const E17_34: LegalBasis = { source: 'E17', article: 'art 34' };
const ART_34: readonly LegalBasis[] = [E17_34];

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
  // procuratorate, public-interest litigation (公益诉讼, flows.md §4). Art 34 enumerates the criminal-linkage
  // decisions; these extend its duty to share to the PIL decisions on a linked case (need-to-know as below) —
  // check against the article's wording with the other entries.
  {
    kind: 'pil-case-opened',
    madeBy: 'procuratorate',
    title: 'public-interest litigation case opened',
    titleZh: '公益诉讼立案',
    // while the procuratorate investigates, the agency concerned and the police learn that a case exists, not
    // its facts (those reach the agency in full with the recommendation)
    visibleTo: { enforcement: 'case-number', police: 'case-number' },
    knownFrom: { eventType: 'pil.case-opened', addressee: 'respondentAgencyId' },
    basis: ART_34,
  },
  {
    kind: 'pil-recommendation',
    madeBy: 'procuratorate',
    title: 'pre-litigation procuratorial recommendation issued',
    titleZh: '诉前检察建议',
    // the agency it is addressed to must act on it (pil.agency-reply): in full
    visibleTo: { enforcement: 'full', police: 'case-number' },
    knownFrom: { eventType: 'pil.recommendation-served', addressee: 'agencyId' },
    basis: [E17_34, { source: 'PILJI', article: 'art 21' }],
  },
  {
    kind: 'pil-suit',
    madeBy: 'procuratorate',
    title: 'public-interest suit filed',
    titleZh: '提起公益诉讼',
    // the court tries it, the agency is the defendant (administrative PIL) or the regulator of the conduct (civil)
    visibleTo: { court: 'full', enforcement: 'full', police: 'case-number' },
    knownFrom: { eventType: 'pil.suit-filed', addressee: 'courtAgencyId' },
    basis: [E17_34, { source: 'ALL', article: 'art 25(4)' }],
  },
  // court (人民法院): its decisions on a case the procuratorate brought (indictment, PIL suit). The police are not
  // listed: their service does not read the court's topic, and a judgment's text is not theirs to know.
  {
    kind: 'court-docketed',
    madeBy: 'court',
    title: 'case docketed',
    titleZh: '法院立案',
    visibleTo: { procuratorate: 'full', enforcement: 'case-number' },
    knownFrom: { eventType: 'court.case-docketed' },
    basis: [E17_34, { source: 'CivPL', article: 'art 126' }, { source: 'ALL', article: 'art 51' }],
  },
  {
    kind: 'court-not-accepted',
    madeBy: 'court',
    title: 'case not accepted',
    titleZh: '不予受理',
    visibleTo: { procuratorate: 'full', enforcement: 'case-number' },
    knownFrom: { eventType: 'court.case-not-accepted' },
    basis: [E17_34, { source: 'CivPL', article: 'art 126' }, { source: 'ALL', article: 'art 51' }],
  },
  {
    kind: 'judgment',
    madeBy: 'court',
    title: 'judgment (with any ecological restoration order)',
    titleZh: '判决（含生态环境修复判项）',
    // the agency supervises the restoration a judgment orders: in full
    visibleTo: { procuratorate: 'full', enforcement: 'full' },
    knownFrom: { eventType: 'court.judgment-rendered' },
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
    (d) =>
      d.knownFrom?.eventType === eventType &&
      (d.knownFrom.field === undefined || payload[d.knownFrom.field] === d.knownFrom.equals),
  );
}

/** The office a known decision is addressed to (its knownFrom.addressee field of the payload), or undefined. */
export function knownDecisionAddressee(
  decision: SharedDecisionKind,
  payload: Record<string, unknown>,
): string | undefined {
  const field = decision.knownFrom?.addressee;
  const v = field ? payload[field] : undefined;
  return typeof v === 'string' && v ? v : undefined;
}

/** Event types that make a decision known (what the sharing workflow listens to besides the sharing events). */
export const KNOWN_DECISION_EVENT_TYPES: readonly string[] = [
  ...new Set(SHARED_DECISIONS.flatMap((d) => (d.knownFrom ? [d.knownFrom.eventType] : []))),
];

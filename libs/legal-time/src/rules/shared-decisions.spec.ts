/**
 * The shared record's decision table (SHARED_DECISIONS, E17 art 34) as data: every kind is complete and
 * need-to-know, and the known events select exactly their kind. (That each known event type exists in the contracts
 * catalog and carries the named fields: libs/sharing known-decisions.spec.ts.)
 */
import {
  KNOWN_DECISION_EVENT_TYPES,
  knownDecisionAddressee,
  knownDecisionOf,
  SHARED_DECISIONS,
  sharedDecisionsOf,
  type SharingAgencyKind,
} from './shared-decisions';
import { LEGAL_SOURCES } from './sources';

const KINDS: readonly SharingAgencyKind[] = ['enforcement', 'police', 'procuratorate', 'court'];

describe('SHARED_DECISIONS', () => {
  it.each(SHARED_DECISIONS.map((d) => [d.kind, d] as const))(
    '%s: a kebab-case id, who makes it, titles, a basis citing E17 art 34, and someone else to see it',
    (_, d) => {
      expect(d.kind).toMatch(/^[a-z][a-z0-9-]{0,63}$/);
      expect(KINDS).toContain(d.madeBy);
      expect(d.title.length).toBeGreaterThan(0);
      expect(d.titleZh).toMatch(/[\u4e00-\u9fff]/);
      expect(d.basis).toContainEqual({ source: 'E17', article: 'art 34' });
      for (const b of d.basis) expect(Object.keys(LEGAL_SOURCES)).toContain(b.source);
      const recipients = Object.keys(d.visibleTo);
      expect(recipients.length).toBeGreaterThan(0);
      expect(recipients).not.toContain(d.madeBy);
      for (const [k, detail] of Object.entries(d.visibleTo)) {
        expect(KINDS).toContain(k);
        expect(['full', 'case-number']).toContain(detail);
      }
      if (d.knownFrom) expect(d.knownFrom.field === undefined).toBe(d.knownFrom.equals === undefined);
    },
  );

  it('ids are unique, and each known event with its condition selects one kind only', () => {
    expect(new Set(SHARED_DECISIONS.map((d) => d.kind)).size).toBe(SHARED_DECISIONS.length);
    const selectors = SHARED_DECISIONS.flatMap((d) =>
      d.knownFrom ? [`${d.knownFrom.eventType}|${d.knownFrom.field ?? '*'}=${d.knownFrom.equals ?? '*'}`] : [],
    );
    expect(new Set(selectors).size).toBe(selectors.length);
  });

  it('every agency kind has decisions of its own: the procuratorate’s PIL decisions and the court’s', () => {
    for (const k of KINDS) expect(sharedDecisionsOf(k).length).toBeGreaterThan(0);
    expect(sharedDecisionsOf('procuratorate').map((d) => d.kind)).toEqual(
      expect.arrayContaining(['pil-case-opened', 'pil-recommendation', 'pil-suit']),
    );
    expect(sharedDecisionsOf('court').map((d) => d.kind)).toEqual(
      expect.arrayContaining(['court-docketed', 'judgment']),
    );
  });

  it('need-to-know: the agency a recommendation is addressed to sees it in full, the police the case number only', () => {
    const rec = SHARED_DECISIONS.find((d) => d.kind === 'pil-recommendation')!;
    expect(rec.visibleTo).toEqual({ enforcement: 'full', police: 'case-number' });
    // the facts of a case under investigation are not the agency's before the recommendation
    expect(SHARED_DECISIONS.find((d) => d.kind === 'pil-case-opened')!.visibleTo.enforcement).toBe('case-number');
    // a suit goes to the court in full; the court is no recipient before it
    expect(SHARED_DECISIONS.find((d) => d.kind === 'pil-suit')!.visibleTo.court).toBe('full');
    expect(SHARED_DECISIONS.find((d) => d.kind === 'pil-case-opened')!.visibleTo.court).toBeUndefined();
  });

  it('a known event selects its kind by its condition (none: every event of the type), and names its addressee', () => {
    expect(knownDecisionOf('transfer.filing-decided', { outcome: 'filed' })?.kind).toBe('filing');
    expect(knownDecisionOf('transfer.filing-decided', { outcome: 'returned-for-penalty' })).toBeUndefined();
    const opened = knownDecisionOf('pil.case-opened', { kind: 'civil' })!;
    expect(opened.kind).toBe('pil-case-opened');
    expect(knownDecisionAddressee(opened, { kind: 'civil' })).toBeUndefined();
    expect(knownDecisionAddressee(opened, { respondentAgencyId: 'enforcement:210100' })).toBe('enforcement:210100');
    const rec = knownDecisionOf('pil.recommendation-served', { agencyId: 'enforcement:210102' })!;
    expect(knownDecisionAddressee(rec, { agencyId: 'enforcement:210102' })).toBe('enforcement:210102');
    expect(knownDecisionOf('court.judgment-rendered', { summary: 's' })?.kind).toBe('judgment');
    expect(knownDecisionOf('pil.investigation-recorded', {})).toBeUndefined();
    expect(KNOWN_DECISION_EVENT_TYPES).toEqual(
      expect.arrayContaining(['pil.case-opened', 'pil.recommendation-served', 'pil.suit-filed', 'court.case-docketed']),
    );
  });
});

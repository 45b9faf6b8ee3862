/**
 * The known decisions of the shared record against the contracts catalog: each knownFrom event type exists, is
 * produced by the kind that makes the decision, and carries the payload fields the table names (condition,
 * addressee); each recipient kind registers a provider for every known event type it may see.
 */
import { getMetadataStorage } from 'class-validator';
import { eventRegistry, type AgencyKind } from '@casebridge/contracts';
import { SHARED_DECISIONS } from '@casebridge/legal-time';
import { knownDecisionEventTypesFor, knownDecisionProviders } from './known-decisions.consumer';

const KINDS: readonly AgencyKind[] = ['enforcement', 'police', 'procuratorate', 'court'];

/** The validated property names of a payload class (its own and inherited). */
function fieldsOf(payload: Function): string[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(payload, '', true, false)
    .map((m) => m.propertyName);
}

describe('known decisions against the contracts catalog', () => {
  it.each(SHARED_DECISIONS.filter((d) => d.knownFrom).map((d) => [d.kind, d] as const))(
    '%s: its event exists, is produced by its maker, and has the fields named',
    (_, d) => {
      const def = eventRegistry.latestOf(d.knownFrom!.eventType);
      expect(def).toBeDefined();
      expect(def!.producers).toContain(d.madeBy);
      const fields = fieldsOf(def!.payload);
      if (d.knownFrom!.field) expect(fields).toContain(d.knownFrom!.field);
      if (d.knownFrom!.addressee) expect(fields).toContain(d.knownFrom!.addressee);
    },
  );

  it('each kind registers one provider per known event type of a decision it may see, and none of its own', () => {
    for (const kind of KINDS) {
      const types = knownDecisionEventTypesFor(kind);
      expect(knownDecisionProviders(kind)).toHaveLength(types.length);
      for (const t of types)
        expect(
          SHARED_DECISIONS.some((d) => d.knownFrom?.eventType === t && d.madeBy !== kind && d.visibleTo[kind]),
        ).toBe(true);
    }
    // the PIL decisions reach enforcement, police and (a suit) the court; the court's the procuratorate and enforcement
    expect(knownDecisionEventTypesFor('enforcement')).toEqual(
      expect.arrayContaining([
        'pil.case-opened',
        'pil.recommendation-served',
        'pil.suit-filed',
        'court.judgment-rendered',
      ]),
    );
    expect(knownDecisionEventTypesFor('court')).toEqual(
      expect.arrayContaining(['prosecution.decided', 'pil.suit-filed']),
    );
    expect(knownDecisionEventTypesFor('procuratorate')).toEqual(
      expect.arrayContaining(['court.case-docketed', 'court.judgment-rendered', 'transfer.filing-decided']),
    );
    expect(knownDecisionEventTypesFor('police')).not.toContain('court.judgment-rendered');
    // the existing providers keep their names (the logs name a handler by its class)
    expect(knownDecisionProviders('enforcement').map((p) => p.name)).toEqual(
      expect.arrayContaining(['FilingDecidedEntries', 'ProsecutionDecidedEntries', 'PilRecommendationServedEntries']),
    );
  });
});

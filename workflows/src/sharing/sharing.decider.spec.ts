/**
 * The sharing decider as given-events / when-event / then-actions (no Temporal). Rule: sharing.platform-entry
 * (E17 art 34, 7 days from each decision, one step per decision).
 */
import { Harness, ev } from '../testing/decider-harness';
import { KNOWN_DECISION_EVENT_TYPES } from '@casebridge/legal-time/rules/shared-decisions';
import { SHARING_WORKFLOW_EVENT_TYPES } from './sharing.contracts';
import { SHARING_PLATFORM_ENTRY, initialSharingModel, sharingDecider, type SharingModel } from './sharing.decider';

const D1 = '11111111-1111-4111-8111-111111111111';
const D2 = '22222222-2222-4222-8222-222222222222';
const DECIDED = '2025-09-20T10:00:00+08:00';

const sharing = () => new Harness<SharingModel>(sharingDecider, initialSharingModel('lc-1'));
const recorded = (decisionId: string, by = 'police:210100') =>
  ev('sharing.decision-recorded', { decisionId, decisionKind: 'case-withdrawn', decidedAt: DECIDED }, by);
const shared = (decisionId: string, by = 'police:210100') =>
  ev(
    'sharing.information-shared',
    {
      decisionId,
      entryId: decisionId,
      decisionKind: 'case-withdrawn',
      decidedAt: DECIDED,
      sharedWith: ['enforcement:210100'],
    },
    by,
  );

describe('sharing decider (sharing.platform-entry)', () => {
  it('a recorded decision opens one step per decision, owed by the deciding agency, counted from the decision', () => {
    const h = sharing();
    h.when(recorded(D1));
    h.when(recorded(D2));
    expect(h.actions).toEqual([
      expect.objectContaining({ kind: 'open', ruleId: SHARING_PLATFORM_ENTRY, key: D1, from: DECIDED, role: 'police' }),
      expect.objectContaining({ kind: 'open', key: D2, owner: { kind: 'agency', agencyId: 'police:210100' } }),
    ]);
    expect([...h.open]).toEqual([`${SHARING_PLATFORM_ENTRY}@${D1}`, `${SHARING_PLATFORM_ENTRY}@${D2}`]);
  });

  it('entering the decision closes its own step only', () => {
    const h = sharing().given(recorded(D1), recorded(D2));
    const entry = shared(D1);
    h.when(entry);
    expect(h.actions).toEqual([{ kind: 'close', ruleId: SHARING_PLATFORM_ENTRY, key: D1, at: entry.occurredAt }]);
    expect([...h.open]).toEqual([`${SHARING_PLATFORM_ENTRY}@${D2}`]);
    expect(h.model.decisions[D1]).toMatchObject({ enteredAt: entry.occurredAt, sharedWith: ['enforcement:210100'] });
    expect(h.when(shared(D1))).toMatchObject({ kind: 'ignore' });
  });

  it('an entry never recorded before is checked at once against its decision date', () => {
    const h = sharing();
    const entry = shared(D1, 'enforcement:210100');
    h.when(entry);
    expect(h.actions).toEqual([
      expect.objectContaining({ kind: 'instant', key: D1, from: DECIDED, at: entry.occurredAt, role: 'enforcement' }),
    ]);
  });

  it('a filing decision the system knows is entered automatically (step met at once); returned-for-penalty is none', () => {
    const h = sharing();
    const filed = ev('transfer.filing-decided', { outcome: 'filed', policeCaseNumber: 'P-1' }, 'police:210100');
    h.when(filed);
    expect(h.actions).toEqual([
      expect.objectContaining({ kind: 'instant', key: filed.eventId, from: filed.occurredAt, at: filed.occurredAt }),
    ]);
    expect(h.model.decisions[filed.eventId]).toMatchObject({ decisionKind: 'filing', automatic: true });
    expect(h.when(ev('transfer.filing-decided', { outcome: 'returned-for-penalty' }, 'police:210100'))).toMatchObject({
      kind: 'ignore',
    });
    const notProsecuted = ev('prosecution.decided', { outcome: 'not-prosecuted' }, 'procuratorate:210100');
    h.when(notProsecuted);
    expect(h.model.decisions[notProsecuted.eventId]).toMatchObject({ decisionKind: 'non-prosecution' });
  });

  it('the PIL decisions and the court decisions the system knows are entered automatically (step met at once)', () => {
    const h = sharing();
    const known = [
      ev(
        'pil.case-opened',
        { kind: 'administrative', respondentAgencyId: 'enforcement:210100' },
        'procuratorate:210100',
      ),
      ev(
        'pil.recommendation-served',
        { agencyId: 'enforcement:210100', documentNumber: 'D-1' },
        'procuratorate:210100',
      ),
      ev('pil.suit-filed', { courtAgencyId: 'court:210100', kind: 'administrative' }, 'procuratorate:210100'),
      ev('court.case-docketed', { docketNumber: 'C-1' }, 'court:210100'),
      ev('court.case-not-accepted', { reasons: 'r' }, 'court:210100'),
      ev('court.judgment-rendered', { summary: 's' }, 'court:210100'),
    ];
    for (const e of known) h.when(e);
    expect(Object.values(h.model.decisions).map((d) => [d.decisionKind, d.automatic, d.ownerAgencyId])).toEqual([
      ['pil-case-opened', true, 'procuratorate:210100'],
      ['pil-recommendation', true, 'procuratorate:210100'],
      ['pil-suit', true, 'procuratorate:210100'],
      ['court-docketed', true, 'court:210100'],
      ['court-not-accepted', true, 'court:210100'],
      ['judgment', true, 'court:210100'],
    ]);
    expect(h.open.size).toBe(0);
    // a PIL event that is no decision of the shared record starts nothing
    expect(h.when(ev('pil.investigation-recorded', { findings: 'f' }, 'procuratorate:210100'))).toMatchObject({
      kind: 'ignore',
    });
  });

  it('the workflow is started by every event that makes a decision known (else it is never entered)', () => {
    expect(
      KNOWN_DECISION_EVENT_TYPES.filter((t) => !(SHARING_WORKFLOW_EVENT_TYPES as readonly string[]).includes(t)),
    ).toEqual([]);
  });

  it('a missed entry has no consequence of its own besides the warning (the step stays owed)', () => {
    const h = sharing().given(recorded(D1));
    expect(
      sharingDecider.onMissed(
        h.model,
        SHARING_PLATFORM_ENTRY,
        DECIDED,
        { isOpen: () => true, patched: () => true },
        D1,
      ),
    ).toBeNull();
    expect(sharingDecider.isFinished(h.model)).toBe(false);
  });
});

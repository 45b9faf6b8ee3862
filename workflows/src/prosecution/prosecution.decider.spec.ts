/**
 * The prosecution decider as given-events / when-event / then-actions (no Temporal). Rule ids: deadlines.md "Prosecution".
 */
import { Harness, ev } from '../testing/decider-harness';
import { initialProsecutionModel, prosecutionDecider, type ProsecutionModel } from './prosecution.decider';

const PRO = 'procuratorate:210100';
const prosecution = () => new Harness<ProsecutionModel>(prosecutionDecider, initialProsecutionModel());
const transferred = () => ev('prosecution.transferred', { procuratorateAgencyId: PRO }, 'police:210100');
const returned = (round: number) => ev('prosecution.returned-for-investigation', { round, reasons: 'r' }, PRO);
const resubmitted = (round: number) => ev('prosecution.resubmitted', { round, summary: 's', caseFile: [] });

describe('prosecution decider', () => {
  it('prosecution.transferred opens prosecution.review for the procuratorate; a second transfer is ignored', () => {
    const h = prosecution();
    const t = transferred();
    h.when(t);
    expect(h.actions).toEqual([
      { kind: 'open', ruleId: 'prosecution.review', role: 'procuratorate', from: t.occurredAt },
    ]);
    expect(h.when(transferred())).toMatchObject({ kind: 'ignore' });
  });

  it('prosecution.review-extended extends the running review to the extended variant with its approver', () => {
    const h = prosecution().given(transferred());
    const x = ev('prosecution.review-extended', { variant: 'extended', reasons: 'complex', approvedBy: 'head-1' }, PRO);
    h.when(x);
    expect(h.actions).toEqual([
      { kind: 'extend', ruleId: 'prosecution.review', variant: 'extended', approvedBy: 'head-1', at: x.occurredAt },
    ]);
  });

  it('two rounds of supplementary investigation: each closes the review and opens a round; each re-submission a new review', () => {
    const h = prosecution().given(transferred());
    const r1 = returned(1);
    h.when(r1);
    expect(h.actions).toEqual([
      { kind: 'close', ruleId: 'prosecution.review', at: r1.occurredAt, outcome: 'met' },
      { kind: 'open', ruleId: 'prosecution.supplementary-investigation', role: 'police', from: r1.occurredAt },
    ]);
    const s1 = resubmitted(1);
    h.when(s1);
    expect(h.actions.slice(2)).toEqual([
      { kind: 'close', ruleId: 'prosecution.supplementary-investigation', at: s1.occurredAt },
      { kind: 'open', ruleId: 'prosecution.review', role: 'procuratorate', from: s1.occurredAt },
    ]);
    h.when(returned(2));
    expect(h.model).toMatchObject({ phase: 'returned', rounds: 2 });
    h.when(resubmitted(2));
    expect(h.when(returned(3))).toMatchObject({
      kind: 'ignore',
      reason: 'at most 2 rounds of supplementary investigation',
    });
    expect([...h.open]).toEqual(['prosecution.review']);
  });

  it('a duplicate return is ignored; a re-submission before its return is deferred', () => {
    const h = prosecution().given(transferred(), returned(1));
    expect(h.when(returned(1))).toMatchObject({ kind: 'ignore' });
    const g = prosecution().given(transferred());
    expect(g.when(resubmitted(1))).toMatchObject({ kind: 'defer' });
  });

  it('indicted: the review met and the path ends, the court recorded', () => {
    const h = prosecution().given(transferred());
    h.when(ev('prosecution.decided', { outcome: 'indicted', courtAgencyId: 'court:210100' }, PRO));
    expect(h.model).toMatchObject({ outcome: 'indicted', courtAgencyId: 'court:210100' });
    expect(prosecutionDecider.isFinished(h.model)).toBe(true);
    expect(h.open.size).toBe(0);
  });

  it('not prosecuted: prosecution.nonprosecution-notice opens, met by the notification', () => {
    const h = prosecution().given(transferred());
    const d = ev('prosecution.decided', { outcome: 'not-prosecuted', reasons: 'minor' }, PRO);
    h.when(d);
    expect(h.actions).toContainEqual({
      kind: 'open',
      ruleId: 'prosecution.nonprosecution-notice',
      role: 'procuratorate',
      from: d.occurredAt,
    });
    expect(prosecutionDecider.isFinished(h.model)).toBe(false);
    h.when(ev('prosecution.nonprosecution-notified', { reasons: 'minor' }, PRO));
    expect(h.model.outcome).toBe('enforcement-notified');
    expect(h.open.size).toBe(0);
  });

  it('a decision while the case is with the police is deferred; a notice before the decision is deferred', () => {
    const h = prosecution().given(transferred(), returned(1));
    expect(h.when(ev('prosecution.decided', { outcome: 'indicted' }, PRO))).toMatchObject({ kind: 'defer' });
    const g = prosecution().given(transferred());
    expect(g.when(ev('prosecution.nonprosecution-notified', {}, PRO))).toMatchObject({ kind: 'defer' });
  });
});

/**
 * The filing-supervision decider as given-events / when-event / then-actions (no Temporal).
 */
import { Harness, ev } from '../testing/decider-harness';
import { initialSupervisionModel, supervisionDecider, type SupervisionModel } from './filing-supervision.decider';

const supervision = () =>
  new Harness<SupervisionModel>(supervisionDecider, initialSupervisionModel('sup-1', 'not-filed'));

describe('filing-supervision decider', () => {
  it('reasons accepted: supervision.tell-agency met by the acceptance, supervision ends', () => {
    const h = supervision().given(ev('filing-supervision.opened'), ev('filing-supervision.explanation-required'));
    const accepted = ev('filing-supervision.reasons-accepted');
    h.when(accepted);
    expect(h.actions).toContainEqual({
      kind: 'instant',
      ruleId: 'supervision.tell-agency',
      role: 'procuratorate',
      from: accepted.occurredAt,
      at: accepted.occurredAt,
    });
    expect(h.model.outcome).toBe('reasons-accepted');
  });

  it('the police decision of another supervision is ignored; its own opens supervision.investigation-chaser', () => {
    const h = supervision().given(ev('filing-supervision.opened'), ev('filing-supervision.filing-notice-issued'));
    expect(h.when(ev('transfer.filing-decided', { outcome: 'filed', supervisionId: 'sup-2' }))).toMatchObject({
      kind: 'ignore',
    });
    h.when(ev('transfer.filing-decided', { outcome: 'filed', supervisionId: 'sup-1' }));
    expect([...h.open]).toEqual(['supervision.investigation-chaser']);
  });

  it('a chaser before the police filed is deferred', () => {
    const h = supervision().given(ev('filing-supervision.opened'));
    expect(h.when(ev('filing-supervision.chaser-issued'))).toMatchObject({ kind: 'defer' });
  });
});

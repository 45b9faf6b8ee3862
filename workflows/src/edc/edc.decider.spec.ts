import { Harness, ev } from '../testing/decider-harness';
import { EDC_CONSULTATION_RULE, edcDecider, edcOwners, initialEdcModel, type EdcModel } from './edc.decider';

const E = 'e-1';
const edc = () => new Harness<EdcModel>(edcDecider, initialEdcModel());
const opened = () =>
  ev('edc.consultation-opened', {
    edcCaseId: E,
    liableParty: { name: 'co', creditCode: 'x' },
    noticeNumber: 'N',
    damage: 'd',
  });
const meeting = (round: number) => ev('edc.meeting-held', { edcCaseId: E, round, minutes: 'm' });

describe('edc.consultation decider (at most 3 meetings)', () => {
  it('the notice opens edc.consultation for the claimant agency; a second opening changes nothing', () => {
    const h = edc();
    const o = opened();
    h.when(o);
    expect(h.actions).toEqual([
      { kind: 'open', ruleId: EDC_CONSULTATION_RULE, role: 'enforcement', from: o.occurredAt },
    ]);
    expect(h.when(opened())).toMatchObject({ kind: 'ignore' });
  });

  it('meetings are recorded once each, a fourth is not', () => {
    const h = edc().given(opened(), meeting(1), meeting(2));
    expect(h.when(meeting(2))).toMatchObject({ kind: 'ignore' });
    h.when(meeting(3));
    expect(h.model.meetings).toEqual([1, 2, 3]);
    expect(h.when(meeting(4))).toMatchObject({ kind: 'ignore', reason: 'at most 3 meetings (edc.consultation)' });
    expect(h.when(ev('edc.meeting-held', { edcCaseId: E, minutes: 'no round' }))).toMatchObject({ kind: 'ignore' });
  });

  it('agreed or failed closes the consultation and finishes; later events change nothing', () => {
    for (const type of ['edc.consultation-agreed', 'edc.consultation-failed']) {
      const h = edc().given(opened(), meeting(1));
      const end = ev(type, { edcCaseId: E, agreementSummary: 'a', reasons: 'r' });
      h.when(end);
      expect(h.actions).toEqual([
        { kind: 'close', ruleId: EDC_CONSULTATION_RULE, at: end.occurredAt },
        { kind: 'close-all', at: end.occurredAt },
      ]);
      expect(edcDecider.isFinished(h.model)).toBe(true);
      expect(h.when(meeting(2))).toMatchObject({ kind: 'ignore' });
    }
  });

  it('events before the notice wait for it; running out has no consequence; owners', () => {
    expect(edc().when(meeting(1))).toMatchObject({ kind: 'defer' });
    expect(edc().given(opened()).missed(EDC_CONSULTATION_RULE)).toBeNull();
    expect(
      edc()
        .given(opened())
        .when(ev('edc.other', { edcCaseId: E })),
    ).toMatchObject({ kind: 'ignore' });
    expect(edcOwners({ claimantAgencyId: 'enforcement:210200', region: '210200' }).enforcement).toBe(
      'enforcement:210200',
    );
  });
});

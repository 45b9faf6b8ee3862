/** Ecological damage compensation consultation, given / when / then. */
import { judgeAct } from '../kit';
import { CLAIMANT_EDC_ACT_RULES, edcCaseIdOf, type EdcEvent, type EdcEventPayloads } from './edc.flow';
import { edcViews as views, mayHoldMeeting, type EdcAuditView } from './edc.views';

const E = '0190c0de-0000-7000-8000-000000000031';
const ENF = 'enforcement:210100';
let clock = Date.parse('2026-03-02T09:00:00+08:00');
function ev<K extends keyof EdcEventPayloads>(type: K, payload: Omit<EdcEventPayloads[K], 'edcCaseId'>): EdcEvent {
  clock += 60_000;
  return {
    type,
    producer: { agencyId: ENF },
    occurredAt: new Date(clock).toISOString(),
    payload: { edcCaseId: E, ...payload },
  } as unknown as EdcEvent;
}
const opened = () =>
  ev('edc.consultation-opened', {
    liableParty: { name: '某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
    noticeNumber: '沈环赔磋〔2026〕1号',
    damage: '含铬废水污染农田',
  });
const meeting = (round: number) => ev('edc.meeting-held', { round, minutes: `第${round}次磋商` });
const fold = (events: EdcEvent[]) => events.reduce<EdcAuditView>((v, e) => views.audit.evolve(v, e), views.audit.empty);

describe('EDC consultation flow', () => {
  it('meetings accumulate once each; after the third no other may be held', () => {
    const v = fold([opened(), meeting(1), meeting(2), meeting(2)]);
    expect(v.claimant!.meetings.map((m) => m.round)).toEqual([1, 2]);
    expect(mayHoldMeeting(v.claimant!)).toBe(true);
    expect(mayHoldMeeting(fold([opened(), meeting(1), meeting(2), meeting(3)]).claimant!)).toBe(false);
  });

  it('agreed → confirmation applied (closed here)', () => {
    const v = fold([
      opened(),
      meeting(1),
      ev('edc.consultation-agreed', { agreementSummary: '修复农田并赔偿 120 万元' }),
    ]);
    expect(v.claimant!.phase).toBe('agreed');
    expect(judgeAct(CLAIMANT_EDC_ACT_RULES, 'apply-confirmation', v.claimant!)).toBe('allowed');
    const done = fold([
      opened(),
      ev('edc.consultation-agreed', { agreementSummary: 'x' }),
      ev('edc.confirmation-applied', { courtAgencyId: 'court:210100', claimantAgencyId: ENF, agreementSummary: 'x' }),
    ]);
    expect(done.claimant).toMatchObject({ phase: 'confirmation-applied', courtAgencyId: 'court:210100' });
  });

  it('failed → sued; suing before the failure is out of order', () => {
    expect(judgeAct(CLAIMANT_EDC_ACT_RULES, 'sue', fold([opened()]).claimant!)).toBe('out-of-order');
    const v = fold([
      opened(),
      ev('edc.consultation-failed', { reasons: '赔偿义务人拒绝磋商' }),
      ev('edc.suit-filed', { courtAgencyId: 'court:210100', claimantAgencyId: ENF, claim: '赔偿 300 万元' }),
    ]);
    expect(v.claimant!.phase).toBe('sued');
    expect(judgeAct(CLAIMANT_EDC_ACT_RULES, 'record-agreement', v.claimant!)).toBe('closed');
  });

  it('the consultation running out is shown; subjects', () => {
    const missed = {
      type: 'deadline.missed',
      producer: { agencyId: 'workflow:cases' },
      occurredAt: new Date((clock += 60_000)).toISOString(),
      payload: { ruleId: 'edc.consultation', subjectId: E },
    } as unknown as EdcEvent;
    expect(fold([opened(), missed]).claimant!.consultationOverdue).toBe(true);
    expect(edcCaseIdOf(missed)).toBe(E);
    expect(edcCaseIdOf(opened())).toBe(E);
  });
});

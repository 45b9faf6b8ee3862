import { Harness, ev } from '../testing/decider-harness';
import {
  CONSULTATION_REPLY_RULE,
  consultationDecider,
  consultationOwners,
  initialConsultationModel,
  type ConsultationModel,
} from './consultation.decider';

const ENF = 'enforcement:210100';
const POLICE = 'police:210100';
const PROC = 'procuratorate:210100';
const Q1 = '0190f7a2-0000-7000-8000-00000000000a';
const Q2 = '0190f7a2-0000-7000-8000-00000000000b';

const consultations = () => new Harness<ConsultationModel>(consultationDecider, initialConsultationModel());
const asked = (id: string, to: string, by = ENF) =>
  ev('consultation.requested', { consultationId: id, consultedAgencyId: to, question: '是否达到立案追诉标准？' }, by);
const replied = (id: string, by: string) =>
  ev('consultation.replied', { consultationId: id, reply: '已达到，建议移送。' }, by);

describe('two-way consultation decider (consultation.written-reply, E17 art 24)', () => {
  it('each question opens its own keyed step owed by the consulted agency; several run at once', () => {
    const h = consultations();
    const a = asked(Q1, POLICE);
    const b = asked(Q2, ENF, PROC);
    h.when(a);
    h.when(b);
    expect(h.actions).toEqual([
      {
        kind: 'open',
        ruleId: CONSULTATION_REPLY_RULE,
        key: Q1,
        role: 'police',
        owner: { kind: 'agency', agencyId: POLICE },
        from: a.occurredAt,
      },
      {
        kind: 'open',
        ruleId: CONSULTATION_REPLY_RULE,
        key: Q2,
        role: 'enforcement',
        owner: { kind: 'agency', agencyId: ENF },
        from: b.occurredAt,
      },
    ]);
    expect(h.when(asked(Q1, POLICE))).toMatchObject({ kind: 'ignore' });
  });

  it('the written reply of the consulted agency closes its step; not anyone else, not twice', () => {
    const h = consultations().given(asked(Q1, POLICE), asked(Q2, PROC));
    expect(h.when(replied(Q1, PROC))).toMatchObject({ kind: 'ignore' });
    const r = replied(Q1, POLICE);
    h.when(r);
    expect(h.actions).toEqual([{ kind: 'close', ruleId: CONSULTATION_REPLY_RULE, key: Q1, at: r.occurredAt }]);
    expect(h.when(replied(Q1, POLICE))).toMatchObject({ kind: 'ignore' });
    expect(h.model.consultations.map((c) => c.repliedAt !== null)).toEqual([true, false]);
    expect(consultationDecider.isFinished(h.model)).toBe(false);
  });

  it('a reply before its question waits; a question to oneself or without an id is ignored', () => {
    expect(consultations().when(replied(Q1, POLICE))).toMatchObject({ kind: 'defer' });
    expect(consultations().when(asked(Q1, ENF))).toMatchObject({ kind: 'ignore' });
    expect(consultations().when(ev('consultation.requested', {}))).toMatchObject({ kind: 'ignore' });
    expect(
      consultations()
        .given(asked(Q1, POLICE))
        .when(ev('transfer.sent', { consultationId: Q1 })),
    ).toMatchObject({ kind: 'ignore' });
  });

  it('owners: the region of the first asking agency; a miss decides nothing', () => {
    expect(consultationOwners({ firstAskingAgencyId: POLICE, region: '210100' })).toMatchObject({ police: POLICE });
    expect(
      consultationDecider.onMissed(initialConsultationModel(), CONSULTATION_REPLY_RULE, '', {
        isOpen: () => false,
        patched: () => true,
      }),
    ).toBeNull();
  });
});

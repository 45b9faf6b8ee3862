import { judgeAct } from '../kit';
import {
  consultationParties,
  CONSULTED_ACT_RULES,
  evolveConsultation,
  type ConsultationEvent,
  type ConsultationView,
} from './consultation.flow';

const ENF = 'enforcement:210100';
const POLICE = 'police:210100';
const ID = '0190f7a2-0000-7000-8000-00000000000a';
const FILE = { fileName: '监测报告.pdf', sha256: 'a'.repeat(64), sizeBytes: 10 };

const asked: ConsultationEvent = {
  type: 'consultation.requested',
  occurredAt: '2025-09-22T09:00:00+08:00',
  producer: { agencyId: ENF },
  payload: { consultationId: ID, consultedAgencyId: POLICE, question: '是否达到立案追诉标准？', attachments: [FILE] },
};
const replied = (by: string, occurredAt = '2025-09-24T09:00:00+08:00'): ConsultationEvent => ({
  type: 'consultation.replied',
  occurredAt,
  producer: { agencyId: by },
  payload: { consultationId: ID, reply: '已达到。' },
});

describe('consultation flow (双向案件咨询)', () => {
  it('given a question with attachments, both agencies are parties and the consulted one owes the reply', () => {
    const v = evolveConsultation(null, asked, 'case-1')!;
    expect(consultationParties(v)).toEqual([ENF, POLICE]);
    expect(v).toMatchObject({ phase: 'asked', attachments: [FILE], reply: null, linkedCaseId: 'case-1' });
  });

  it('when the consulted agency replies, then the reply is recorded; a stranger, a repeat or an early reply change nothing', () => {
    const v = evolveConsultation(null, asked)!;
    const answered = evolveConsultation(v, replied(POLICE)) as ConsultationView;
    expect(answered).toMatchObject({ phase: 'replied', reply: '已达到。', repliedAt: '2025-09-24T09:00:00+08:00' });
    expect(evolveConsultation(v, replied(ENF))).toBe(v);
    expect(evolveConsultation(answered, replied(POLICE, '2025-09-25T09:00:00+08:00'))).toBe(answered);
    expect(evolveConsultation(null, replied(POLICE))).toBeNull();
    expect(evolveConsultation(v, asked)).toBe(v);
  });

  it('the reply act: once, while asked', () => {
    expect(judgeAct(CONSULTED_ACT_RULES, 'reply', { phase: 'asked' })).toBe('allowed');
    expect(judgeAct(CONSULTED_ACT_RULES, 'reply', { phase: 'replied', previousPhase: 'asked' })).toBe('already-done');
  });
});

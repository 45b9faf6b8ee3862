/**
 * The prosecution flow, given / when / then: given the events so far, when one more arrives (in or out of
 * order), then each agency's view — the same functions the apps and the audit use.
 */
import { judgeAct, mayAct } from '../kit';
import {
  PROCURATORATE_PROSECUTION_ACT_RULES,
  PROCURATORATE_PROSECUTION_ACTS,
  POLICE_PROSECUTION_ACT_RULES,
  PROSECUTION_EVENT_TYPES,
  isProsecutionEvent,
  prosecutionIdOf,
  type ProsecutionEvent,
  type ProsecutionEventPayloads,
} from './prosecution.flow';
import { prosecutionViews, type ProsecutionAuditView } from './prosecution.views';

const P = '0190c0de-0000-7000-8000-0000000000a1';
const T = '0190c0de-0000-7000-8000-000000000001';
const ENF = 'enforcement:210100';
const POL = 'police:210100';
const PRO = 'procuratorate:210100';
const COURT = 'court:210100';
const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);

let clock = Date.parse('2026-03-02T09:00:00+08:00');
function ev<K extends keyof ProsecutionEventPayloads>(
  type: K,
  producer: string,
  payload: Omit<ProsecutionEventPayloads[K], 'prosecutionId'>,
  at?: string,
): ProsecutionEvent {
  clock += 60_000;
  return {
    type,
    producer: { agencyId: producer },
    occurredAt: at ?? new Date(clock).toISOString(),
    payload: { prosecutionId: P, ...payload },
  } as unknown as ProsecutionEvent;
}
const transferred = () =>
  ev('prosecution.transferred', POL, {
    transferId: T,
    procuratorateAgencyId: PRO,
    policeAgencyId: POL,
    enforcementAgencyId: ENF,
    policeCaseNumber: 'PC-1',
    summary: 'illegal discharge',
    caseFile: [{ title: '起诉意见书', sha256: H1 }],
  });
const returned = (round = 1) => ev('prosecution.returned-for-investigation', PRO, { round, reasons: 'need samples' });
const resubmitted = (round = 1) =>
  ev('prosecution.resubmitted', POL, {
    round,
    summary: 'samples added',
    caseFile: [
      { title: '起诉意见书', sha256: H1 },
      { title: '检测报告', sha256: H2 },
    ],
  });
const indicted = () => ev('prosecution.decided', PRO, { outcome: 'indicted', courtAgencyId: COURT });
const notProsecuted = () =>
  ev('prosecution.decided', PRO, { outcome: 'not-prosecuted', reasons: 'minor', penaltyOpinion: 'fine' });
const notified = () =>
  ev('prosecution.nonprosecution-notified', PRO, {
    transferId: T,
    enforcementAgencyId: ENF,
    reasons: 'minor',
    penaltyOpinion: 'fine the company',
  });

function audit(...events: ProsecutionEvent[]): ProsecutionAuditView {
  return events.reduce(prosecutionViews.audit.evolve, prosecutionViews.audit.empty);
}

describe('prosecution flow', () => {
  it('lists every event type once and narrows envelopes; a deadline of another rule is no prosecution subject', () => {
    expect(new Set(PROSECUTION_EVENT_TYPES).size).toBe(PROSECUTION_EVENT_TYPES.length);
    expect(isProsecutionEvent(transferred())).toBe(true);
    expect(
      isProsecutionEvent({ type: 'transfer.sent', occurredAt: '', producer: { agencyId: POL }, payload: {} }),
    ).toBe(false);
    expect(prosecutionIdOf(transferred())).toBe(P);
    const missed = (ruleId: string) =>
      ev('deadline.missed', 'workflow', {
        stepId: `${P}/${ruleId}`,
        subjectId: P,
        ruleId,
        variant: 'standard',
        owingAgencyId: PRO,
        dueAt: '2026-04-02T16:00:00.000Z',
      } as never);
    expect(prosecutionIdOf(missed('prosecution.review'))).toBe(P);
    expect(prosecutionIdOf(missed('transfer.receipt'))).toBeNull();
  });

  it('given the transfer, when returned and re-submitted, then both sides follow and the case file grows by the new items only', () => {
    const a = audit(transferred(), returned(1));
    expect(a.police).toMatchObject({ phase: 'returned', rounds: 1, returnReasons: 'need samples' });
    expect(a.procuratorate).toMatchObject({ phase: 'returned', rounds: 1 });
    const b = prosecutionViews.audit.evolve(a, resubmitted(1));
    expect(b.police).toMatchObject({ phase: 'under-review', summary: 'samples added' });
    expect(b.procuratorate!.caseFile.map((i) => i.sha256)).toEqual([H1, H2]);
  });

  it('given a review, when extended, then the variant is extended with its reason; a re-submission starts a standard review again', () => {
    const a = audit(
      transferred(),
      ev('prosecution.review-extended', PRO, { variant: 'extended', reasons: 'complex', approvedBy: 'head-1' }),
    );
    expect(a.procuratorate).toMatchObject({ reviewVariant: 'extended', extensionReasons: 'complex' });
    const b = audit(
      transferred(),
      ev('prosecution.review-extended', PRO, { variant: 'extended', reasons: 'x', approvedBy: 'head-1' }),
      returned(),
      resubmitted(),
    );
    expect(b.procuratorate).toMatchObject({ phase: 'under-review', reviewVariant: 'standard', extensionReasons: null });
  });

  it('indicted: both sides closed, the court named; enforcement has no notice', () => {
    const a = audit(transferred(), returned(), resubmitted(), indicted());
    expect(a.police).toMatchObject({ phase: 'indicted', courtAgencyId: COURT });
    expect(a.procuratorate).toMatchObject({ phase: 'indicted', courtAgencyId: COURT });
    expect(a.enforcement).toBeNull();
  });

  it('not prosecuted, then enforcement notified with the 检察意见: the notice opens on the enforcement side', () => {
    const a = audit(transferred(), notProsecuted());
    expect(a.procuratorate).toMatchObject({ phase: 'not-prosecuted', penaltyOpinion: 'fine' });
    const n = notified();
    const b = prosecutionViews.audit.evolve(a, n);
    expect(b.procuratorate).toMatchObject({ phase: 'enforcement-notified', notifiedAt: n.occurredAt });
    expect(b.police).toMatchObject({ phase: 'not-prosecuted' });
    expect(b.enforcement).toMatchObject({
      phase: 'notified',
      enforcementAgencyId: ENF,
      procuratorateAgencyId: PRO,
      penaltyOpinion: 'fine the company',
    });
  });

  it('the later act wins: a return learnt after the decision it preceded does not reopen the case', () => {
    const start = transferred();
    const early = returned();
    const decided = indicted();
    const a = audit(start, decided, early);
    expect(a.procuratorate!.phase).toBe('indicted');
    expect(a.procuratorate!.rounds).toBe(1); // the fact is kept
  });

  it('prosecution.review missed marks the review overdue; a decision clears it', () => {
    const missed = ev('deadline.missed', 'workflow', {
      stepId: `${P}/prosecution.review`,
      subjectId: P,
      ruleId: 'prosecution.review',
      variant: 'standard',
      owingAgencyId: PRO,
      dueAt: '2026-04-02T16:00:00.000Z',
    } as never);
    expect(audit(transferred(), missed).procuratorate!.reviewOverdue).toBe(true);
    expect(audit(transferred(), missed, indicted()).procuratorate!.reviewOverdue).toBe(false);
  });

  it('acts: returning twice in a row is already done, deciding after a decision is closed, re-submitting under review is out of order', () => {
    const R = PROCURATORATE_PROSECUTION_ACT_RULES;
    expect(judgeAct(R, 'return', { phase: 'under-review' })).toBe('allowed');
    expect(judgeAct(R, 'return', { phase: 'returned', previousPhase: 'under-review' })).toBe('already-done');
    expect(judgeAct(R, 'decide', { phase: 'enforcement-notified', previousPhase: 'not-prosecuted' })).toBe('closed');
    expect(judgeAct(R, 'notify-enforcement', { phase: 'under-review' })).toBe('out-of-order');
    expect(
      judgeAct(POLICE_PROSECUTION_ACT_RULES, 'resubmit', { phase: 'under-review', previousPhase: 'under-review' }),
    ).toBe('out-of-order');
    expect(
      judgeAct(POLICE_PROSECUTION_ACT_RULES, 'resubmit', { phase: 'under-review', previousPhase: 'returned' }),
    ).toBe('already-done');
  });

  it('who: only a procuratorate head extends the review; police officers re-submit', () => {
    expect(
      mayAct(PROCURATORATE_PROSECUTION_ACTS['extend-review'], { agencyKind: 'procuratorate', roles: ['officer'] }),
    ).toBe(false);
    expect(
      mayAct(PROCURATORATE_PROSECUTION_ACTS['extend-review'], { agencyKind: 'procuratorate', roles: ['head'] }),
    ).toBe(true);
    expect(mayAct(PROCURATORATE_PROSECUTION_ACTS.decide, { agencyKind: 'police', roles: ['head'] })).toBe(false);
  });
});

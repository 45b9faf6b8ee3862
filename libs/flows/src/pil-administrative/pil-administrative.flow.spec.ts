/**
 * Administrative PIL, given / when / then: given the events so far, when one more arrives (in or out of
 * order), then the procuratorate's and the agency's views — the functions the apps and the audit use.
 */
import { judgeAct, mayAct, unhandled } from '../kit';
import {
  AGENCY_PIL_ACT_RULES,
  AGENCY_PIL_ACTS,
  PIL_ADMIN_EVENT_TYPES,
  PROCURATORATE_PIL_ADMIN_ACT_RULES,
  PROCURATORATE_PIL_ADMIN_ACTS,
  isPilAdminEvent,
  pilAdminCaseIdOf,
  type PilAdminEvent,
  type PilAdminEventPayloads,
} from './pil-administrative.flow';
import { pilAdministrativeViews as views, type PilAdminAuditView } from './pil-administrative.views';

const P = '0190c0de-0000-7000-8000-000000000011';
const PRO = 'procuratorate:210100';
const ENF = 'enforcement:210100';
const COURT = 'court:210100';

let clock = Date.parse('2026-03-02T09:00:00+08:00');
function ev<K extends keyof PilAdminEventPayloads>(
  type: K,
  producer: string,
  payload: Omit<PilAdminEventPayloads[K], 'pilCaseId'> & { pilCaseId?: string },
  at?: string,
): PilAdminEvent {
  clock += 60_000;
  return {
    type,
    producer: { agencyId: producer },
    occurredAt: at ?? new Date(clock).toISOString(),
    payload: { pilCaseId: P, ...payload },
  } as unknown as PilAdminEvent;
}
const opened = () =>
  ev('pil.case-opened', PRO, { kind: 'administrative', respondentAgencyId: ENF, facts: '未依法查处非法倾倒' });
const investigated = () => ev('pil.investigation-recorded', PRO, { findings: '现场仍堆放危险废物' });
const served = (variant: 'standard' | 'urgent' = 'standard') =>
  ev('pil.recommendation-served', PRO, { agencyId: ENF, documentNumber: '沈检行公建〔2026〕1号', variant });
const missedReply = () =>
  ({
    type: 'deadline.missed',
    producer: { agencyId: 'workflow:cases' },
    occurredAt: new Date((clock += 60_000)).toISOString(),
    payload: { ruleId: 'pil.agency-reply', subjectId: P },
  }) as unknown as PilAdminEvent;

function fold(events: PilAdminEvent[]): PilAdminAuditView {
  return events.reduce<PilAdminAuditView>((v, e) => views.audit.evolve(v, e), views.audit.empty);
}

describe('administrative PIL flow', () => {
  it('given an open case, when investigated and the recommendation served, then the agency has it to answer', () => {
    const v = fold([opened(), investigated(), served('urgent')]);
    expect(v.procuratorate).toMatchObject({ phase: 'recommended', variant: 'urgent', respondentAgencyId: ENF });
    expect(v.agency).toMatchObject({ phase: 'awaiting-reply', agencyId: ENF, procuratorateAgencyId: PRO });
  });

  it('the agency acts and replies corrected; the procuratorate closes and serves its decision: closed on both sides', () => {
    const v = fold([
      opened(),
      investigated(),
      served(),
      ev('pil.recommendation-filed', PRO, { upperProcuratorateAgencyId: 'procuratorate:210000' }),
      ev('pil.agency-action-recorded', ENF, { action: '责令清运并立案处罚' }),
      ev('pil.agency-replied', ENF, { outcome: 'corrected', reply: '已整改完毕' }),
      ev('pil.closing-decided', PRO, { reasons: '已依法履职' }),
      ev('pil.closing-decision-served', PRO, { agencyId: ENF, documentNumber: '沈检行公终〔2026〕1号' }),
    ]);
    expect(v.procuratorate).toMatchObject({ phase: 'closed', replyOutcome: 'corrected' });
    expect(v.procuratorate!.filedUpwardAt).not.toBeNull();
    expect(v.procuratorate!.agencyActions.map((a) => a.action)).toEqual(['责令清运并立案处罚']);
    expect(v.agency).toMatchObject({ phase: 'closed', closingDocumentNumber: '沈检行公终〔2026〕1号' });
  });

  it('the reply runs out: the procuratorate sees it overdue, the agency too; the suit closes both', () => {
    const upToServed = [opened(), investigated(), served()];
    const before = fold([...upToServed, missedReply()]);
    expect(before.procuratorate!.phase).toBe('reply-overdue');
    // a period running out is no act: the phase keeps the time of the last act (the recommendation served)
    expect(before.procuratorate!.phaseAt).toBe(upToServed[2]!.occurredAt);
    expect(before.agency).toMatchObject({ phase: 'awaiting-reply', replyOverdue: true });
    expect(judgeAct(PROCURATORATE_PIL_ADMIN_ACT_RULES, 'sue', before.procuratorate!)).toBe('allowed');
    const after = fold([
      opened(),
      investigated(),
      served(),
      missedReply(),
      ev('pil.suit-filed', PRO, { courtAgencyId: COURT, kind: 'administrative' }),
    ]);
    expect(after.procuratorate).toMatchObject({ phase: 'sued', courtAgencyId: COURT });
    expect(after.agency).toMatchObject({ phase: 'sued', courtAgencyId: COURT });
  });

  it('an older reply does not move a view a later act already moved (the later act wins)', () => {
    const replyAt = new Date(clock + 120_000).toISOString();
    const v = fold([
      opened(),
      investigated(),
      served(),
      ev('pil.closing-decided', PRO, { reasons: 'x' }, new Date(clock + 180_000).toISOString()),
      ev('pil.agency-replied', ENF, { outcome: 'corrected', reply: 'late learnt' }, replyAt),
    ]);
    expect(v.procuratorate!.phase).toBe('closing');
  });

  it('acts are guarded: twice → already-done, out of order, closed; only the right agency and role', () => {
    const v = fold([opened(), investigated(), served()]);
    expect(
      judgeAct(PROCURATORATE_PIL_ADMIN_ACT_RULES, 'issue-recommendation', {
        ...v.procuratorate!,
        previousPhase: 'investigated',
      }),
    ).toBe('already-done');
    expect(judgeAct(PROCURATORATE_PIL_ADMIN_ACT_RULES, 'sue', v.procuratorate!)).toBe('out-of-order');
    expect(judgeAct(AGENCY_PIL_ACT_RULES, 'reply', { phase: 'closed' })).toBe('closed');
    expect(mayAct(PROCURATORATE_PIL_ADMIN_ACTS.sue, { agencyKind: 'procuratorate', roles: ['officer'] })).toBe(false);
    expect(mayAct(AGENCY_PIL_ACTS.reply, { agencyKind: 'enforcement', roles: ['officer'] })).toBe(true);
    expect(mayAct(AGENCY_PIL_ACTS.reply, { agencyKind: 'police', roles: ['officer'] })).toBe(false);
  });

  it('a civil case opens no administrative view; the guard knows every type and the subject of each', () => {
    const civil = ev('pil.case-opened', PRO, { kind: 'civil', facts: 'x' });
    expect(fold([civil]).procuratorate).toBeNull();
    for (const type of PIL_ADMIN_EVENT_TYPES)
      expect(isPilAdminEvent({ type, occurredAt: '', producer: { agencyId: PRO }, payload: {} })).toBe(true);
    expect(isPilAdminEvent({ type: 'transfer.sent', occurredAt: '', producer: { agencyId: PRO }, payload: {} })).toBe(
      false,
    );
    expect(pilAdminCaseIdOf(served())).toBe(P);
    expect(pilAdminCaseIdOf(missedReply())).toBe(P);
    expect(() => unhandled({ type: 'x' } as never)).toThrow('unhandled event type "x"');
  });
});

/** Civil PIL, given / when / then, and the eligibility rule of EPL art 58. */
import type { PilOrganisationFacts } from '@casebridge/contracts';
import { judgeAct } from '../kit';
import {
  PROCURATORATE_PIL_CIVIL_ACT_RULES,
  organisationIneligibility,
  pilCivilCaseIdOf,
  type PilCivilEvent,
  type PilCivilEventPayloads,
} from './pil-civil.flow';
import { pilCivilViews as views, type PilCivilAuditView } from './pil-civil.views';

const P = '0190c0de-0000-7000-8000-000000000021';
const EDC = '0190c0de-0000-7000-8000-000000000031';
const PRO = 'procuratorate:210100';

let clock = Date.parse('2026-03-02T09:00:00+08:00');
function ev<K extends keyof PilCivilEventPayloads>(
  type: K,
  payload: Omit<PilCivilEventPayloads[K], 'pilCaseId'>,
  at?: string,
): PilCivilEvent {
  clock += 60_000;
  return {
    type,
    producer: { agencyId: PRO },
    occurredAt: at ?? new Date(clock).toISOString(),
    payload: { pilCaseId: P, ...payload },
  } as unknown as PilCivilEvent;
}
const good: PilOrganisationFacts = {
  name: '辽宁省环保志愿者协会',
  creditCode: '51210000MJ0000000X',
  registrationLevel: 'province',
  consecutiveYears: 8,
  violationRecord: false,
};
const assessed = (o: PilOrganisationFacts) =>
  ev('pil.organisation-assessed', {
    organisation: o,
    eligible: organisationIneligibility(o).length === 0,
    reasons: organisationIneligibility(o),
  });
const announced = () => [
  ev('pil.case-opened', { kind: 'civil', facts: '非法排放致河流污染' }),
  ev('pil.announcement-published', { channel: '正义网' }),
];
const ended = () =>
  ({
    type: 'deadline.missed',
    producer: { agencyId: 'workflow:cases' },
    occurredAt: new Date((clock += 60_000)).toISOString(),
    payload: { ruleId: 'pil.civil-announcement', subjectId: P },
  }) as unknown as PilCivilEvent;
const fold = (events: PilCivilEvent[]) =>
  events.reduce<PilCivilAuditView>((v, e) => views.audit.evolve(v, e), views.audit.empty);

describe('eligibility of an organisation (EPL art 58)', () => {
  it('eligible: city level or above, ≥ 5 consecutive years, no violation record', () => {
    expect(organisationIneligibility(good)).toEqual([]);
    expect(organisationIneligibility({ ...good, registrationLevel: 'city', consecutiveYears: 5 })).toEqual([]);
  });
  it('each failed condition gives its own reason in words', () => {
    const reasons = organisationIneligibility({
      ...good,
      registrationLevel: 'county',
      consecutiveYears: 3,
      violationRecord: true,
    });
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toContain('county-level');
    expect(reasons[1]).toContain('3 consecutive year(s)');
    expect(reasons[2]).toContain('violating the law');
  });
});

describe('civil PIL flow', () => {
  it('nobody comes forward in 30 days: announcement ended, the procuratorate may sue, then sued', () => {
    const v = fold([...announced(), ended()]);
    expect(v.procuratorate!.phase).toBe('announcement-ended');
    expect(judgeAct(PROCURATORATE_PIL_CIVIL_ACT_RULES, 'sue', v.procuratorate!)).toBe('allowed');
    const s = fold([...announced(), ended(), ev('pil.suit-filed', { courtAgencyId: 'court:210100', kind: 'civil' })]);
    expect(s.procuratorate).toMatchObject({ phase: 'sued', courtAgencyId: 'court:210100' });
  });

  it('an ineligible organisation is refused with reasons and the announcement goes on; an eligible one is supported', () => {
    const refused = fold([...announced(), assessed({ ...good, consecutiveYears: 2 })]);
    expect(refused.procuratorate!.phase).toBe('announced');
    expect(refused.procuratorate!.organisations[0]).toMatchObject({ eligible: false });
    expect(judgeAct(PROCURATORATE_PIL_CIVIL_ACT_RULES, 'sue', refused.procuratorate!)).toBe('out-of-order');
    const v = fold([...announced(), assessed({ ...good, consecutiveYears: 2 }), assessed(good)]);
    expect(v.procuratorate).toMatchObject({ phase: 'organisation-forward', plaintiff: good.name });
    const s = fold([
      ...announced(),
      assessed(good),
      ev('pil.suit-supported', { organisationName: good.name, courtAgencyId: 'court:210100' }),
    ]);
    expect(s.procuratorate!.phase).toBe('supported');
  });

  it('waits while a damage consultation on the same conduct is open, and goes on when it fails', () => {
    const waiting = fold([
      ...announced(),
      ev('pil.clock-changed', { state: 'suspended', reason: 'consultation open', edcCaseId: EDC }),
    ]);
    expect(waiting.procuratorate).toMatchObject({ waiting: true, waitingForEdcCaseId: EDC });
    const resumed = fold([
      ...announced(),
      ev('pil.clock-changed', { state: 'suspended', reason: 'consultation open', edcCaseId: EDC }),
      ev('pil.clock-changed', { state: 'running', reason: 'consultation failed', edcCaseId: EDC }),
    ]);
    expect(resumed.procuratorate).toMatchObject({ waiting: false, waitingForEdcCaseId: null });
  });

  it('an administrative case opens no civil view; subjects', () => {
    expect(fold([ev('pil.case-opened', { kind: 'administrative', facts: 'x' })]).procuratorate).toBeNull();
    expect(fold([ev('pil.case-opened', { kind: 'criminal-incidental-civil', facts: 'x' })]).procuratorate!.kind).toBe(
      'criminal-incidental-civil',
    );
    expect(pilCivilCaseIdOf(ended())).toBe(P);
  });
});

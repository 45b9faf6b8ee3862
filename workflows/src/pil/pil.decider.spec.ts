import { Harness, ev } from '../testing/decider-harness';
import {
  CLOSING_NOTICE_KEY,
  PilRules as R,
  initialPilModel,
  pilDecider,
  pilOwners,
  type PilModel,
} from './pil.decider';

const PRO = 'procuratorate:210100';
const ENF = 'enforcement:210100';
const P = 'p-1';
const pil = () => new Harness<PilModel>(pilDecider, initialPilModel());
const pev = (type: string, payload: Record<string, unknown> = {}, producer = PRO) =>
  ev(type, { pilCaseId: P, ...payload }, producer);
const opened = (kind = 'administrative') => pev('pil.case-opened', { kind, respondentAgencyId: ENF, facts: 'x' });
const served = (variant = 'standard') =>
  pev('pil.recommendation-served', { agencyId: ENF, documentNumber: 'N1', variant });

describe('PIL decider: administrative path (PILR21 art 75; PILJI art 21; ALL art 25(4))', () => {
  it('the recommendation served opens the filing upward (procuratorate) and the reply (the agency, urgent 15 days)', () => {
    const h = pil().given(opened(), pev('pil.investigation-recorded', { findings: 'f' }));
    const s = served('urgent');
    h.when(s);
    expect(h.actions).toEqual([
      { kind: 'open', ruleId: R.recommendationFiling, role: 'procuratorate', from: s.occurredAt },
      {
        kind: 'open',
        ruleId: R.agencyReply,
        role: 'enforcement',
        from: s.occurredAt,
        variant: 'urgent',
        owner: { kind: 'agency', agencyId: ENF },
      },
    ]);
    expect(h.when(served())).toMatchObject({ kind: 'ignore' });
  });

  it('filed upward closes pil.recommendation-filing once; actions change nothing', () => {
    const h = pil().given(opened(), served());
    const filed = pev('pil.recommendation-filed', { upperProcuratorateAgencyId: 'procuratorate:210000' });
    h.when(filed);
    expect(h.actions).toEqual([{ kind: 'close', ruleId: R.recommendationFiling, at: filed.occurredAt }]);
    expect(h.when(filed)).toMatchObject({ kind: 'ignore' });
    expect(h.when(pev('pil.agency-action-recorded', { action: 'a' }, ENF))).toMatchObject({
      kind: 'apply',
      actions: [],
    });
  });

  it('the reply closes pil.agency-reply and opens pil.admin-suit-decision; closing opens the 7-day closing notice; served: finished', () => {
    const h = pil().given(opened(), served());
    const replied = pev('pil.agency-replied', { outcome: 'corrected', reply: 'r' }, ENF);
    h.when(replied);
    expect(h.actions).toEqual([
      { kind: 'close', ruleId: R.agencyReply, at: replied.occurredAt },
      { kind: 'open', ruleId: R.adminSuitDecision, role: 'procuratorate', from: replied.occurredAt },
    ]);
    const closing = pev('pil.closing-decided', { reasons: 'corrected' });
    h.when(closing);
    expect(h.actions.slice(-2)).toEqual([
      { kind: 'close', ruleId: R.adminSuitDecision, at: closing.occurredAt },
      {
        kind: 'open',
        ruleId: R.adminSuitDecision,
        key: CLOSING_NOTICE_KEY,
        variant: 'closing-notice',
        role: 'procuratorate',
        from: closing.occurredAt,
      },
    ]);
    const servedClosing = pev('pil.closing-decision-served', { agencyId: ENF, documentNumber: 'C1' });
    h.when(servedClosing);
    expect(h.actions.slice(-2)).toEqual([
      { kind: 'close', ruleId: R.adminSuitDecision, key: CLOSING_NOTICE_KEY, at: servedClosing.occurredAt },
      { kind: 'close-all', at: servedClosing.occurredAt },
    ]);
    expect(h.model).toMatchObject({ phase: 'closed', outcome: 'closed' });
    expect(pilDecider.isFinished(h.model)).toBe(true);
    expect(h.when(pev('pil.suit-filed', { courtAgencyId: 'court:210100', kind: 'administrative' }))).toMatchObject({
      kind: 'ignore',
    });
  });

  it('no reply in time: the decision clock starts at the end of the reply period; a late reply does not open it twice; the suit finishes', () => {
    const h = pil().given(opened(), served());
    const consequence = h.missed(R.agencyReply);
    expect(consequence).toMatchObject({ kind: 'apply', model: { phase: 'reply-overdue' } });
    expect(h.actions).toEqual([
      { kind: 'open', ruleId: R.adminSuitDecision, role: 'procuratorate', from: expect.any(String) },
    ]);
    h.when(pev('pil.agency-replied', { outcome: 'not-corrected', reply: 'late' }, ENF));
    expect(h.actions.filter((a) => a.kind === 'open')).toHaveLength(1);
    const sued = pev('pil.suit-filed', { courtAgencyId: 'court:210100', kind: 'administrative' });
    h.when(sued);
    expect(h.actions.slice(-2)).toEqual([
      { kind: 'close', ruleId: R.adminSuitDecision, at: sued.occurredAt },
      { kind: 'close-all', at: sued.occurredAt },
    ]);
    expect(h.model.outcome).toBe('sued');
  });

  it('events before their trigger wait; a suit before the reply or its end waits', () => {
    expect(pil().when(served())).toMatchObject({ kind: 'defer' });
    const h = pil().given(opened());
    expect(h.when(pev('pil.agency-replied', { outcome: 'corrected', reply: 'r' }, ENF))).toMatchObject({
      kind: 'defer',
    });
    expect(
      h.when(pev('pil.recommendation-filed', { upperProcuratorateAgencyId: 'procuratorate:210000' })),
    ).toMatchObject({
      kind: 'defer',
    });
    h.when(served());
    expect(h.when(pev('pil.suit-filed', { courtAgencyId: 'court:210100', kind: 'administrative' }))).toMatchObject({
      kind: 'defer',
    });
    expect(h.when(pev('pil.closing-decided', { reasons: 'x' }))).toMatchObject({ kind: 'defer' });
    expect(h.when(pev('pil.closing-decision-served', { agencyId: ENF, documentNumber: 'C' }))).toMatchObject({
      kind: 'defer',
    });
    expect(h.when(opened())).toMatchObject({ kind: 'ignore' });
  });

  it('owners: the procuratorate, the respondent from the recommendation', () => {
    const h = pil().given(
      opened(),
      pev('pil.recommendation-served', { agencyId: 'enforcement:210200', documentNumber: 'N', variant: 'standard' }),
    );
    expect(pilOwners(h.model, { procuratorateAgencyId: PRO, region: '210100' })).toMatchObject({
      procuratorate: PRO,
      enforcement: 'enforcement:210200',
    });
    expect(pilOwners(initialPilModel(), { procuratorateAgencyId: PRO, region: '210100' }).enforcement).toBe(ENF);
  });
});

describe('PIL decider: civil path (PILJI art 13; EPL art 58; flows.md §6)', () => {
  const announced = () => pev('pil.announcement-published', { channel: '正义网' });
  const assessed = (eligible: boolean) =>
    pev('pil.organisation-assessed', { eligible, reasons: eligible ? [] : ['r'], organisation: { name: 'org' } });

  it('the announcement opens pil.civil-announcement, followed by the procuratorate for the organisations', () => {
    const h = pil().given(opened('civil'));
    const a = announced();
    h.when(a);
    expect(h.actions).toEqual([
      {
        kind: 'open',
        ruleId: R.civilAnnouncement,
        role: 'procuratorate',
        owner: { kind: 'party', role: 'eligible-organisation' },
        from: a.occurredAt,
      },
    ]);
    expect(h.when(announced())).toMatchObject({ kind: 'ignore' });
  });

  it('30 days and nobody: pil.civil-suit-decision opens; the suit finishes', () => {
    const h = pil().given(opened('criminal-incidental-civil'), announced());
    expect(h.missed(R.civilAnnouncement)).toMatchObject({ model: { phase: 'announcement-ended' } });
    expect(h.actions).toEqual([
      { kind: 'open', ruleId: R.civilSuitDecision, role: 'procuratorate', from: expect.any(String) },
    ]);
    h.when(pev('pil.suit-filed', { courtAgencyId: 'court:210100', kind: 'civil' }));
    expect(h.model.outcome).toBe('sued');
  });

  it('an ineligible organisation changes no step; an eligible one ends the announcement (met) and opens the decision; support finishes', () => {
    const h = pil().given(opened('civil'), announced());
    expect(h.when(assessed(false))).toMatchObject({ kind: 'apply', actions: [] });
    const ok = assessed(true);
    h.when(ok);
    expect(h.actions).toEqual([
      { kind: 'close', ruleId: R.civilAnnouncement, at: ok.occurredAt, outcome: 'met' },
      { kind: 'open', ruleId: R.civilSuitDecision, role: 'procuratorate', from: ok.occurredAt },
    ]);
    expect(h.when(assessed(true))).toMatchObject({ kind: 'ignore' });
    const supported = pev('pil.suit-supported', { organisationName: 'org', courtAgencyId: 'court:210100' });
    h.when(supported);
    expect(h.model).toMatchObject({ phase: 'supported', outcome: 'supported' });
  });

  it('a damage consultation stops whichever civil clock runs, and a failure lets it run again; repeats change nothing', () => {
    const h = pil().given(opened('civil'), announced());
    const stop = pev('pil.clock-changed', { state: 'suspended', reason: 'consultation open' });
    h.when(stop);
    expect(h.actions).toEqual([
      { kind: 'suspend', ruleId: R.civilAnnouncement, at: stop.occurredAt, reason: 'consultation open' },
    ]);
    expect(h.when(stop)).toMatchObject({ kind: 'ignore' });
    const go = pev('pil.clock-changed', { state: 'running', reason: 'consultation failed' });
    h.when(go);
    expect(h.actions.at(-1)).toEqual({ kind: 'resume', ruleId: R.civilAnnouncement, at: go.occurredAt });
    expect(h.when(go)).toMatchObject({ kind: 'ignore' });
    expect(h.when(pev('pil.clock-changed', { state: 'sideways', reason: 'x' }))).toMatchObject({ kind: 'ignore' });
  });

  it('a consultation open before the announcement: the announcement opens standing still', () => {
    const h = pil().given(
      opened('civil'),
      pev('pil.clock-changed', { state: 'suspended', reason: 'consultation open' }),
    );
    const a = announced();
    h.when(a);
    expect(h.actions.map((x) => x.kind)).toEqual(['open', 'suspend']);
  });

  it('out of order: an organisation before the announcement waits; a suit during the announcement waits; support without an organisation waits', () => {
    const h = pil().given(opened('civil'));
    expect(h.when(assessed(true))).toMatchObject({ kind: 'defer' });
    h.when(announced());
    expect(h.when(pev('pil.suit-filed', { courtAgencyId: 'court:210100', kind: 'civil' }))).toMatchObject({
      kind: 'defer',
    });
    expect(h.when(pev('pil.suit-supported', { organisationName: 'o', courtAgencyId: 'court:210100' }))).toMatchObject({
      kind: 'defer',
    });
  });
});

import { Harness, ev } from '../testing/decider-harness';
import {
  COURT_ON_EXPIRY,
  CourtPatches,
  CourtRules as R,
  restorationDays,
  PROCURATORATE_ANSWER_KEY,
  courtDecider,
  courtOwners,
  initialCourtModel,
  type CourtModel,
} from './court.decider';
import type { CourtSource, CourtTrack } from './court.contracts';

const COURT = 'court:210100';
const PROC = 'procuratorate:210100';
const CLAIMANT = 'enforcement:210100';
const ID = '0193d0a0-0000-7000-8000-000000000001';
const courtOwner = { kind: 'agency', agencyId: COURT };

function courtCase(source: CourtSource, track: CourtTrack, pilKind?: 'administrative' | 'civil') {
  const plaintiffAgencyId = source.startsWith('edc') ? CLAIMANT : PROC;
  return new Harness<CourtModel>(
    courtDecider,
    initialCourtModel({
      courtCaseId: ID,
      courtAgencyId: COURT,
      plaintiffAgencyId,
      source,
      track,
      ...(pilKind ? { pilKind } : {}),
    }),
  );
}
const received = () => ev('court.case-received', { courtCaseId: ID }, COURT);
const docketed = (procedure = 'ordinary') => ev('court.case-docketed', { courtCaseId: ID, procedure }, COURT);

describe('court case decider (flows.md §3–4, §6; deadlines.md "Court")', () => {
  it('received opens court.docket owed by the court office; a second receipt changes nothing', () => {
    const h = courtCase('prosecution', 'criminal');
    const r = received();
    h.when(r);
    expect(h.actions).toEqual([
      { kind: 'open', ruleId: R.docket, from: r.occurredAt, role: 'procuratorate', owner: courtOwner },
    ]);
    expect(h.when(received())).toMatchObject({ kind: 'ignore' });
  });

  it('criminal docketing closes court.docket and opens court.trial-criminal only (no PIL steps; no simplified variant)', () => {
    const h = courtCase('prosecution', 'criminal').given(received());
    const d = docketed('simplified');
    h.when(d);
    expect(h.actions).toEqual([
      { kind: 'close', ruleId: R.docket, at: d.occurredAt },
      { kind: 'open', ruleId: R.trialCriminal, from: d.occurredAt, role: 'procuratorate', owner: courtOwner },
    ]);
  });

  it('civil PIL docketing opens the civil trial period (simplified variant), court.notify-agency and court.serve-complaint', () => {
    const h = courtCase('pil', 'civil', 'civil').given(received());
    const d = docketed('simplified');
    h.when(d);
    expect(
      h.actions.map((a) => [a.kind, 'ruleId' in a ? a.ruleId : '', 'variant' in a ? a.variant : undefined]),
    ).toEqual([
      ['close', R.docket, undefined],
      ['open', R.trialCivil, 'simplified'],
      ['open', R.notifyAgency, undefined],
      ['open', R.serveComplaint, undefined],
    ]);
    expect(h.model.docketedAt).toBe(d.occurredAt);
  });

  it('administrative PIL: no complaint to serve; the notice closes court.notify-agency and gives the agency its own met step', () => {
    const h = courtCase('pil', 'administrative', 'administrative').given(received());
    const d = docketed();
    h.when(d);
    expect(h.actions.map((a) => ('ruleId' in a ? a.ruleId : a.kind))).toEqual([
      R.docket,
      R.trialAdministrative,
      R.notifyAgency,
    ]);
    const n = ev('court.agency-notified', { courtCaseId: ID, agencyId: 'enforcement:210300' }, COURT);
    h.when(n);
    expect(h.actions.slice(-2)).toEqual([
      { kind: 'close', ruleId: R.notifyAgency, at: n.occurredAt },
      {
        kind: 'instant',
        ruleId: R.notifyAgency,
        key: 'enforcement:210300',
        from: d.occurredAt,
        at: n.occurredAt,
        role: 'procuratorate',
        owner: { kind: 'agency', agencyId: 'enforcement:210300' },
      },
    ]);
    expect(
      h.when(ev('court.agency-notified', { courtCaseId: ID, agencyId: 'enforcement:210300' }, COURT)),
    ).toMatchObject({ kind: 'ignore' });
    expect(h.when(ev('court.complaint-served', { courtCaseId: ID }, COURT))).toMatchObject({ kind: 'ignore' });
  });

  it('acts of a docketed case that arrive before the docketing wait for it', () => {
    const h = courtCase('pil', 'civil', 'civil').given(received());
    for (const type of [
      'court.complaint-served',
      'court.agency-notified',
      'court.hearing-scheduled',
      'court.judgment-rendered',
      'court.settlement-announced',
      'court.co-plaintiff-announced',
    ])
      expect(h.when(ev(type, { courtCaseId: ID, hearingAt: '2025-10-20T09:00:00+08:00' }, COURT))).toMatchObject({
        kind: 'defer',
      });
    expect(courtCase('pil', 'civil').when(docketed())).toMatchObject({ kind: 'defer' });
    expect(courtCase('pil', 'civil').when(ev('court.case-not-accepted', {}, COURT))).toMatchObject({ kind: 'defer' });
  });

  it('complaint served closes court.serve-complaint', () => {
    const h = courtCase('pil', 'civil', 'civil').given(received(), docketed());
    const s = ev('court.complaint-served', { courtCaseId: ID }, COURT);
    h.when(s);
    expect(h.actions).toEqual([{ kind: 'close', ruleId: R.serveComplaint, at: s.occurredAt }]);
  });

  it('ruling not to accept closes court.docket and ends the case; nothing follows', () => {
    const h = courtCase('pil', 'civil', 'civil').given(received());
    const n = ev('court.case-not-accepted', { courtCaseId: ID }, COURT);
    h.when(n);
    expect(h.actions).toEqual([
      { kind: 'close', ruleId: R.docket, at: n.occurredAt },
      { kind: 'close-all', at: n.occurredAt },
    ]);
    expect(courtDecider.isFinished(h.model)).toBe(true);
    expect(h.when(docketed())).toMatchObject({ kind: 'ignore' });
    expect(
      courtCase('pil', 'civil')
        .given(received(), docketed())
        .when(ev('court.case-not-accepted', {}, COURT)),
    ).toMatchObject({ kind: 'ignore' });
  });

  it('co-plaintiff announcement opens the 30-day window owed by the eligible organisations, once', () => {
    const h = courtCase('pil', 'civil', 'civil').given(received(), docketed());
    const a = ev('court.co-plaintiff-announced', { courtCaseId: ID, channel: '人民法院报' }, COURT);
    h.when(a);
    expect(h.actions).toEqual([
      {
        kind: 'open',
        ruleId: R.coPlaintiffWindow,
        from: a.occurredAt,
        role: 'procuratorate',
        owner: { kind: 'party', role: 'eligible-organisation' },
      },
    ]);
    expect(h.when(ev('court.co-plaintiff-announced', { courtCaseId: ID }, COURT))).toMatchObject({ kind: 'ignore' });
  });

  it('a hearing notice is checked against the hearing (lead time) and opens the procuratorate’s answer; a new notice replaces it', () => {
    const h = courtCase('prosecution', 'criminal').given(received(), docketed());
    const hearingAt = '2025-10-20T09:00:00+08:00';
    const s = ev('court.hearing-scheduled', { courtCaseId: ID, hearingAt }, COURT);
    h.when(s);
    expect(h.actions).toEqual([
      {
        kind: 'instant',
        ruleId: R.hearingNotice,
        from: hearingAt,
        at: s.occurredAt,
        role: 'procuratorate',
        owner: courtOwner,
      },
      {
        kind: 'open',
        ruleId: R.hearingNotice,
        key: PROCURATORATE_ANSWER_KEY,
        variant: 'procuratorate-answer',
        from: s.occurredAt,
        role: 'procuratorate',
      },
    ]);
    const again = ev('court.hearing-scheduled', { courtCaseId: ID, hearingAt }, COURT);
    h.when(again);
    expect(h.actions[3]).toEqual({
      kind: 'close',
      ruleId: R.hearingNotice,
      key: PROCURATORATE_ANSWER_KEY,
      at: again.occurredAt,
      outcome: 'moot',
    });
    expect(h.when(ev('court.hearing-scheduled', { courtCaseId: ID }, COURT))).toMatchObject({ kind: 'ignore' });
  });

  it('an EDC suit: the claimant agency is the plaintiff; no procuratorate answer to a hearing notice', () => {
    const h = courtCase('edc-suit', 'civil').given(received(), docketed());
    h.when(ev('court.hearing-scheduled', { courtCaseId: ID, hearingAt: '2025-10-20T09:00:00+08:00' }, COURT));
    expect(h.actions).toHaveLength(1);
    expect(h.actions[0]).toMatchObject({ kind: 'instant', role: 'enforcement' });
    expect(courtOwners(h.model)).toEqual({ procuratorate: '', enforcement: CLAIMANT, police: '' });
  });

  it('settlement: announced (minimum 30 days), approved (met), the case ends settled', () => {
    const h = courtCase('pil', 'civil', 'civil').given(received(), docketed());
    expect(h.when(ev('court.settlement-approved', {}, COURT))).toMatchObject({ kind: 'ignore' });
    const a = ev('court.settlement-announced', { courtCaseId: ID, summary: '被告修复' }, COURT);
    h.when(a);
    expect(h.actions).toEqual([
      { kind: 'open', ruleId: R.settlementAnnouncement, from: a.occurredAt, role: 'procuratorate', owner: courtOwner },
    ]);
    expect(h.when(ev('court.settlement-announced', {}, COURT))).toMatchObject({ kind: 'ignore' });
    const ok = ev('court.settlement-approved', { courtCaseId: ID }, COURT);
    h.when(ok);
    expect(h.actions.slice(-2)).toEqual([
      { kind: 'close', ruleId: R.settlementAnnouncement, at: ok.occurredAt, outcome: 'met' },
      { kind: 'close-all', at: ok.occurredAt },
    ]);
    expect(h.model.outcome).toBe('settled');
  });

  it('EDC confirmation: no docket; announced (edc.confirmation-announcement), then confirmed', () => {
    const h = courtCase('edc-confirmation', 'civil');
    h.when(received());
    expect(h.actions).toEqual([]);
    expect(h.when(docketed())).toMatchObject({ kind: 'ignore' });
    expect(h.when(ev('court.agreement-confirmed', {}, COURT))).toMatchObject({ kind: 'defer' });
    const a = ev('court.confirmation-announced', { courtCaseId: ID }, COURT);
    h.when(a);
    expect(h.actions.at(-1)).toEqual({
      kind: 'open',
      ruleId: R.confirmationAnnouncement,
      from: a.occurredAt,
      role: 'enforcement',
      owner: courtOwner,
    });
    expect(h.when(ev('court.confirmation-announced', {}, COURT))).toMatchObject({ kind: 'ignore' });
    const c = ev('court.agreement-confirmed', { courtCaseId: ID }, COURT);
    h.when(c);
    expect(h.actions.slice(-2)).toEqual([
      { kind: 'close', ruleId: R.confirmationAnnouncement, at: c.occurredAt, outcome: 'met' },
      { kind: 'close-all', at: c.occurredAt },
    ]);
    expect(h.model.outcome).toBe('confirmed');
    expect(courtCase('pil', 'civil').when(ev('court.confirmation-announced', {}, COURT))).toMatchObject({
      kind: 'ignore',
    });
    expect(courtCase('edc-confirmation', 'civil').when(ev('court.confirmation-announced', {}, COURT))).toMatchObject({
      kind: 'defer',
    });
  });

  it('an approved extension extends the trial period of the case’s track only', () => {
    const h = courtCase('pil', 'civil', 'civil').given(received(), docketed());
    const x = ev(
      'court.trial-extended',
      { courtCaseId: ID, ruleId: R.trialCivil, variant: 'extended', approvedBy: '院长' },
      COURT,
    );
    h.when(x);
    expect(h.actions).toEqual([
      { kind: 'extend', ruleId: R.trialCivil, variant: 'extended', at: x.occurredAt, approvedBy: '院长' },
    ]);
    expect(h.when(ev('court.trial-extended', { ruleId: R.trialCriminal, variant: 'extended' }, COURT))).toMatchObject({
      kind: 'ignore',
    });
  });

  it('judgment closes the trial period and every open step; the case ends judged', () => {
    const h = courtCase('prosecution', 'criminal').given(received(), docketed());
    const j = ev('court.judgment-rendered', { courtCaseId: ID, summary: '有期徒刑' }, COURT);
    h.when(j);
    expect(h.actions).toEqual([
      { kind: 'close', ruleId: R.trialCriminal, at: j.occurredAt },
      { kind: 'close-all', at: j.occurredAt },
    ]);
    expect(courtDecider.isFinished(h.model)).toBe(true);
    expect(h.when(ev('court.judgment-rendered', {}, COURT))).toMatchObject({ kind: 'ignore' });
    expect(h.missed(R.trialCriminal)).toBeNull();
  });

  it('ignores what is not a court event; every rule it drives has its expiry said', () => {
    expect(courtCase('pil', 'civil').when(ev('transfer.sent', {}))).toMatchObject({ kind: 'ignore' });
    for (const r of Object.values(R).filter((r) => r !== R.docket)) expect(COURT_ON_EXPIRY[r]).toBeTruthy();
  });

  describe('a restoration order is tracked until the court verifies it (court.restoration-order, period set by the judgment)', () => {
    const judgment = (restorationDueDate?: string) =>
      ev(
        'court.judgment-rendered',
        {
          courtCaseId: ID,
          summary: '判处罚金并责令修复',
          ...(restorationDueDate ? { restorationOrder: '补植复绿 2 公顷', restorationDueDate } : {}),
        },
        COURT,
      );
    const judged = (h: Harness<CourtModel>, due?: string) => {
      const j = judgment(due);
      // the judgment's civil day (Beijing) is fixed for the period: 2026-12-07 08:00 +08:00
      (j as { occurredAt: string }).occurredAt = '2026-12-07T00:00:00.000Z';
      h.when(j);
      return j;
    };

    it('days from the judgment day (Beijing) to the last day it names; none when not after it', () => {
      expect(restorationDays('2026-12-07T00:00:00.000Z', '2027-03-31')).toBe(114);
      expect(restorationDays('2026-12-06T17:00:00.000Z', '2026-12-08')).toBe(1); // 01:00 on 12-07 in Beijing
      expect(restorationDays('2026-12-07T00:00:00.000Z', '2026-12-07')).toBeNull();
    });

    it('the judgment opens the step owed by the defendant (a party), followed by the plaintiff; the case stays open', () => {
      const h = courtCase('pil', 'civil', 'civil').given(received(), docketed());
      const j = judged(h, '2027-03-31');
      expect(h.actions.at(-1)).toEqual({
        kind: 'open',
        ruleId: R.restorationOrder,
        role: 'procuratorate',
        owner: { kind: 'party', role: 'liable-party', name: '被告 defendant' },
        from: j.occurredAt,
        casePeriod: { unit: 'days', amount: 114 },
      });
      expect(h.model).toMatchObject({ phase: 'restoring', outcome: null });
      expect(courtDecider.isFinished(h.model)).toBe(false);
    });

    it('not completed keeps it open; completed closes it and ends the case', () => {
      const h = courtCase('prosecution', 'criminal').given(received(), docketed());
      judged(h, '2027-03-31');
      const before = h.actions.length;
      h.when(ev('court.restoration-verified', { courtCaseId: ID, outcome: 'not-completed' }, COURT));
      expect(h.actions.length).toBe(before);
      expect(h.model.phase).toBe('restoring');
      const done = ev('court.restoration-verified', { courtCaseId: ID, outcome: 'completed' }, COURT);
      h.when(done);
      expect(h.actions.at(-1)).toEqual({ kind: 'close', ruleId: R.restorationOrder, at: done.occurredAt });
      expect(h.model).toMatchObject({ phase: 'judged', outcome: 'judged' });
    });

    it('a judgment without a restoration order, or recorded before the change (unpatched), ends the case', () => {
      const plain = courtCase('pil', 'civil', 'civil').given(received(), docketed());
      judged(plain);
      expect(plain.model.outcome).toBe('judged');
      const old = courtCase('pil', 'civil', 'civil').given(received(), docketed());
      old.unpatched.add(CourtPatches.restorationStep);
      judged(old, '2027-03-31');
      expect(old.model.outcome).toBe('judged');
      expect(old.actions.some((a) => a.kind === 'open')).toBe(false);
    });

    it('an administrative PIL: the defendant agency (the one the court notified) owes it, not the plaintiff', () => {
      const h = courtCase('pil', 'administrative', 'administrative').given(
        received(),
        docketed(),
        ev('court.agency-notified', { courtCaseId: ID, agencyId: 'enforcement:210300' }, COURT),
      );
      judged(h, '2027-03-31');
      expect(h.actions.at(-1)).toMatchObject({
        kind: 'open',
        ruleId: R.restorationOrder,
        owner: { kind: 'agency', agencyId: 'enforcement:210300' },
      });
    });

    it('a criminal case: the defendant owes it as a party, never an agency; before the change an unnamed liable party', () => {
      const h = courtCase('prosecution', 'criminal').given(received(), docketed());
      judged(h, '2027-03-31');
      expect(h.actions.at(-1)).toMatchObject({
        owner: { kind: 'party', role: 'liable-party', name: '被告 defendant' },
      });
      const old = courtCase('pil', 'administrative', 'administrative').given(
        received(),
        docketed(),
        ev('court.agency-notified', { courtCaseId: ID, agencyId: 'enforcement:210300' }, COURT),
      );
      old.unpatched.add(CourtPatches.restorationOwedByDefendant);
      judged(old, '2027-03-31');
      expect(old.actions.at(-1)).toMatchObject({ owner: { kind: 'party', role: 'liable-party' } });
      expect((old.actions.at(-1) as { owner: { name?: string } }).owner.name).toBeUndefined();
    });
  });
});

import { DomainError } from '@casebridge/contracts';
import { judgeAct } from '@casebridge/flows';
import { assertRestorationTerms } from './commands/render-judgment/render-judgment.handler';
import { chinaToday } from './china-day';
import {
  assertAnnouncementRun,
  assertExtension,
  assertHearingInWindow,
  assertHearingNoticeInTime,
} from './court-clock';
import {
  assertActFits,
  assertCompletionReported,
  assertHearingHeld,
  assertOnce,
  assertProgressNotBackwards,
  COURT_ACT_RULES,
  CourtErrorCodes,
  restorationAfter,
  repeatsScheduledHearing,
  restorationOverdue,
  type CaseKind,
} from './court-case.machine';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
};

const criminal: CaseKind = { source: 'prosecution', track: 'criminal', pilKind: null };
const civilPil: CaseKind = { source: 'pil', track: 'civil', pilKind: 'civil' };
const adminPil: CaseKind = { source: 'pil', track: 'administrative', pilKind: 'administrative' };
const confirmation: CaseKind = { source: 'edc-confirmation', track: 'civil', pilKind: null };

describe('court case rules', () => {
  it('acts by phase: docket only while received, twice is ALREADY_DONE, a closed case refuses', () => {
    expect(judgeAct(COURT_ACT_RULES, 'docket', { phase: 'received' })).toBe('allowed');
    expect(judgeAct(COURT_ACT_RULES, 'docket', { phase: 'docketed', previousPhase: 'received' })).toBe('already-done');
    expect(judgeAct(COURT_ACT_RULES, 'render-judgment', { phase: 'received' })).toBe('out-of-order');
    expect(judgeAct(COURT_ACT_RULES, 'schedule-hearing', { phase: 'settled', previousPhase: 'docketed' })).toBe(
      'closed',
    );
    expect(judgeAct(COURT_ACT_RULES, 'report-restoration', { phase: 'judged' })).toBe('allowed');
  });

  it.each([
    ['serve-complaint', civilPil, undefined],
    ['serve-complaint', adminPil, CourtErrorCodes.notApplicable],
    ['serve-complaint', criminal, CourtErrorCodes.notApplicable],
    ['notify-agency', adminPil, undefined],
    ['notify-agency', criminal, CourtErrorCodes.notApplicable],
    ['announce-co-plaintiffs', civilPil, undefined],
    ['announce-co-plaintiffs', criminal, CourtErrorCodes.notApplicable],
    ['announce-settlement', criminal, CourtErrorCodes.notApplicable],
    ['announce-settlement', adminPil, CourtErrorCodes.notApplicable], // administrative cases are not mediated
    ['announce-settlement', civilPil, undefined],
    ['docket', confirmation, CourtErrorCodes.notApplicable],
    ['announce-confirmation', confirmation, undefined],
    ['announce-confirmation', civilPil, CourtErrorCodes.notApplicable],
  ] as const)('%s on %j → %s', (act, kind, expected) => {
    expect(code(() => assertActFits(kind, act))).toBe(expected);
  });

  it('once-only acts refuse a second time', () => {
    expect(code(() => assertOnce(null, 'serve-complaint'))).toBeUndefined();
    expect(code(() => assertOnce(new Date(), 'serve-complaint'))).toBe(CourtErrorCodes.alreadyDone);
  });

  it('restoration: reports move it in progress, verification completes it, nothing after; none ordered refuses', () => {
    expect(restorationAfter('ordered', { kind: 'report' })).toBe('in-progress');
    expect(restorationAfter('in-progress', { kind: 'verify', outcome: 'not-completed' })).toBe('in-progress');
    expect(restorationAfter('in-progress', { kind: 'verify', outcome: 'completed' })).toBe('completed');
    expect(code(() => restorationAfter('completed', { kind: 'report' }))).toBe(CourtErrorCodes.alreadyDone);
    expect(code(() => restorationAfter('none', { kind: 'report' }))).toBe(CourtErrorCodes.noRestoration);
  });

  it('restoration progress only grows: a lower percentage than the last report is refused', () => {
    const records = [
      { kind: 'report', percentDone: 40 },
      { kind: 'verification' },
      { kind: 'report', percentDone: 60 },
      { kind: 'verification' },
    ];
    expect(code(() => assertProgressNotBackwards([], 0))).toBeUndefined();
    expect(code(() => assertProgressNotBackwards(records, 60))).toBeUndefined();
    expect(code(() => assertProgressNotBackwards(records, 100))).toBeUndefined();
    expect(code(() => assertProgressNotBackwards(records, 59))).toBe(CourtErrorCodes.restorationProgressBackwards);
    expect(code(() => assertProgressNotBackwards(records, 40))).toBe(CourtErrorCodes.restorationProgressBackwards);
  });

  it('restoration is overdue after its due date until verified completed', () => {
    expect(restorationOverdue('in-progress', '2027-06-30', '2027-07-01')).toBe(true);
    expect(restorationOverdue('in-progress', '2027-06-30', '2027-06-30')).toBe(false);
    expect(restorationOverdue('completed', '2027-06-30', '2027-07-01')).toBe(false);
    expect(restorationOverdue('none', null, '2027-07-01')).toBe(false);
  });

  it('a restoration order comes with a due date after today, and a due date with an order', () => {
    const today = '2026-12-06';
    expect(code(() => assertRestorationTerms({ summary: 's' }, today))).toBeUndefined();
    expect(
      code(() =>
        assertRestorationTerms({ summary: 's', restorationOrder: 'o', restorationDueDate: '2056-12-06' }, today),
      ),
    ).toBeUndefined();
    for (const bad of [
      { restorationOrder: 'o' },
      { restorationDueDate: '2027-06-30' },
      { restorationOrder: 'o', restorationDueDate: '2026-12-06' },
      { restorationOrder: 'o', restorationDueDate: '2026-11-30' },
      { restorationOrder: 'o', restorationDueDate: '2056-12-07' },
      { restorationOrder: 'o', restorationDueDate: '9999-12-31' },
    ])
      expect(code(() => assertRestorationTerms({ summary: 's', ...bad }, today))).toBe(
        CourtErrorCodes.restorationInvalid,
      );
  });

  it('China day: 23:30 UTC is already the next day in Shenyang', () => {
    expect(chinaToday(new Date('2026-12-06T16:30:00Z'))).toBe('2026-12-07');
    expect(chinaToday(new Date('2026-12-06T15:30:00Z'))).toBe('2026-12-06');
  });

  it('a hearing notice is served at least 3 days before the hearing (court.hearing-notice)', () => {
    const now = new Date('2026-12-07T10:00:00+08:00');
    expect(assertHearingNoticeInTime(new Date('2026-12-20T09:00:00+08:00'), now)).toMatch(/^2026-12-1/);
    expect(code(() => assertHearingNoticeInTime(new Date('2026-12-09T09:00:00+08:00'), now))).toBe(
      CourtErrorCodes.hearingTooSoon,
    );
  });

  it('approval or confirmation only once the ≥ 30-day announcement has run', () => {
    const announced = new Date('2026-12-07T10:00:00+08:00');
    expect(
      code(() =>
        assertAnnouncementRun('court.settlement-announcement', announced, new Date('2026-12-20T10:00:00+08:00')),
      ),
    ).toBe(CourtErrorCodes.announcementRunning);
    expect(
      code(() =>
        assertAnnouncementRun('edc.confirmation-announcement', announced, new Date('2027-01-20T10:00:00+08:00')),
      ),
    ).toBeUndefined();
  });

  it('extensions: only approved variants fitting the procedure', () => {
    expect(code(() => assertExtension('court.trial-civil', 'extended', 'ordinary'))).toBeUndefined();
    expect(code(() => assertExtension('court.trial-civil', 'simplified-extended', 'simplified'))).toBeUndefined();
    expect(code(() => assertExtension('court.trial-civil', 'simplified-extended', 'ordinary'))).toBe(
      CourtErrorCodes.variantNotApproved,
    );
    expect(code(() => assertExtension('court.trial-civil', 'simplified', 'simplified'))).toBe(
      CourtErrorCodes.variantNotApproved,
    );
    expect(code(() => assertExtension('court.trial-criminal', 'extended', 'ordinary'))).toBeUndefined();
    expect(code(() => assertExtension('court.trial-administrative', 'extended', 'ordinary'))).toBe(
      CourtErrorCodes.variantNotApproved,
    );
  });

  it('a hearing lies after docketing and within the outer limit of the trial period (a late case: 30 days ahead)', () => {
    const docketed = new Date('2026-12-07T10:00:00+08:00');
    const now = new Date('2026-12-08T10:00:00+08:00');
    const at = (iso: string) => code(() => assertHearingInWindow('civil', new Date(iso), docketed, now));
    expect(at('2026-12-20T09:00:00+08:00')).toBeUndefined();
    // civil: 12 months with the president's approval (CivPL art 152) — the last day is 2027-12-07
    expect(at('2027-12-07T09:00:00+08:00')).toBeUndefined();
    expect(at('2027-12-09T09:00:00+08:00')).toBe(CourtErrorCodes.hearingOutOfRange);
    expect(at('9999-01-01T09:00:00+08:00')).toBe(CourtErrorCodes.hearingOutOfRange);
    // before docketing, however far back (no engine error on a year before 1900)
    expect(at('2026-12-01T09:00:00+08:00')).toBe(CourtErrorCodes.hearingOutOfRange);
    expect(at('0001-01-01T09:00:00+08:00')).toBe(CourtErrorCodes.hearingOutOfRange);
    // criminal: 6 months at most (CPL art 208)
    expect(code(() => assertHearingInWindow('criminal', new Date('2027-07-01T09:00:00+08:00'), docketed, now))).toBe(
      CourtErrorCodes.hearingOutOfRange,
    );
    // an administrative case past its 6 months is still heard, within 30 days of today
    const late = new Date('2027-08-01T10:00:00+08:00');
    expect(
      code(() => assertHearingInWindow('administrative', new Date('2027-08-20T09:00:00+08:00'), docketed, late)),
    ).toBeUndefined();
    expect(
      code(() => assertHearingInWindow('administrative', new Date('2027-09-20T09:00:00+08:00'), docketed, late)),
    ).toBe(CourtErrorCodes.hearingOutOfRange);
  });

  it('the same hearing requested again repeats it (not held yet); another instant, or a held one, does not', () => {
    const at = new Date('2026-12-20T09:00:00+08:00');
    const now = new Date('2026-12-08T10:00:00+08:00');
    expect(repeatsScheduledHearing(at, new Date('2026-12-20T01:00:00Z'), now)).toBe(true);
    expect(repeatsScheduledHearing(at, new Date('2026-12-21T09:00:00+08:00'), now)).toBe(false);
    expect(repeatsScheduledHearing(null, at, now)).toBe(false);
    expect(repeatsScheduledHearing(at, at, new Date('2026-12-21T09:00:00+08:00'))).toBe(false);
  });

  it('a judgment only after a hearing took place', () => {
    const now = new Date('2026-12-20T10:00:00+08:00');
    expect(code(() => assertHearingHeld(null, now))).toBe(CourtErrorCodes.noHearingHeld);
    expect(code(() => assertHearingHeld(new Date('2026-12-21T09:00:00+08:00'), now))).toBe(
      CourtErrorCodes.noHearingHeld,
    );
    expect(code(() => assertHearingHeld(new Date('2026-12-20T09:00:00+08:00'), now))).toBeUndefined();
  });

  it('restoration verified completed only after a report of 100% (not completed at any point)', () => {
    const report = (percentDone: number) => ({ kind: 'report', percentDone });
    expect(code(() => assertCompletionReported([], 'completed'))).toBe(CourtErrorCodes.restorationNotFullyReported);
    expect(code(() => assertCompletionReported([report(10)], 'completed'))).toBe(
      CourtErrorCodes.restorationNotFullyReported,
    );
    expect(code(() => assertCompletionReported([report(10)], 'not-completed'))).toBeUndefined();
    expect(
      code(() => assertCompletionReported([report(60), { kind: 'verification' }, report(100)], 'completed')),
    ).toBeUndefined();
  });
});

import { isTrialEvent, trialEntryText, trialViews, type TrialEvent, type TrialView } from './trial.views';

const COURT = 'court:210100';
const courtCaseId = '0197a1c2-0000-7000-8000-000000000001';
const sourceId = '0197a1c2-0000-7000-8000-000000000002';
let t = Date.parse('2026-12-01T02:00:00Z');
const ev = <E extends TrialEvent>(type: E['type'], payload: E['payload'], at?: number): E =>
  ({
    type,
    occurredAt: new Date(at ?? (t += 3_600_000)).toISOString(),
    producer: { agencyId: COURT },
    payload,
  }) as E;
const fold = (v: TrialView, ...es: TrialEvent[]) => es.reduce(trialViews.evolve, v);

describe('trial view (the court’s events as the side that brought the case sees them)', () => {
  const received = ev<Extract<TrialEvent, { type: 'court.case-received' }>>('court.case-received', {
    courtCaseId,
    source: 'prosecution',
    sourceId,
    track: 'criminal',
    plaintiffAgencyId: 'procuratorate:210100',
  });
  const opened = trialViews.open(received);

  it('opens at the court that holds the case, received', () => {
    expect(opened).toMatchObject({
      courtCaseId,
      courtAgencyId: COURT,
      sourceId,
      phase: 'received',
      docketNumber: null,
    });
  });

  it('follows docketing, the hearing, the judgment and the restoration order to completion', () => {
    const v = fold(
      opened,
      ev('court.case-docketed', {
        courtCaseId,
        docketNumber: '(2026)辽01刑初1号',
        track: 'criminal',
        procedure: 'ordinary',
        sourceId,
      }),
      ev('court.hearing-scheduled', { courtCaseId, hearingAt: '2026-12-20T01:00:00.000Z' }),
      ev('court.judgment-rendered', {
        courtCaseId,
        summary: '判处罚金',
        restorationOrder: '补植复绿',
        restorationDueDate: '2027-06-30',
      }),
      ev('court.restoration-reported', { courtCaseId, progress: '过半', percentDone: 60 }),
      ev('court.restoration-verified', { courtCaseId, outcome: 'not-completed', note: '未完成' }),
      ev('court.restoration-verified', { courtCaseId, outcome: 'completed', note: '验收合格' }),
    );
    expect(v).toMatchObject({
      phase: 'judged',
      docketNumber: '(2026)辽01刑初1号',
      hearingAt: '2026-12-20T01:00:00.000Z',
      judgmentSummary: '判处罚金',
      restoration: { order: '补植复绿', dueDate: '2027-06-30', percentDone: 60, status: 'completed' },
    });
    expect(v.restoration!.completedAt).not.toBeNull();
  });

  it('a PIL: the agency notified and the complaint served are recorded whatever the phase; not accepted ends it', () => {
    const v = fold(
      opened,
      ev('court.agency-notified', {
        courtCaseId,
        agencyId: 'enforcement:210100',
        noticeNumber: 'n1',
        summary: 's',
        docketNumber: 'd',
      }),
      ev('court.complaint-served', { courtCaseId, servedOn: '某公司' }),
    );
    expect(v.notifiedAgencyId).toBe('enforcement:210100');
    expect(v.complaintServedAt).not.toBeNull();
    const refused = fold(opened, ev('court.case-not-accepted', { courtCaseId, sourceId, reasons: '不属于本院管辖' }));
    expect(refused).toMatchObject({ phase: 'not-accepted', notAcceptedReasons: '不属于本院管辖' });
  });

  it('the later act wins: a docketing learnt after the judgment does not move the view back', () => {
    const judged = fold(
      opened,
      ev('court.case-docketed', { courtCaseId, docketNumber: 'd', track: 'criminal', procedure: 'ordinary', sourceId }),
      ev('court.judgment-rendered', { courtCaseId, summary: 's' }),
    );
    const late = fold(
      judged,
      ev(
        'court.hearing-scheduled',
        { courtCaseId, hearingAt: '2026-12-20T01:00:00.000Z' },
        Date.parse('2026-12-01T02:30:00Z'),
      ),
    );
    expect(late.phase).toBe('judged');
    expect(late.restoration).toBeNull();
  });

  it('narrows court events and says each in a sentence', () => {
    expect(isTrialEvent(received)).toBe(true);
    expect(isTrialEvent({ ...received, type: 'court.trial-extended' })).toBe(false);
    expect(trialEntryText(received, COURT)).toContain('court.docket');
  });
});

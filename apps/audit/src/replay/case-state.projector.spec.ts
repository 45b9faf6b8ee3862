import { eventRegistry } from '@casebridge/contracts';
import { FLOW_EVENT_TYPES } from '@casebridge/flows';
import { CASE_A, ev } from '../testing/ledger-fixtures';
import { HANDLERS, projectCaseState, type CaseStateView, type ProjectedEvent } from './case-state.projector';

const ENF = 'enforcement:210100';
const POL = 'police:210100';
const POL2 = 'police:210200';
const PRO = 'procuratorate:210100';
const T = 'aaaaaaaa-0000-4000-8000-000000000001';
const CASE = 'cccccccc-0000-4000-8000-000000000001';
const SUP = 'eeeeeeee-0000-4000-8000-000000000001';

/** minute m of 2026-11-20 (UTC) */
const at = (m: number, s = 0) => new Date(Date.UTC(2026, 10, 20, 2, m, s)).toISOString();

function transferStart(): ProjectedEvent[] {
  return [
    ev(
      1,
      'case.registered',
      {
        caseId: CASE,
        caseNumber: '辽沈环罚〔2026〕1号',
        region: '210100',
        party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
        violation: '暗管排放',
        discoveredAt: at(0),
      },
      { at: at(0), officer: 'enf-zhang' },
    ),
    ev(
      2,
      'evidence.attached',
      {
        caseId: CASE,
        evidenceId: 'ev-1',
        kind: 'monitoring-report',
        fileName: '监测报告.pdf',
        sha256: 'a'.repeat(64),
        sizeBytes: 1,
        custody: [],
      },
      { at: at(1) },
    ),
    ev(
      3,
      'transfer.crime-suspected',
      { transferId: T, caseId: CASE, thresholdFacts: ['t3'], facts: '超标' },
      { at: at(2) },
    ),
    ev(
      4,
      'transfer.team-reported',
      { transferId: T, caseId: CASE, teamOfficerIds: ['a', 'b'], thresholdFacts: ['t3'], summary: 's' },
      { at: at(3) },
    ),
    ev(5, 'transfer.head-decided', { transferId: T, decision: 'approved' }, { at: at(4) }),
    ev(
      6,
      'transfer.sent',
      {
        transferId: T,
        caseId: CASE,
        caseNumber: 'n',
        fromAgencyId: ENF,
        toAgencyId: POL,
        copyToAgencyId: PRO,
        party: { name: 'x', creditCode: '91210100MA0Y6J5X2U' },
        summary: 's',
        thresholdFacts: ['t3'],
        materials: [{ kind: 'transfer-letter', title: 't' }],
      },
      { at: at(5) },
    ),
    ev(
      7,
      'penalty.clock-changed',
      { caseId: CASE, state: 'suspended', reason: 'the case is with the police (E17 art 16)' },
      { at: at(5), officer: 'system:penalty-clock' },
    ),
  ];
}

const views = (s: CaseStateView) => ({
  enforcement: s.enforcement.transfers.find((t) => t.transferId === T)?.phase ?? null,
  police:
    s.police.transfers
      .filter((t) => t.transferId === T)
      .map((t) => `${t.agencyId}=${t.phase}`)
      .join(',') || null,
  procuratorate: s.procuratorate.transferCopies.find((c) => c.transferId === T)?.status ?? null,
});

describe('case-state projector', () => {
  it('knows every event type of the contracts: a registered flow folds it, the projector does, or it is an act of the case', () => {
    const types = [...new Set(eventRegistry.definitions().map((d) => d.type))];
    const acts = types.filter((t) => !HANDLERS[t] && !FLOW_EVENT_TYPES.has(t));
    const s = projectCaseState(
      CASE_A,
      acts.map((t, i) => ev(i + 1, t, { n: i }, { at: at(i) })),
      at(59),
    );
    expect(s.unhandledTypes).toEqual([]);
    expect(s.otherActs.map((a) => a.type)).toEqual(acts);
    expect(FLOW_EVENT_TYPES.has('filing-supervision.explained')).toBe(true);
  });

  describe('filed path: given the events, then each agency’s view as of each instant', () => {
    const events = [
      ...transferStart(),
      ev(
        8,
        'transfer.receipt-signed',
        { transferId: T, receiptNumber: 'R-1' },
        { by: POL, at: at(10), officer: 'pol-wang' },
      ),
      ev(
        9,
        'transfer.filing-decided',
        { transferId: T, outcome: 'filed', policeCaseNumber: 'P-7' },
        { by: POL, at: at(20) },
      ),
      ev(
        10,
        'transfer.items-handed-over',
        { transferId: T, items: [{ kind: 'seized-items-list', title: 'l' }] },
        { at: at(30) },
      ),
    ];
    it.each<[string, string, ReturnType<typeof views>]>([
      ['before anything', at(0, -1), { enforcement: null, police: null, procuratorate: null }],
      ['case registered', at(1, 30), { enforcement: null, police: null, procuratorate: null }],
      ['crime suspected', at(2), { enforcement: 'suspected', police: null, procuratorate: null }],
      ['head approved', at(4, 59), { enforcement: 'approved', police: null, procuratorate: null }],
      ['sent', at(5), { enforcement: 'sent', police: `${POL}=awaiting-receipt`, procuratorate: 'sent' }],
      ['receipt signed', at(15), { enforcement: 'received', police: `${POL}=received`, procuratorate: 'received' }],
      ['filed', at(25), { enforcement: 'filed', police: `${POL}=filed`, procuratorate: 'filed' }],
      [
        'items handed over',
        at(59),
        { enforcement: 'items-handed-over', police: `${POL}=filed`, procuratorate: 'items-handed-over' },
      ],
    ])('%s (%s)', (_what, asOf, expected) => {
      expect(views(projectCaseState(CASE_A, events, asOf))).toEqual(expected);
    });

    it('counts what was applied and what was recorded later, and keeps the case facts', () => {
      const s = projectCaseState(CASE_A, events, at(15));
      expect(s).toMatchObject({
        exists: true,
        eventsApplied: 8,
        eventsRecordedLater: 2,
        lastApplied: { caseSeq: 8, type: 'transfer.receipt-signed' },
      });
      expect(s.case).toMatchObject({
        caseId: CASE,
        enforcementAgencyId: ENF,
        registeredBy: 'enf-zhang',
        evidence: [expect.objectContaining({ evidenceId: 'ev-1' })],
      });
      expect(s.police.transfers[0]).toMatchObject({ receiptNumber: 'R-1', fromAgencyId: ENF, since: at(10) });
      expect(projectCaseState(CASE_A, events, at(0, -1))).toMatchObject({
        exists: false,
        eventsApplied: 0,
        case: null,
        lastApplied: null,
      });
    });

    it('the penalty clock is suspended while the case is with the police (E17 art 16), computed as of asOf', () => {
      const before = projectCaseState(CASE_A, events, at(4)).enforcement.penaltyClock!;
      expect(before).toMatchObject({ status: 'running', projected: false, suspensions: [] });
      const during = projectCaseState(CASE_A, events, at(15)).enforcement.penaltyClock!;
      expect(during).toMatchObject({ status: 'suspended', projected: true, suspensions: [{ from: at(5), to: null }] });
      expect(during.msLeft).toBeGreaterThan(80 * 86_400_000);
    });
  });

  it('uses recorded time: an act that occurred before asOf but was recorded after it is not yet in the state', () => {
    const events = [
      ...transferStart(),
      ev(
        8,
        'transfer.receipt-signed',
        { transferId: T, receiptNumber: 'R-1' },
        { by: POL, at: at(10), recordedAt: at(40) },
      ),
    ];
    expect(views(projectCaseState(CASE_A, events, at(20)))).toEqual({
      enforcement: 'sent',
      police: `${POL}=awaiting-receipt`,
      procuratorate: 'sent',
    });
    expect(views(projectCaseState(CASE_A, events, at(40)))).toEqual({
      enforcement: 'received',
      police: `${POL}=received`,
      procuratorate: 'received',
    });
  });

  it.each<[string, ProjectedEvent[], ReturnType<typeof views> & { supervision?: string; policeSupervision?: string }]>([
    [
      'not filed',
      [
        ev(8, 'transfer.receipt-signed', { transferId: T, receiptNumber: 'R' }, { by: POL, at: at(10) }),
        ev(
          9,
          'transfer.filing-decided',
          { transferId: T, outcome: 'not-filed', reasons: 'r' },
          { by: POL, at: at(11) },
        ),
      ],
      { enforcement: 'not-filed', police: `${POL}=not-filed`, procuratorate: 'not-filed' },
    ],
    [
      'reconsideration requested',
      [
        ev(8, 'transfer.receipt-signed', { transferId: T, receiptNumber: 'R' }, { by: POL, at: at(10) }),
        ev(
          9,
          'transfer.filing-decided',
          { transferId: T, outcome: 'not-filed', reasons: 'r' },
          { by: POL, at: at(11) },
        ),
        ev(10, 'transfer.reconsideration-requested', { transferId: T, reasons: 'r' }, { at: at(12) }),
      ],
      {
        enforcement: 'reconsideration-requested',
        police: `${POL}=reconsidering`,
        procuratorate: 'reconsideration-requested',
      },
    ],
    [
      'upheld, supervision requested, opened, explained, notice, filed after notice',
      [
        ev(8, 'transfer.receipt-signed', { transferId: T, receiptNumber: 'R' }, { by: POL, at: at(10) }),
        ev(
          9,
          'transfer.filing-decided',
          { transferId: T, outcome: 'not-filed', reasons: 'r' },
          { by: POL, at: at(11) },
        ),
        ev(10, 'transfer.reconsideration-requested', { transferId: T, reasons: 'r' }, { at: at(12) }),
        ev(
          11,
          'transfer.reconsideration-decided',
          { transferId: T, outcome: 'upheld', reasons: 'r' },
          { by: POL, at: at(13) },
        ),
        ev(
          12,
          'filing-supervision.requested',
          { transferId: T, procuratorateAgencyId: PRO, ground: 'upheld-on-reconsideration', reasons: 'r' },
          { at: at(14) },
        ),
        ev(
          13,
          'filing-supervision.opened',
          {
            supervisionId: SUP,
            transferId: T,
            policeAgencyId: POL,
            enforcementAgencyId: ENF,
            ground: 'upheld-on-reconsideration',
          },
          { by: PRO, at: at(15) },
        ),
        ev(
          14,
          'filing-supervision.explanation-required',
          { supervisionId: SUP, transferId: T, question: 'q' },
          { by: PRO, at: at(16) },
        ),
        ev(
          15,
          'filing-supervision.explained',
          { supervisionId: SUP, transferId: T, reasons: 'r' },
          { by: POL, at: at(17) },
        ),
        ev(
          16,
          'filing-supervision.filing-notice-issued',
          { supervisionId: SUP, transferId: T, noticeNumber: 'N-1' },
          { by: PRO, at: at(18) },
        ),
        ev(
          17,
          'transfer.filing-decided',
          { transferId: T, outcome: 'filed', policeCaseNumber: 'P-9', supervisionId: SUP },
          { by: POL, at: at(19) },
        ),
      ],
      {
        enforcement: 'filed',
        police: `${POL}=filed`,
        procuratorate: 'filed',
        supervision: 'police-filed',
        policeSupervision: 'filed',
      },
    ],
    [
      'reasons accepted',
      [
        ev(8, 'transfer.receipt-signed', { transferId: T, receiptNumber: 'R' }, { by: POL, at: at(10) }),
        ev(
          9,
          'transfer.filing-decided',
          { transferId: T, outcome: 'not-filed', reasons: 'r' },
          { by: POL, at: at(11) },
        ),
        ev(
          10,
          'filing-supervision.requested',
          { transferId: T, procuratorateAgencyId: PRO, ground: 'not-filed', reasons: 'r' },
          { at: at(12) },
        ),
        ev(
          11,
          'filing-supervision.opened',
          { supervisionId: SUP, transferId: T, policeAgencyId: POL, enforcementAgencyId: ENF, ground: 'not-filed' },
          { by: PRO, at: at(13) },
        ),
        ev(
          12,
          'filing-supervision.explanation-required',
          { supervisionId: SUP, transferId: T, question: 'q' },
          { by: PRO, at: at(14) },
        ),
        ev(
          13,
          'filing-supervision.explained',
          { supervisionId: SUP, transferId: T, reasons: 'r' },
          { by: POL, at: at(15) },
        ),
        ev(
          14,
          'filing-supervision.reasons-accepted',
          { supervisionId: SUP, transferId: T, note: 'n' },
          { by: PRO, at: at(16) },
        ),
      ],
      {
        enforcement: 'non-filing-final',
        police: `${POL}=not-filed`,
        procuratorate: 'not-filed',
        supervision: 'reasons-accepted',
        policeSupervision: 'closed',
      },
    ],
    [
      'materials requested then supplemented',
      [
        ev(8, 'transfer.receipt-signed', { transferId: T, receiptNumber: 'R' }, { by: POL, at: at(10) }),
        ev(
          9,
          'transfer.materials-requested',
          { transferId: T, missing: ['inspection-record'], note: 'n' },
          { by: POL, at: at(11) },
        ),
        ev(
          10,
          'transfer.materials-supplemented',
          { transferId: T, items: [{ kind: 'inspection-record', title: 't' }] },
          { at: at(12) },
        ),
      ],
      { enforcement: 'received', police: `${POL}=received`, procuratorate: 'received' },
    ],
    [
      'materials requested, supplemented with another kind (try-findings #6): still requested everywhere',
      [
        ev(8, 'transfer.receipt-signed', { transferId: T, receiptNumber: 'R' }, { by: POL, at: at(10) }),
        ev(
          9,
          'transfer.materials-requested',
          { transferId: T, missing: ['monitoring-report'], note: 'n' },
          { by: POL, at: at(11) },
        ),
        ev(
          10,
          'transfer.materials-supplemented',
          { transferId: T, items: [{ kind: 'other', title: '补充说明' }] },
          { at: at(12) },
        ),
      ],
      {
        enforcement: 'materials-requested',
        police: `${POL}=materials-requested`,
        procuratorate: 'materials-requested',
      },
    ],
    [
      'forwarded to the competent office',
      [
        ev(
          8,
          'transfer.forwarded',
          { transferId: T, mode: 'forwarded', toAgencyId: POL2, reasons: 'r' },
          { by: POL, at: at(10) },
        ),
      ],
      { enforcement: 'sent', police: `${POL}=forwarded,${POL2}=awaiting-receipt`, procuratorate: 'sent' },
    ],
    [
      'forwarded, then received by the new office',
      [
        ev(
          8,
          'transfer.forwarded',
          { transferId: T, mode: 'forwarded', toAgencyId: POL2, reasons: 'r' },
          { by: POL, at: at(10) },
        ),
        ev(9, 'transfer.receipt-signed', { transferId: T, receiptNumber: 'D-5' }, { by: POL2, at: at(11) }),
      ],
      { enforcement: 'received', police: `${POL}=forwarded,${POL2}=received`, procuratorate: 'received' },
    ],
    [
      'returned as not competent',
      [ev(8, 'transfer.forwarded', { transferId: T, mode: 'returned', reasons: 'r' }, { by: POL, at: at(10) })],
      { enforcement: 'returned-not-competent', police: `${POL}=returned`, procuratorate: 'returned-not-competent' },
    ],
    [
      'returned for an administrative penalty',
      [
        ev(8, 'transfer.receipt-signed', { transferId: T, receiptNumber: 'R' }, { by: POL, at: at(10) }),
        ev(
          9,
          'transfer.filing-decided',
          { transferId: T, outcome: 'returned-for-penalty', reasons: 'r' },
          { by: POL, at: at(11) },
        ),
        ev(10, 'penalty.clock-changed', { caseId: CASE, state: 'running', reason: 'back' }, { at: at(11) }),
      ],
      {
        enforcement: 'returned-for-penalty',
        police: `${POL}=returned-for-penalty`,
        procuratorate: 'returned-for-penalty',
      },
    ],
  ])('%s', (_what, more, expected) => {
    const s = projectCaseState(CASE_A, [...transferStart(), ...more], at(59));
    const { supervision, policeSupervision, ...phases } = expected;
    expect(views(s)).toEqual(phases);
    if (supervision) expect(s.procuratorate.filingSupervisions[0]?.phase).toBe(supervision);
    if (policeSupervision) expect(s.police.supervisions[0]?.phase).toBe(policeSupervision);
  });

  it('returned for penalty: the clock runs again, with the suspension closed', () => {
    const s = projectCaseState(
      CASE_A,
      [
        ...transferStart(),
        ev(
          8,
          'transfer.filing-decided',
          { transferId: T, outcome: 'returned-for-penalty', reasons: 'r' },
          { by: POL, at: at(11) },
        ),
        ev(9, 'penalty.clock-changed', { caseId: CASE, state: 'running', reason: 'back' }, { at: at(11) }),
      ],
      at(59),
    );
    expect(s.enforcement.penaltyClock).toMatchObject({
      status: 'running',
      projected: false,
      suspensions: [{ from: at(5), to: at(11) }],
    });
  });

  it('a procuratorial opinion opens the transfer on the enforcement side (opinion-received), then sent', () => {
    const opinion = ev(
      3,
      'transfer.procuratorate-opinion',
      { transferId: T, caseId: CASE, enforcementAgencyId: ENF, reasons: 'r' },
      { by: PRO, at: at(2) },
    );
    const events = [transferStart()[0]!, opinion];
    expect(views(projectCaseState(CASE_A, events, at(3))).enforcement).toBe('opinion-received');
    const s = projectCaseState(CASE_A, [...events, { ...transferStart()[5]!, caseSeq: 4 }], at(9));
    expect(views(s)).toEqual({ enforcement: 'sent', police: `${POL}=awaiting-receipt`, procuratorate: 'sent' });
    expect(s.procuratorate.transferOpinions[0]).toMatchObject({ transferId: T, transferSentAt: at(5) });
  });

  describe('deadlines: which were running at asOf and how much time was left (dueAt − asOf)', () => {
    const step = `${T}/transfer.filing-review`;
    const started = (caseSeq: number, dueAt: string, m: number, variant = 'standard') =>
      ev(
        caseSeq,
        'deadline.started',
        {
          stepId: step,
          subjectId: T,
          ruleId: 'transfer.filing-review',
          variant,
          owingAgencyId: POL,
          startedAt: at(10),
          dueAt,
          lastDay: dueAt.slice(0, 10),
          explain: {},
        },
        { by: 'workflow', kind: 'workflow', at: at(m) },
      );
    const due = '2026-11-23T16:00:00.000Z';
    const events = [
      ...transferStart(),
      started(8, due, 10),
      ev(
        9,
        'deadline.warning',
        { stepId: step, subjectId: T, ruleId: 'transfer.filing-review', owingAgencyId: POL, dueAt: due },
        { by: 'workflow', kind: 'workflow', at: at(20) },
      ),
      started(10, '2026-11-27T16:00:00.000Z', 30, 'verification'), // extended: same step, new due date
      ev(
        11,
        'deadline.closed',
        { stepId: step, subjectId: T, ruleId: 'transfer.filing-review', outcome: 'met' },
        { by: 'workflow', kind: 'workflow', at: at(40) },
      ),
    ];
    it.each<[string, string, { running: string[]; closed: string[]; dueAt?: string; warned?: boolean }]>([
      ['before the step started', at(9), { running: [], closed: [] }],
      ['running', at(15), { running: [step], closed: [], dueAt: due, warned: false }],
      ['warned', at(25), { running: [step], closed: [], dueAt: due, warned: true }],
      ['extended', at(35), { running: [step], closed: [], dueAt: '2026-11-27T16:00:00.000Z', warned: true }],
      ['met', at(45), { running: [], closed: [step] }],
    ])('%s', (_what, asOf, expected) => {
      const s = projectCaseState(CASE_A, events, asOf);
      expect(s.deadlines.running.map((d) => d.stepId)).toEqual(expected.running);
      expect(s.deadlines.closed.map((d) => d.stepId)).toEqual(expected.closed);
      if (expected.dueAt) {
        const d = s.deadlines.running[0]!;
        expect(d).toMatchObject({
          ruleId: 'transfer.filing-review',
          owingAgencyId: POL,
          dueAt: expected.dueAt,
          warned: expected.warned,
        });
        expect(d.msLeft).toBe(Date.parse(expected.dueAt) - Date.parse(asOf));
        expect(d.timeLeft).toMatch(/^\d+d \d+h \d+m left$/);
      }
    });

    it('a missed deadline (v2, upcast from v1 upstream) is listed as missed, overdue, and flags the enforcement view', () => {
      const missed = ev(
        8,
        'deadline.missed',
        {
          stepId: step,
          subjectId: T,
          ruleId: 'transfer.filing-review',
          variant: 'standard',
          owingAgencyId: POL,
          dueAt: due,
        },
        { by: 'workflow', kind: 'workflow', at: '2026-11-23T16:00:01.000Z', version: 2 },
      );
      const s = projectCaseState(CASE_A, [...transferStart(), missed], '2026-11-24T16:00:00.000Z');
      expect(s.deadlines.missed).toEqual([
        expect.objectContaining({
          stepId: step,
          status: 'missed',
          msLeft: -86_400_000,
          timeLeft: 'overdue by 1d 0h 0m',
        }),
      ]);
      expect(s.enforcement.transfers[0]!.filingReviewOverdue).toBe(true);
    });

    it('a suspended clock is listed apart; started again it runs', () => {
      const s1 = projectCaseState(
        CASE_A,
        [
          ...events.slice(0, 8),
          ev(
            9,
            'deadline.closed',
            { stepId: step, subjectId: T, ruleId: 'transfer.filing-review', outcome: 'suspended' },
            { by: 'workflow', kind: 'workflow', at: at(20) },
          ),
        ],
        at(25),
      );
      expect(s1.deadlines).toMatchObject({
        running: [],
        suspended: [expect.objectContaining({ stepId: step, outcome: 'suspended' })],
      });
      const resumed = started(10, '2026-11-25T16:00:00.000Z', 30);
      const s2 = projectCaseState(
        CASE_A,
        [
          ...events.slice(0, 8),
          ev(
            9,
            'deadline.closed',
            { stepId: step, subjectId: T, ruleId: 'transfer.filing-review', outcome: 'suspended' },
            { by: 'workflow', kind: 'workflow', at: at(20) },
          ),
          resumed,
        ],
        at(31),
      );
      expect(s2.deadlines).toMatchObject({
        suspended: [],
        running: [
          expect.objectContaining({
            stepId: step,
            dueAt: '2026-11-25T16:00:00.000Z',
            outcome: null,
            startedAt: at(10),
          }),
        ],
      });
    });

    it('without any deadline event the agencies’ views are still there', () => {
      const s = projectCaseState(CASE_A, transferStart(), at(59));
      expect(s.deadlines).toEqual({ running: [], suspended: [], missed: [], closed: [] });
      expect(views(s)).toEqual({ enforcement: 'sent', police: `${POL}=awaiting-receipt`, procuratorate: 'sent' });
    });
  });

  it('supervision console acts are listed; unknown types are applied to nothing and named', () => {
    const s = projectCaseState(
      CASE_A,
      [
        ...transferStart(),
        ev(
          8,
          'supervision.pressed',
          { stepId: 's', owingAgencyId: POL, message: '请尽快' },
          { by: 'supervision', kind: 'supervision', at: at(20) },
        ),
        ev(9, 'future.thing', {}, { at: at(21) }),
      ],
      at(59),
    );
    expect(s.supervision.acts).toEqual([
      expect.objectContaining({ type: 'supervision.pressed', owingAgencyId: POL, message: '请尽快' }),
    ]);
    expect(s.unhandledTypes).toEqual(['future.thing']);
  });

  it('the flows registered today fold their events into their sections (not otherActs): a prosecution, a notification', () => {
    const P = 'abababab-0000-4000-8000-000000000001';
    const N = 'cdcdcdcd-0000-4000-8000-000000000001';
    const s = projectCaseState(
      CASE_A,
      [
        ...transferStart(),
        ev(
          8,
          'prosecution.transferred',
          {
            prosecutionId: P,
            transferId: T,
            procuratorateAgencyId: PRO,
            policeCaseNumber: 'P-1',
            summary: 's',
            policeAgencyId: POL,
            enforcementAgencyId: ENF,
            caseFile: [],
          },
          { by: POL, at: at(20), version: 2 },
        ),
        ev(
          9,
          'notification.case-notified',
          { notificationId: N, recipients: [POL, PRO], kind: 'development', content: 'c' },
          { by: ENF, at: at(21) },
        ),
        ev(10, 'notification.acknowledged', { notificationId: N }, { by: POL, at: at(22) }),
        ev(
          11,
          'supervision.joint-listed',
          { reviewInterval: 'P1M', reason: 'r', participants: [POL, PRO] },
          { by: 'supervision', kind: 'supervision', at: at(23), version: 2 },
        ),
      ],
      at(59),
    );
    expect(s.otherActs.map((a) => a.type)).not.toEqual(expect.arrayContaining(['prosecution.transferred']));
    expect(s.otherActs.map((a) => a.type)).not.toEqual(expect.arrayContaining(['notification.case-notified']));
    expect(s.police.prosecutions).toEqual([
      expect.objectContaining({ prosecutionId: P, phase: 'under-review', since: at(20), policeAgencyId: POL }),
    ]);
    expect(s.procuratorate.prosecutions).toEqual([
      expect.objectContaining({ prosecutionId: P, phase: 'under-review' }),
    ]);
    expect(s.enforcement.nonProsecutionNotices).toEqual([]);
    expect(s.enforcement.notifications).toEqual([
      expect.objectContaining({ notificationId: N, agencyId: ENF, role: 'sender', phase: 'open' }),
    ]);
    expect(s.police.notifications).toEqual([
      expect.objectContaining({
        notificationId: N,
        agencyId: POL,
        role: 'recipient',
        recipients: [expect.objectContaining({ agencyId: POL, phase: 'acknowledged' }), expect.anything()],
      }),
    ]);
    expect(s.procuratorate.notifications).toEqual([expect.objectContaining({ agencyId: PRO, role: 'recipient' })]);
    expect(s.procuratorate.pilCivilCases).toEqual([]);
    expect(s.enforcement.damageCompensations).toEqual([]);
    expect(s.police.jointSupervisions).toEqual([
      expect.objectContaining({ agencyId: POL, role: 'participant', round: 1, participants: [POL, PRO] }),
    ]);
    expect(s.enforcement.jointSupervisions).toEqual([]);
  });

  it('is pure: the same events give the same state, the input is not changed, events are folded in caseSeq order', () => {
    const events = transferStart();
    const copy = JSON.parse(JSON.stringify(events)) as ProjectedEvent[];
    const a = projectCaseState(CASE_A, events, at(59));
    const b = projectCaseState(CASE_A, [...events].reverse(), at(59));
    expect(b).toEqual(a);
    expect(events).toEqual(copy);
    expect(() => projectCaseState(CASE_A, events, 'not a date')).toThrow(RangeError);
  });
});

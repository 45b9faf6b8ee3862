/**
 * The filing-supervision flow, given / when / then: given the events so far, when one more arrives (in
 * or out of order), then the procuratorate's record and the police matter — the same functions the apps
 * and the audit projector use — and the guard's verdict on each act.
 */
import { judgeAct, mayAct } from '../kit';
import {
  FILING_SUPERVISION_EVENT_TYPES,
  FILING_SUPERVISION_PHASES,
  MATTER_ACT_RULES,
  PROCURATORATE_SUPERVISION_ACTS,
  SUPERVISION_ACT_RULES,
  isFilingSupervisionEvent,
  supervisionIdOf,
  type FilingSupervisionEvent,
  type FilingSupervisionEventPayloads,
  type FilingSupervisionPhase,
  type SupervisionAct,
} from './filing-supervision.flow';
import { filingSupervisionViews, type FilingSupervisionAuditView } from './filing-supervision.views';

const S = '0190c0de-0000-7000-8000-00000000005a';
const OTHER = '0190c0de-0000-7000-8000-00000000005b';
const T = '0190c0de-0000-7000-8000-000000000001';
const POL = 'police:210100';
const PRO = 'procuratorate:210100';
const ENF = 'enforcement:210100';

let clock = Date.parse('2026-03-02T09:00:00+08:00');
function ev<K extends keyof FilingSupervisionEventPayloads>(
  type: K,
  producer: string,
  payload: FilingSupervisionEventPayloads[K],
): FilingSupervisionEvent {
  clock += 60_000;
  return {
    type,
    producer: { agencyId: producer },
    occurredAt: new Date(clock).toISOString(),
    payload,
  } as unknown as FilingSupervisionEvent;
}
const opened = () =>
  ev('filing-supervision.opened', PRO, {
    supervisionId: S,
    transferId: T,
    policeAgencyId: POL,
    enforcementAgencyId: ENF,
    ground: 'not-filed',
  });
const required = () =>
  ev('filing-supervision.explanation-required', PRO, { supervisionId: S, transferId: T, question: 'why?' });
const explained = () => ev('filing-supervision.explained', POL, { supervisionId: S, transferId: T, reasons: 'r' });
const notice = () =>
  ev('filing-supervision.filing-notice-issued', PRO, { supervisionId: S, transferId: T, noticeNumber: 'N-1' });
const filed = (supervisionId = S) =>
  ev('transfer.filing-decided', POL, { transferId: T, outcome: 'filed', policeCaseNumber: 'P-9', supervisionId });
const accepted = () =>
  ev('filing-supervision.reasons-accepted', PRO, { supervisionId: S, transferId: T, note: 'valid' });
const missed = (ruleId: string) =>
  ev('deadline.missed', 'workflow', {
    stepId: `${S}/${ruleId}`,
    subjectId: S,
    ruleId,
    variant: 'standard',
    owingAgencyId: POL,
    dueAt: new Date(clock).toISOString(),
  });

function given(...events: FilingSupervisionEvent[]): FilingSupervisionAuditView {
  return events.reduce((v, e) => filingSupervisionViews.audit.evolve(v, e), filingSupervisionViews.audit.empty);
}

describe('filing-supervision flow: the views', () => {
  it('in order: opened → explanation required → explained → reasons accepted, on both sides', () => {
    const v = given(opened(), required(), explained(), accepted());
    expect(v.procuratorate).toMatchObject({ phase: 'reasons-accepted', question: 'why?', policeReasons: 'r' });
    expect(v.police).toMatchObject({ phase: 'closed', agencyId: POL, procuratorateAgencyId: PRO, question: 'why?' });
  });

  it('notice to file, then the police file with the supervisionId: police-filed / filed', () => {
    const v = given(opened(), notice(), filed());
    expect(v.procuratorate).toMatchObject({ phase: 'police-filed', noticeNumber: 'N-1', policeCaseNumber: 'P-9' });
    expect(v.police).toMatchObject({ phase: 'filed', noticeNumber: 'N-1' });
  });

  it('out of order: the filing learnt before the notice — the later act wins, the notice number is kept', () => {
    const [o, n, f] = [opened(), notice(), filed()];
    const v = given(o, f, n);
    expect(v.procuratorate).toMatchObject({ phase: 'police-filed', phaseAt: f.occurredAt, noticeNumber: 'N-1' });
    expect(v.police).toMatchObject({ phase: 'filed', noticeNumber: 'N-1' });
  });

  it('out of order: reasons learnt after the notice that followed them are kept, the phase stays', () => {
    const [o, r, x, n] = [opened(), required(), explained(), notice()];
    const v = given(o, r, n, x);
    expect(v.procuratorate).toMatchObject({ phase: 'notice-to-file', policeReasons: 'r' });
    expect(v.police!.phase).toBe('notice-to-file');
  });

  it('a filing decision naming another supervision, or none, does not touch this one', () => {
    const v = given(opened(), notice(), filed(OTHER));
    expect(v.procuratorate!.phase).toBe('notice-to-file');
    expect(v.police!.phase).toBe('notice-to-file');
  });

  it('supervision.police-file missed while the notice stands: a correction may follow; explain missed likewise', () => {
    expect(given(opened(), notice(), missed('supervision.police-file')).procuratorate).toMatchObject({
      policeFileOverdue: true,
      phase: 'notice-to-file',
    });
    expect(given(opened(), required(), missed('supervision.police-explain')).procuratorate).toMatchObject({
      policeExplainOverdue: true,
    });
    expect(given(opened(), missed('supervision.police-file')).procuratorate!.policeFileOverdue).toBe(false);
  });

  describe('the police events, phase by phase (phase set by an act of unknown time)', () => {
    const inPhase = (phase: FilingSupervisionPhase) => ({
      ...filingSupervisionViews.procuratorate.open(
        opened() as Parameters<typeof filingSupervisionViews.procuratorate.open>[0],
      ),
      phase,
      phaseAt: null,
    });
    it.each<[FilingSupervisionPhase, FilingSupervisionPhase]>([
      ['explanation-required', 'explained'],
      ['opened', 'opened'],
      ['explained', 'explained'],
      ['notice-to-file', 'notice-to-file'],
      ['police-filed', 'police-filed'],
      ['reasons-accepted', 'reasons-accepted'],
    ])('supervision.police-explain: the police explanation in %s → %s', (phase, after) => {
      expect(filingSupervisionViews.procuratorate.evolve(inPhase(phase), explained()).phase).toBe(after);
    });
    it.each<[FilingSupervisionPhase, FilingSupervisionPhase]>([
      ['notice-to-file', 'police-filed'],
      ['correction-issued', 'police-filed'],
      ['opened', 'police-filed'],
      ['explanation-required', 'police-filed'],
      ['explained', 'police-filed'],
      ['police-filed', 'police-filed'],
      ['chaser-issued', 'chaser-issued'],
      ['reasons-accepted', 'reasons-accepted'],
    ])('supervision.police-file: the police filing in %s → %s', (phase, after) => {
      expect(filingSupervisionViews.procuratorate.evolve(inPhase(phase), filed()).phase).toBe(after);
    });
  });

  it('nothing before the opening: events of an unknown supervision open nothing', () => {
    expect(given(required(), notice())).toEqual({ procuratorate: null, police: null });
  });

  it('knows its events and the supervision each is about', () => {
    expect(FILING_SUPERVISION_EVENT_TYPES).toContain('filing-supervision.chaser-issued');
    expect(isFilingSupervisionEvent(required())).toBe(true);
    expect(supervisionIdOf(filed())).toBe(S);
    expect(supervisionIdOf(ev('transfer.filing-decided', POL, { transferId: T, outcome: 'not-filed' }))).toBeNull();
    expect(supervisionIdOf(missed('transfer.filing-review'))).toBeNull();
    expect(supervisionIdOf(missed('supervision.police-file'))).toBe(S);
  });
});

describe('filing-supervision flow: the acts', () => {
  it.each<[FilingSupervisionPhase, SupervisionAct, string]>([
    ['opened', 'require-explanation', 'allowed'],
    ['explanation-required', 'require-explanation', 'already-done'],
    ['explained', 'require-explanation', 'out-of-order'],
    ['police-filed', 'issue-filing-notice', 'out-of-order'],
    ['reasons-accepted', 'accept-reasons', 'already-done'],
    ['reasons-accepted', 'issue-chaser', 'closed'],
  ])('procuratorate in %s, %s → %s', (phase, act, verdict) => {
    expect(judgeAct(SUPERVISION_ACT_RULES, act, { phase })).toBe(verdict);
  });

  it('every act leads to a phase of the flow and emits a filing-supervision event', () => {
    for (const spec of Object.values(PROCURATORATE_SUPERVISION_ACTS)) {
      expect(spec.leadsTo.every((p) => FILING_SUPERVISION_PHASES.includes(p))).toBe(true);
      expect(FILING_SUPERVISION_EVENT_TYPES).toContain(spec.emits);
      expect(mayAct(spec, { agencyKind: 'procuratorate', roles: ['officer'] })).toBe(true);
      expect(mayAct(spec, { agencyKind: 'police', roles: ['officer', 'head'] })).toBe(false);
    }
  });

  it('the police explain only while reasons are owed', () => {
    expect(judgeAct(MATTER_ACT_RULES, 'explain', { phase: 'explanation-required' })).toBe('allowed');
    expect(judgeAct(MATTER_ACT_RULES, 'explain', { phase: 'explained', previousPhase: 'explanation-required' })).toBe(
      'already-done',
    );
    expect(judgeAct(MATTER_ACT_RULES, 'explain', { phase: 'opened' })).toBe('out-of-order');
    expect(judgeAct(MATTER_ACT_RULES, 'explain', { phase: 'closed', previousPhase: 'opened' })).toBe('closed');
  });
});

/**
 * The transfer flow, given / when / then: given the events so far, when one more arrives (in or out of
 * order), then each agency's view — the same functions the apps and the audit projector use.
 */
import {
  ENFORCEMENT_ACT_RULES,
  ENFORCEMENT_ACTS,
  ENFORCEMENT_TRANSFER_PHASES,
  POLICE_ACT_RULES,
  POLICE_ACTS,
  TRANSFER_EVENT_TYPES,
  isTransferEvent,
  transferIdOf,
  type TransferEvent,
  type TransferEventPayloads,
} from './transfer.flow';
import { transferViews, type EnforcementTransferView, type TransferAuditView } from './transfer.views';
import { judgeAct, mayAct, unhandled } from '../kit';

const T = '0190c0de-0000-7000-8000-000000000001';
const CASE = '0190c0de-0000-7000-8000-0000000000ca';
const ENF = 'enforcement:210100';
const POL = 'police:210100';
const POL2 = 'police:210200';
const PRO = 'procuratorate:210100';

let clock = Date.parse('2026-03-02T09:00:00+08:00');
/** One event at the next minute (or at `at`). */
function ev<K extends keyof TransferEventPayloads>(
  type: K,
  producer: string,
  payload: Omit<TransferEventPayloads[K], 'transferId'>,
  at?: string,
): TransferEvent {
  clock += 60_000;
  return {
    type,
    producer: { agencyId: producer },
    occurredAt: at ?? new Date(clock).toISOString(),
    payload: { transferId: T, ...payload },
  } as unknown as TransferEvent;
}
const materials = [{ kind: 'transfer-letter' as const, title: '移送书' }];

/** the transfer up to the head's approval, stamped before whatever the test makes next */
const approvedTransfer = (): TransferEvent[] => [suspected(), reported(), approved()];
const suspected = () => ev('transfer.crime-suspected', ENF, { caseId: CASE, thresholdFacts: ['t3'], facts: 'x' });
const reported = () =>
  ev('transfer.team-reported', ENF, { caseId: CASE, teamOfficerIds: ['a', 'b'], thresholdFacts: ['t3'], summary: 's' });
const approved = () => ev('transfer.head-decided', ENF, { decision: 'approved' });
const sent = (to = POL) =>
  ev('transfer.sent', ENF, {
    caseId: CASE,
    caseNumber: 'N1',
    fromAgencyId: ENF,
    toAgencyId: to,
    copyToAgencyId: PRO,
    party: { name: 'p', creditCode: '91210100MA0Y6J5X2U' },
    summary: 's',
    thresholdFacts: ['t3'],
    materials,
  });
const receipt = (by = POL) => ev('transfer.receipt-signed', by, { receiptNumber: 'R1' });
const decided = (outcome: 'filed' | 'not-filed', by = POL) =>
  ev(
    'transfer.filing-decided',
    by,
    outcome === 'filed' ? { outcome, policeCaseNumber: 'P7' } : { outcome, reasons: 'no crime' },
  );

/** Folds events into the audit's views (every agency's view), opinions accepted. */
function given(...events: TransferEvent[]): TransferAuditView {
  return events.reduce(
    (v, e) => transferViews.audit.evolve(v, e, { opinionAccepted: () => true }),
    transferViews.audit.empty,
  );
}
const enforcementAfter = (...events: TransferEvent[]): EnforcementTransferView => given(...events).enforcement!;

describe('transfer flow: the views', () => {
  it('in order: sent → receipt → filed, every agency sees it the same way', () => {
    const start = approvedTransfer();
    const [s, r, f] = [sent(), receipt(), decided('filed')];
    const v = given(...start, s, r, f);
    expect(v.enforcement).toMatchObject({
      phase: 'filed',
      phaseAt: f.occurredAt,
      policeAgencyId: POL,
      procuratorateAgencyId: PRO,
      policeCaseNumber: 'P7',
    });
    expect(v.police).toEqual([
      expect.objectContaining({ agencyId: POL, phase: 'filed', receiptNumber: 'R1', policeCaseNumber: 'P7' }),
    ]);
    expect(v.procuratorate).toMatchObject({
      agencyId: PRO,
      phase: 'filed',
      receiptNumber: 'R1',
      policeCaseNumber: 'P7',
    });
  });

  it('out of order: the decision learnt before the receipt — the later act wins, the receipt number is kept', () => {
    const start = approvedTransfer();
    const [s, r, f] = [sent(), receipt(), decided('not-filed')];
    const v = given(...start, s, f, r);
    expect(v.enforcement).toMatchObject({ phase: 'not-filed', phaseAt: f.occurredAt, policeReasons: 'no crime' });
    expect(v.procuratorate).toMatchObject({ phase: 'not-filed', receiptNumber: 'R1' });
  });

  it('out of order: a materials request learnt after the decision does not reopen it', () => {
    const start = approvedTransfer();
    const [s, r] = [sent(), receipt()];
    const m = ev('transfer.materials-requested', POL, { missing: ['monitoring-report'], note: '' });
    const f = decided('filed');
    expect(enforcementAfter(...start, s, r, f, m)).toMatchObject({ phase: 'filed', phaseAt: f.occurredAt });
    expect(enforcementAfter(...start, s, r, m, f).phase).toBe('filed');
  });

  it('equal instants keep arrival order', () => {
    const start = approvedTransfer();
    const s = sent();
    const r = ev('transfer.receipt-signed', POL, { receiptNumber: 'R1' }, s.occurredAt);
    expect(enforcementAfter(...start, s, r).phase).toBe('received');
  });

  it('a partial supplement leaves the request open; the asked kind closes it, on every side', () => {
    const v0 = given(
      ...approvedTransfer(),
      sent(),
      receipt(),
      ev('transfer.materials-requested', POL, { missing: ['monitoring-report'], note: '' }),
    );
    const partial = transferViews.audit.evolve(
      v0,
      ev('transfer.materials-supplemented', ENF, { items: [{ kind: 'other', title: 'x' }] }),
      { opinionAccepted: () => true },
    );
    expect([partial.enforcement!.phase, partial.police[0]!.phase, partial.procuratorate!.phase]).toEqual([
      'materials-requested',
      'materials-requested',
      'materials-requested',
    ]);
    const full = transferViews.audit.evolve(
      partial,
      ev('transfer.materials-supplemented', ENF, { items: [{ kind: 'monitoring-report', title: 'm' }] }),
      { opinionAccepted: () => true },
    );
    expect([full.enforcement!.phase, full.police[0]!.phase, full.procuratorate!.phase]).toEqual([
      'received',
      'received',
      'received',
    ]);
    expect(full.enforcement!.missingMaterials).toEqual([]);
  });

  it("a forward opens the competent office's view; later enforcement acts reach that office only", () => {
    const v = given(
      ...approvedTransfer(),
      sent(),
      ev('transfer.forwarded', POL, { mode: 'forwarded', toAgencyId: POL2, reasons: 'r' }),
      receipt(POL2),
      decided('not-filed', POL2),
      ev('transfer.reconsideration-requested', ENF, { reasons: 'r' }),
    );
    expect(v.police.map((r) => [r.agencyId, r.phase])).toEqual([
      [POL, 'forwarded'],
      [POL2, 'reconsidering'],
    ]);
    expect(v.enforcement).toMatchObject({ phase: 'reconsideration-requested', policeAgencyId: POL2 });
    expect(v.procuratorate).toMatchObject({ phase: 'reconsideration-requested', policeAgencyId: POL2 });
  });

  it('a receipt of the office that forwarded, learnt after the forward, does not move the transfer back', () => {
    const start = approvedTransfer();
    const [s, r] = [sent(), receipt(POL)];
    const fw = ev('transfer.forwarded', POL, { mode: 'forwarded', toAgencyId: POL2, reasons: 'r' });
    expect(enforcementAfter(...start, s, fw, r)).toMatchObject({ phase: 'sent', policeAgencyId: POL2 });
  });

  it('filing supervision: requested → opened (under supervision) → reasons accepted (final); the copy tracks the request', () => {
    const v = given(
      ...approvedTransfer(),
      sent(),
      receipt(),
      decided('not-filed'),
      ev('filing-supervision.requested', ENF, { procuratorateAgencyId: PRO, ground: 'not-filed', reasons: 'r' }),
    );
    expect(v.enforcement!.phase).toBe('supervision-requested');
    expect(v.procuratorate).toMatchObject({ supervisionRequested: true, supervisionGround: 'not-filed' });
    const sid = '0190c0de-0000-7000-8000-0000000000f5';
    const opened = given(
      ...approvedTransfer(),
      sent(),
      receipt(),
      decided('not-filed'),
      ev('filing-supervision.requested', ENF, { procuratorateAgencyId: PRO, ground: 'not-filed', reasons: 'r' }),
      ev('filing-supervision.opened', PRO, {
        supervisionId: sid,
        policeAgencyId: POL,
        enforcementAgencyId: ENF,
        ground: 'not-filed',
      }),
    );
    expect(opened.enforcement).toMatchObject({ phase: 'under-supervision', supervisionId: sid });
    expect(opened.procuratorate).toMatchObject({ supervisionRequested: false, supervisionId: sid });
    const final = transferViews.audit.evolve(
      opened,
      ev('filing-supervision.reasons-accepted', PRO, { supervisionId: sid, note: '' }),
      { opinionAccepted: () => true },
    );
    expect(final.enforcement!.phase).toBe('non-filing-final');
  });

  it("a request for supervision addressed to another procuratorate is not this copy's", () => {
    const v = given(
      ...approvedTransfer(),
      sent(),
      receipt(),
      decided('not-filed'),
      ev('filing-supervision.requested', ENF, {
        procuratorateAgencyId: 'procuratorate:210200',
        ground: 'not-filed',
        reasons: 'r',
      }),
    );
    expect(v.procuratorate!.supervisionRequested).toBe(false);
  });

  it('the filing review missed marks the enforcement view (deadline.missed of that transfer only)', () => {
    const missed = (subjectId: string, ruleId: string) =>
      ({
        type: 'deadline.missed',
        producer: { agencyId: 'workflow' },
        occurredAt: new Date((clock += 60_000)).toISOString(),
        payload: {
          stepId: `${subjectId}/${ruleId}`,
          subjectId,
          ruleId,
          variant: 'standard',
          owingAgencyId: POL,
          dueAt: '2026-03-05T00:00:00Z',
        },
      }) as TransferEvent;
    expect(enforcementAfter(suspected(), missed(T, 'transfer.receipt')).filingReviewOverdue).toBe(false);
    expect(enforcementAfter(suspected(), missed(T, 'transfer.filing-review')).filingReviewOverdue).toBe(true);
    expect(transferIdOf(missed(T, 'transfer.receipt'))).toBeNull();
  });

  it("a procuratorate opinion opens the enforcement view only when the case is the agency's own", () => {
    const opinion = ev('transfer.procuratorate-opinion', PRO, {
      caseId: CASE,
      enforcementAgencyId: ENF,
      reasons: 'transfer it',
    });
    expect(
      transferViews.audit.evolve(transferViews.audit.empty, opinion, { opinionAccepted: () => false }).enforcement,
    ).toBeNull();
    expect(
      transferViews.audit.evolve(transferViews.audit.empty, opinion, { opinionAccepted: () => true }).enforcement,
    ).toMatchObject({ phase: 'opinion-received', agencyId: ENF, procuratorateAgencyId: PRO });
  });

  it('every event type of the flow is one the guard recognises; others are not transfer events', () => {
    for (const type of TRANSFER_EVENT_TYPES)
      expect(isTransferEvent({ type, occurredAt: '', producer: { agencyId: '' }, payload: {} })).toBe(true);
    expect(
      isTransferEvent({ type: 'court.case-docketed', occurredAt: '', producer: { agencyId: '' }, payload: {} }),
    ).toBe(false);
  });

  it("a switch over the flow's events without a case for each type does not compile (tsc checks this file)", () => {
    const onlySent = (e: TransferEvent): string => {
      switch (e.type) {
        case 'transfer.sent':
          return e.payload.toAgencyId;
        default:
          // @ts-expect-error — the other seventeen types reach here: `e` is not `never`
          return unhandled(e);
      }
    };
    expect(onlySent(sent())).toBe(POL);
  });

  it('an event that bypassed the types (unknown type) fails loudly instead of being skipped', () => {
    const v = enforcementAfter(suspected());
    expect(() =>
      transferViews.enforcement.evolve(v, {
        type: 'transfer.unknown',
        producer: { agencyId: ENF },
        occurredAt: '',
        payload: {},
      } as never),
    ).toThrow('unhandled event type "transfer.unknown"');
  });
});

describe('transfer flow: the acts', () => {
  it('each act leads to phases of its own agency view, and the guard tells twice from out of order', () => {
    for (const spec of Object.values(ENFORCEMENT_ACTS)) {
      for (const p of [...spec.allowedIn, ...spec.leadsTo]) expect(ENFORCEMENT_TRANSFER_PHASES).toContain(p);
    }
    expect(judgeAct(ENFORCEMENT_ACT_RULES, 'send', { phase: 'sent', previousPhase: 'approved' })).toBe('already-done');
    expect(judgeAct(ENFORCEMENT_ACT_RULES, 'send', { phase: 'received', previousPhase: 'sent' })).toBe('out-of-order');
    expect(judgeAct(POLICE_ACT_RULES, 'sign-receipt', { phase: 'received', previousPhase: 'awaiting-receipt' })).toBe(
      'already-done',
    );
    expect(judgeAct(POLICE_ACT_RULES, 'decide-filing', { phase: 'awaiting-receipt' })).toBe('out-of-order');
  });

  it('who may act: the head decides on the transfer; the police act on their own views only', () => {
    expect(mayAct(ENFORCEMENT_ACTS['head-decision'], { agencyKind: 'enforcement', roles: ['officer'] })).toBe(false);
    expect(mayAct(ENFORCEMENT_ACTS['head-decision'], { agencyKind: 'enforcement', roles: ['head'] })).toBe(true);
    expect(mayAct(POLICE_ACTS['sign-receipt'], { agencyKind: 'enforcement', roles: ['officer', 'head'] })).toBe(false);
    expect(mayAct(POLICE_ACTS['sign-receipt'], { agencyKind: 'police', roles: ['officer'] })).toBe(true);
  });
});

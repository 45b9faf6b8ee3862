/**
 * The transfer decider as given-events / when-event / then-actions (no Temporal).
 */
import { Harness, SENT, ev } from '../testing/decider-harness';
import { initialTransferModel, transferDecider, TransferPatches, type TransferModel } from './transfer.decider';

const transfer = () => new Harness<TransferModel>(transferDecider, initialTransferModel());
const upToReceipt = () => [
  ev('transfer.crime-suspected'),
  ev('transfer.team-reported'),
  ev('transfer.head-decided', { decision: 'approved' }),
  ev('transfer.sent', SENT),
  ev('transfer.receipt-signed', {}, 'police:210100'),
];

describe('transfer decider', () => {
  it('transfer.crime-suspected opens transfer.team-report, owed by enforcement', () => {
    const h = transfer();
    const e = ev('transfer.crime-suspected');
    h.when(e);
    expect(h.actions).toEqual([
      { kind: 'open', ruleId: 'transfer.team-report', role: 'enforcement', from: e.occurredAt },
    ]);
    expect(h.model.phase).toBe('suspected');
  });

  it('transfer.sent closes transfer.handover, meets transfer.copy-to-procuratorate and opens transfer.receipt for the police', () => {
    const h = transfer().given(
      ev('transfer.crime-suspected'),
      ev('transfer.team-reported'),
      ev('transfer.head-decided', { decision: 'approved' }),
    );
    const sent = ev('transfer.sent', SENT);
    h.when(sent);
    expect(h.actions).toEqual([
      { kind: 'close', ruleId: 'transfer.handover', at: sent.occurredAt },
      { kind: 'close', ruleId: 'transfer.after-procuratorate-opinion', at: sent.occurredAt },
      { kind: 'close', ruleId: 'transfer.team-report', at: sent.occurredAt, outcome: 'moot' },
      { kind: 'close', ruleId: 'transfer.head-decision', at: sent.occurredAt, outcome: 'moot' },
      {
        kind: 'instant',
        ruleId: 'transfer.copy-to-procuratorate',
        role: 'enforcement',
        from: sent.occurredAt,
        at: sent.occurredAt,
      },
      { kind: 'open', ruleId: 'transfer.receipt', role: 'police', from: sent.occurredAt },
    ]);
    expect(h.model).toMatchObject({
      phase: 'sent',
      policeAgencyId: 'police:210100',
      procuratorateAgencyId: 'procuratorate:210100',
    });
  });

  it('a receipt before the transfer itself is deferred (transfer.receipt)', () => {
    const h = transfer().given(ev('transfer.crime-suspected'));
    expect(h.when(ev('transfer.receipt-signed', {}, 'police:210100'))).toEqual({
      kind: 'defer',
      reason: 'waiting for transfer.sent',
    });
  });

  it('transfer.forwarded: transfer.forward-or-return stays with the forwarding office, the receiving office owes transfer.receipt (try-findings #3)', () => {
    const events = upToReceipt();
    const h = transfer().given(...events);
    const fwd = ev(
      'transfer.forwarded',
      { mode: 'forwarded', toAgencyId: 'police:210200', reasons: 'x' },
      'police:210100',
    );
    h.when(fwd);
    expect(h.actions).toEqual([
      {
        kind: 'instant',
        ruleId: 'transfer.forward-or-return',
        role: 'police',
        from: events[4]!.occurredAt,
        at: fwd.occurredAt,
        owingAgencyId: 'police:210100',
      },
      { kind: 'close', ruleId: 'transfer.receipt', at: fwd.occurredAt, outcome: 'moot' },
      { kind: 'close', ruleId: 'transfer.filing-review', at: fwd.occurredAt, outcome: 'moot' },
      { kind: 'close', ruleId: 'transfer.materials-supplement', at: fwd.occurredAt, outcome: 'moot' },
      { kind: 'open', ruleId: 'transfer.receipt', role: 'police', from: fwd.occurredAt },
    ]);
    expect(h.model).toMatchObject({ phase: 'sent', outcome: null, policeAgencyId: 'police:210200', receiptAt: null });
    expect(transferDecider.isFinished(h.model)).toBe(false);
    // The receiving office signs: its filing review starts; a second forward is counted from its delivery.
    const receipt = ev('transfer.receipt-signed', {}, 'police:210200');
    h.given(receipt);
    expect(h.last).toMatchObject({ kind: 'apply' });
    expect(h.open).toEqual(new Set(['transfer.filing-review']));
    expect(h.model.phase).toBe('received');
  });

  it('transfer.forwarded before the change (unpatched): the transfer ends with outcome forwarded', () => {
    const events = upToReceipt();
    const h = transfer().given(...events);
    h.unpatched.add(TransferPatches.forwardFollows);
    const fwd = ev(
      'transfer.forwarded',
      { mode: 'forwarded', toAgencyId: 'police:210200', reasons: 'x' },
      'police:210100',
    );
    h.when(fwd);
    expect(h.actions[0]).toEqual({
      kind: 'instant',
      ruleId: 'transfer.forward-or-return',
      role: 'police',
      from: events[4]!.occurredAt,
      at: fwd.occurredAt,
    });
    expect(h.model).toMatchObject({ outcome: 'forwarded', policeAgencyId: 'police:210200' });
    expect(transferDecider.isFinished(h.model)).toBe(true);
  });

  it('transfer.forwarded mode returned ends the transfer; the step is owed by the returning office', () => {
    const h = transfer().given(...upToReceipt());
    h.when(ev('transfer.forwarded', { mode: 'returned', reasons: 'x' }, 'police:210100'));
    expect(h.model).toMatchObject({ outcome: 'returned-not-competent', policeAgencyId: 'police:210100' });
    expect(h.actions.at(-1)).toMatchObject({ kind: 'close-all' });
  });

  it('a supplement of other kinds than asked leaves transfer.materials-supplement open; the asked kind closes it (try-findings #6)', () => {
    const h = transfer().given(
      ...upToReceipt(),
      ev('transfer.materials-requested', { missing: ['monitoring-report'], note: '' }, 'police:210100'),
    );
    expect(
      h.when(ev('transfer.materials-supplemented', { items: [{ kind: 'other', title: '补充说明' }] })),
    ).toMatchObject({ kind: 'apply', actions: [] });
    expect(h.model).toMatchObject({ phase: 'materials-requested', missingMaterials: ['monitoring-report'] });
    const ok = ev('transfer.materials-supplemented', { items: [{ kind: 'monitoring-report', title: '监测报告' }] });
    h.when(ok);
    expect(h.actions).toEqual([{ kind: 'close', ruleId: 'transfer.materials-supplement', at: ok.occurredAt }]);
    expect(h.model).toMatchObject({ phase: 'received', missingMaterials: [] });
  });

  it('two kinds asked, supplied one by one: the step closes with the second (unpatched: with the first)', () => {
    const asked = ev(
      'transfer.materials-requested',
      { missing: ['monitoring-report', 'inspection-record'], note: '' },
      'police:210100',
    );
    const first = ev('transfer.materials-supplemented', { items: [{ kind: 'monitoring-report', title: 'a' }] });
    const h = transfer().given(...upToReceipt(), asked);
    h.when(first);
    expect(h.actions).toEqual([]);
    expect(h.model.missingMaterials).toEqual(['inspection-record']);
    h.when(ev('transfer.materials-supplemented', { items: [{ kind: 'inspection-record', title: 'b' }] }));
    expect(h.actions.map((a) => a.kind)).toEqual(['close']);
    const old = transfer().given(...upToReceipt(), asked);
    old.unpatched.add(TransferPatches.supplementCovers);
    old.when(first);
    expect(old.actions.map((a) => a.kind)).toEqual(['close']);
  });

  it('materials requested twice: transfer.materials-notice is checked once, transfer.materials-supplement runs a second round', () => {
    const h = transfer().given(
      ...upToReceipt(),
      ev('transfer.materials-requested', { missing: ['other'], note: '' }, 'police:210100'),
    );
    h.when(ev('transfer.materials-requested', { missing: ['other'], note: '' }, 'police:210100'));
    expect(h.actions.map((a) => `${a.kind} ${'ruleId' in a ? a.ruleId : ''}`)).toEqual([
      'close transfer.materials-supplement',
      'open transfer.materials-supplement',
    ]);
    expect(h.model.materialsRequests).toBe(2);
  });

  it('transfer.review-extended extends transfer.filing-review with the approval', () => {
    const h = transfer().given(...upToReceipt());
    const ext = ev(
      'transfer.review-extended',
      { variant: 'major-complex', approvedBy: '局长', reasons: 'x' },
      'police:210100',
    );
    h.when(ext);
    expect(h.actions).toEqual([
      {
        kind: 'extend',
        ruleId: 'transfer.filing-review',
        variant: 'major-complex',
        approvedBy: '局长',
        at: ext.occurredAt,
      },
    ]);
  });

  it('not filed opens transfer.reconsideration-request; when it runs out the right lapses and the transfer ends', () => {
    const h = transfer().given(
      ...upToReceipt(),
      ev('transfer.filing-decided', { outcome: 'not-filed', reasons: 'x' }, 'police:210100'),
    );
    expect([...h.open]).toEqual(['transfer.reconsideration-request']);
    const lapse = h.missed('transfer.reconsideration-request');
    expect(lapse).toMatchObject({ kind: 'apply', model: { outcome: 'rights-lapsed' } });
    expect(h.actions.at(-1)).toMatchObject({ kind: 'close-all' });
  });

  it('filing supervision asked while the review ran out (decision-overdue) does not end the transfer; the procuratorate owes supervision.request-review', () => {
    const h = transfer().given(...upToReceipt());
    h.when(ev('filing-supervision.requested', { ground: 'decision-overdue' }));
    expect(h.model).toMatchObject({ phase: 'received', outcome: null });
    expect(h.model.supervisionRequestedAt).not.toBeNull();
    expect(h.actions).toEqual([
      expect.objectContaining({ kind: 'open', ruleId: 'supervision.request-review', role: 'procuratorate' }),
    ]);
    expect(h.when(ev('filing-supervision.requested', { ground: 'decision-overdue' }))).toMatchObject({
      kind: 'ignore',
    });
  });

  const upheld = () => [
    ...upToReceipt(),
    ev('transfer.filing-decided', { outcome: 'not-filed', reasons: 'x' }, 'police:210100'),
    ev('transfer.reconsideration-requested', { reasons: 'x' }),
    ev('transfer.reconsideration-decided', { outcome: 'upheld', reasons: 'x' }, 'police:210100'),
  ];

  it('after an upheld refusal the supervision request closes transfer.supervision-request and opens supervision.request-review (issue #9 item 5)', () => {
    const h = transfer().given(...upheld());
    expect([...h.open]).toEqual(['transfer.supervision-request']);
    h.when(ev('filing-supervision.requested', { ground: 'upheld-on-reconsideration' }));
    expect(h.model).toMatchObject({ phase: 'supervision-requested', outcome: null });
    expect([...h.open]).toEqual(['supervision.request-review']);
  });

  it('a history recorded before the patch ends the transfer at the request, as it did (replay)', () => {
    const h = transfer();
    h.unpatched.add(TransferPatches.requestReview);
    h.given(...upheld());
    h.when(ev('filing-supervision.requested', { ground: 'upheld-on-reconsideration' }));
    expect(h.model.outcome).toBe('supervision-requested');
    expect(h.open.size).toBe(0);
  });

  it('filing-supervision.opened closes supervision.request-review; a filing on the notice opens transfer.items-handover (issue #9 item 7)', () => {
    const h = transfer().given(
      ...upheld(),
      ev('filing-supervision.requested', { ground: 'upheld-on-reconsideration' }),
    );
    h.when(
      ev(
        'filing-supervision.opened',
        { supervisionId: 's-1', ground: 'upheld-on-reconsideration' },
        'procuratorate:210100',
      ),
    );
    expect(h.model.phase).toBe('under-supervision');
    expect(h.open.size).toBe(0);
    h.when(
      ev('transfer.filing-decided', { outcome: 'filed', supervisionId: 's-1', policeCaseNumber: 'n' }, 'police:210100'),
    );
    expect(h.model.phase).toBe('filed');
    expect([...h.open]).toEqual(['transfer.items-handover']);
  });

  it('reasons accepted under supervision end the transfer (non-filing-final)', () => {
    const h = transfer().given(
      ...upheld(),
      ev('filing-supervision.requested', { ground: 'upheld-on-reconsideration' }),
      ev(
        'filing-supervision.opened',
        { supervisionId: 's-1', ground: 'upheld-on-reconsideration' },
        'procuratorate:210100',
      ),
    );
    h.when(ev('filing-supervision.reasons-accepted', { supervisionId: 's-1', note: 'x' }, 'procuratorate:210100'));
    expect(h.model.outcome).toBe('non-filing-final');
  });

  it('filing-supervision.opened before the request arrived waits for it; own-motion supervision is not awaited', () => {
    const h = transfer().given(...upheld());
    expect(
      h.when(
        ev(
          'filing-supervision.opened',
          { supervisionId: 's-1', ground: 'upheld-on-reconsideration' },
          'procuratorate:210100',
        ),
      ),
    ).toMatchObject({ kind: 'defer' });
    expect(
      h.when(ev('filing-supervision.opened', { supervisionId: 's-2', ground: 'own-motion' }, 'procuratorate:210100')),
    ).toMatchObject({ kind: 'ignore' });
  });

  it('reversed on reconsideration counts as filed: transfer.items-handover opens', () => {
    const h = transfer().given(
      ...upToReceipt(),
      ev('transfer.filing-decided', { outcome: 'not-filed', reasons: 'x' }, 'police:210100'),
      ev('transfer.reconsideration-requested', { reasons: 'x' }),
    );
    h.when(
      ev(
        'transfer.reconsideration-decided',
        { outcome: 'reversed', reasons: 'x', policeCaseNumber: 'n' },
        'police:210100',
      ),
    );
    expect(h.model.phase).toBe('filed');
    expect([...h.open]).toEqual(['transfer.items-handover']);
  });

  it('a head refusal does not end the transfer while a procuratorate opinion obliges it (transfer.after-procuratorate-opinion)', () => {
    const h = transfer().given(
      ev('transfer.crime-suspected'),
      ev('transfer.team-reported'),
      ev('transfer.procuratorate-opinion', {}, 'procuratorate:210100'),
    );
    h.when(ev('transfer.head-decided', { decision: 'refused', reasons: 'x' }));
    expect(h.model).toMatchObject({
      phase: 'opinion-received',
      outcome: null,
      procuratorateAgencyId: 'procuratorate:210100',
    });
    expect(h.open.has('transfer.after-procuratorate-opinion')).toBe(true);
  });

  it('events after the end or out of place are ignored, with a reason', () => {
    const h = transfer().given(
      ev('transfer.crime-suspected'),
      ev('transfer.team-reported'),
      ev('transfer.head-decided', { decision: 'refused', reasons: 'x' }),
    );
    expect(h.when(ev('transfer.team-reported'))).toMatchObject({ kind: 'ignore' });
    expect(transfer().when(ev('deadline.started'))).toMatchObject({ kind: 'ignore' });
  });
});

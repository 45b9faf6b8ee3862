/**
 * Crash and restart mid-path (issue: case transfer, acceptance 3): the worker and the agency apps are
 * killed with SIGKILL at several points of a transfer and restarted; the path still finishes and
 * nothing is lost or applied twice — asserted on every agency's state and on the Kafka event log.
 */
import { eventually, TestSystem } from '../support/system';
import { readTopic } from '../messaging/support/topic-reader';
import { ALL_TOPICS } from '@casebridge/contracts';
import { agencies, enfPhase, openAndSend, polPhase, type Agencies } from './transfer-driver';

interface Logged {
  eventId: string;
  type: string;
  payload: { transferId?: string; ruleId?: string; subjectId?: string };
}

/**
 * The system's event log (every topic but the dead letters), each record once: read partition by partition
 * up to the end offsets of the moment. (Counting records until the sum of end offsets was reached would
 * stop early when a rebalance redelivers a partition, and miss the last events.)
 */
async function readLog(suffix: string): Promise<Logged[]> {
  const topics = ALL_TOPICS.filter((t) => !t.includes('dead-letter')).map((t) => `${t}.${suffix}`);
  return (await readTopic(topics, 60_000)).map((m) => JSON.parse(m.value!) as Logged);
}

describe('kill -9 mid-path and restart: nothing lost, nothing doubled', () => {
  const sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'workflow-worker'], {
    'workflow-worker': { LOG_LEVEL: 'info' },
  });
  let a: Agencies;
  beforeAll(async () => {
    await sys.start();
    a = agencies(sys);
  }, 240_000);
  afterAll(() => sys.stop(), 60_000);

  it('finishes a transfer across crashes of the police app, the worker and the enforcement app', async () => {
    const { transferId, linkedCaseId } = await openAndSend(a, 'crash');
    // the police app dies while the transfer is on its way; it catches up after the restart
    await sys.kill('police');
    await sys.startService('police');
    await polPhase(a.pol, transferId, 'awaiting-receipt');

    // the worker dies right after the receipt is signed, and comes back
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: 'R-crash' });
    await sys.kill('workflow-worker');
    await a.pol.post(`/transfers/${transferId}/decision`, { outcome: 'not-filed', reasons: '证据不足' });
    await sys.startService('workflow-worker');

    // enforcement dies as the decision arrives; after the restart it applies it exactly once
    await sys.kill('enforcement');
    await sys.startService('enforcement');
    await enfPhase(a, transferId, 'not-filed');
    await a.enf.post(`/transfers/${transferId}/reconsideration`, { reasons: '请复议' });
    await polPhase(a.pol, transferId, 'reconsidering');
    await sys.kill('procuratorate');
    await a.pol.post(`/transfers/${transferId}/reconsideration-decision`, {
      outcome: 'reversed',
      reasons: '撤销不立案决定',
      policeCaseNumber: '沈公（环）立字〔2026〕21号',
    });
    await sys.startService('procuratorate');
    await enfPhase(a, transferId, 'filed');
    await a.enf.post(`/transfers/${transferId}/items-handover`, {
      items: [{ kind: 'seized-items-list', title: '扣押清单' }],
    });
    await enfPhase(a, transferId, 'items-handed-over');

    // every agency's state: each act appears once
    const enf = await a.enf.get<{ timeline: { what: string; eventId?: string }[] }>(`/transfers/${transferId}`);
    const policeActs = enf.timeline.filter((e) => e.eventId);
    expect(new Set(policeActs.map((e) => e.eventId)).size).toBe(policeActs.length);
    expect(enf.timeline.filter((e) => e.what.startsWith('police signed the receipt'))).toHaveLength(1);
    expect(enf.timeline.filter((e) => e.what === 'police decision: not-filed')).toHaveLength(1);
    expect(enf.timeline.filter((e) => e.what === 'police reconsideration: reversed')).toHaveLength(1);
    const copy = await eventually(
      () => a.pro.get<{ status: string; timeline: { what: string }[] }>(`/transfer-copies/${transferId}`),
      (c) => c.status === 'items-handed-over',
      'procuratorate copy complete',
    );
    expect(copy.timeline.length).toBe(new Set(copy.timeline.map((e) => JSON.stringify(e))).size);
    const pol = await a.pol.get<{ phase: string; timeline: { what: string }[] }>(`/transfers/${transferId}`);
    expect(pol.phase).toBe('filed');
    expect(pol.timeline.filter((e) => e.what === 'enforcement asks for reconsideration')).toHaveLength(1);

    // the event log: no act was published as two different events; the statutory clocks were opened once each
    // (the workflow catches up on its own after the worker's restart: wait until it published the clocks)
    const rules = [
      'transfer.receipt',
      'transfer.filing-review',
      'transfer.reconsideration-request',
      'transfer.reconsideration-decision',
      'transfer.items-handover',
    ];
    const log = await eventually(
      async () =>
        (await readLog(sys.suffix)).filter(
          (e) => e.payload.transferId === transferId || e.payload.subjectId === transferId,
        ),
      (l) => rules.every((r) => l.some((e) => e.type === 'deadline.closed' && e.payload.ruleId === r)),
      'the workflow closed every clock of the path',
      90_000,
    );
    const byId = new Map(log.map((e) => [e.eventId, e]));
    const acts = [...byId.values()].filter(
      (e) => !e.type.startsWith('deadline.') && e.type !== 'penalty.clock-changed',
    );
    const counts = acts.reduce<Record<string, number>>((m, e) => ({ ...m, [e.type]: (m[e.type] ?? 0) + 1 }), {});
    expect(counts).toEqual({
      'transfer.crime-suspected': 1,
      'transfer.team-reported': 1,
      'transfer.head-decided': 1,
      'transfer.sent': 1,
      'transfer.receipt-signed': 1,
      'transfer.filing-decided': 1,
      'transfer.reconsideration-requested': 1,
      'transfer.reconsideration-decided': 1,
      'transfer.items-handed-over': 1,
    });
    const started = [...byId.values()].filter((e) => e.type === 'deadline.started').map((e) => e.payload.ruleId);
    for (const rule of rules) {
      expect({ rule, started: started.filter((r) => r === rule).length, all: started }).toEqual({
        rule,
        started: 1,
        all: started,
      });
    }
    // the linked case id is the key of everything
    expect(log.every((e) => (e as unknown as { linkedCaseId: string }).linkedCaseId === linkedCaseId)).toBe(true);
  });
});

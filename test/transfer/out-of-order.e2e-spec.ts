/**
 * Police events reach enforcement out of order (issue 10, acceptance 1): the police decision is learnt
 * before the receipt, and a materials request the police made before deciding is learnt last. The
 * events are published straight to the police topic (the contracts' envelope, the key of the linked
 * case: one partition, delivered in exactly this order). The enforcement view — folded with the transfer
 * flow's view (libs/flows), where the later act wins — ends where the police really are: not filed, no
 * materials owed, the receipt on file, the timeline in the order things happened. The procuratorate's
 * copy, folded by the same flow, agrees. And the officer can act on it: reconsideration is allowed.
 */
import { createEnvelope, Topics, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { eventually, TestSystem } from '../support/system';
import { agencies, openAndSend, POL } from './transfer-driver';

interface EnfView {
  phase: string;
  phaseAt: string | null;
  missingMaterials: string[];
  policeReasons: string | null;
  timeline: { what: string; at: string; eventId?: string }[];
}

describe('police events delivered to enforcement out of order', () => {
  const sys = new TestSystem(['enforcement', 'procuratorate']);
  beforeAll(() => sys.start(), 240_000);
  afterAll(() => sys.stop(), 60_000);

  it('decision before receipt, a stale materials request last: the enforcement view ends on the decision', async () => {
    const a = agencies(sys, { police: false, procuratorate: true });
    const { transferId, linkedCaseId } = await openAndSend(a, 'out-of-order');
    const sent = await eventually(
      () => a.enf.get<EnfView>(`/transfers/${transferId}`),
      (t) => t.phase === 'sent' && t.phaseAt !== null,
      'transfer sent',
    );
    const base = Date.parse(sent.phaseAt!);
    const at = (ms: number) => new Date(base + ms).toISOString();

    const police = {
      producer: { kind: 'police' as const, agencyId: POL },
      actor: { officerId: 'pol-officer-wang' },
      linkedCaseId,
      version: 1,
    };
    const receipt = createEnvelope({
      ...police,
      type: 'transfer.receipt-signed',
      occurredAt: at(1000),
      payload: { transferId, receiptNumber: 'R-ooo' },
    });
    const materials = createEnvelope({
      ...police,
      type: 'transfer.materials-requested',
      occurredAt: at(2000),
      payload: { transferId, missing: ['monitoring-report'], note: '缺少监测报告原件' },
    });
    const decision = createEnvelope({
      ...police,
      type: 'transfer.filing-decided',
      occurredAt: at(3000),
      payload: { transferId, outcome: 'not-filed', reasons: '现有证据不足以证明达到追诉标准' },
    });
    const delivered: IntegrationEventEnvelope[] = [decision, receipt, materials]; // arrival order ≠ event order
    const producer = sys.kafka().producer();
    await producer.connect();
    await producer.send({
      topic: `${Topics.police}.${sys.suffix}`,
      acks: -1,
      messages: delivered.map((e) => ({ key: linkedCaseId, value: JSON.stringify(e) })),
    });
    await producer.disconnect();

    const seen = (t: { timeline: { eventId?: string }[] }) =>
      delivered.every((e) => t.timeline.some((x) => x.eventId === e.eventId));
    const enf = await eventually(
      () => a.enf.get<EnfView>(`/transfers/${transferId}`),
      seen,
      'enforcement applied all three police events',
    );
    expect(enf).toMatchObject({
      phase: 'not-filed', // the later act (the decision) wins over the receipt and the request learnt after it
      phaseAt: decision.occurredAt,
      missingMaterials: [], // the request was answered by the decision: nothing is owed
      policeReasons: '现有证据不足以证明达到追诉标准',
    });
    // the timeline lists what happened in the order it happened, not the order it was learnt
    const order = [receipt, materials, decision].map((e) => enf.timeline.findIndex((x) => x.eventId === e.eventId));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(enf.timeline.find((x) => x.eventId === receipt.eventId)?.what).toBe('police signed the receipt R-ooo');

    // the procuratorate's copy, folded by the same flow, agrees
    const copy = await eventually(
      () =>
        a.pro.get<{ status: string; receiptNumber: string | null; timeline: { eventId?: string }[] }>(
          `/transfer-copies/${transferId}`,
        ),
      seen,
      'the procuratorate applied all three police events',
    );
    expect(copy).toMatchObject({ status: 'not-filed', receiptNumber: 'R-ooo' });

    // the view is one the officer can act on: after non-filing, reconsideration may be requested
    await a.enf.post(`/transfers/${transferId}/reconsideration`, { reasons: '监测数据表明已达追诉标准，请予复议' });
    expect((await a.enf.get<EnfView>(`/transfers/${transferId}`)).phase).toBe('reconsideration-requested');
  });
});

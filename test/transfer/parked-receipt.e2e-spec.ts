/**
 * An early event is parked, not dead-lettered (issue 9, item 4): the police's receipt reaches the
 * procuratorate while the transfer it refers to is held away from it (not sent yet) for longer than the
 * consumers' retry window (≈ 45 s: 10 attempts, 250 ms doubling to 10 s); the receipt waits in the
 * procuratorate's `parked_event` table, nothing goes to the dead-letter topic, and once the transfer
 * arrives the receipt is applied to the procuratorate's copy, once.
 */
import { createEnvelope, Topics } from '@casebridge/contracts';
import type { Client as Pg } from 'pg';
import { eventually, TestSystem } from '../support/system';
import { agencies } from './transfer-driver';
import { randomInt } from 'node:crypto';

const RETRY_WINDOW_MS = 250 + 500 + 1000 + 2000 + 4000 + 8000 + 10_000 * 3; // platform messagingModule retry

describe('a receipt that overtakes its transfer is parked, then applied', () => {
  const sys = new TestSystem(['enforcement', 'procuratorate']);
  let pg: Pg;
  beforeAll(async () => {
    await sys.start();
    pg = await sys.sql('procuratorate');
  }, 240_000);
  afterAll(async () => {
    await pg?.end();
    await sys.stop();
  }, 60_000);

  it('holds transfer.receipt-signed past the retry window and applies it when transfer.sent arrives', async () => {
    const a = agencies(sys, { police: false, procuratorate: true });
    const { caseId, linkedCaseId } = await a.enf.post<{ caseId: string; linkedCaseId: string }>('/cases', {
      caseNumber: `辽沈环罚〔2026〕parked-${randomInt(1e9)}号`,
      party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
      violation: '通过暗管向河道排放含铬废水',
      discoveredAt: '2026-11-20T10:30:00+08:00',
    });
    const { transferId } = await a.enf.post<{ transferId: string }>('/transfers', {
      caseId,
      thresholdFacts: ['t3'],
      facts: '总铬超标 5.2 倍',
    });
    await a.enf.post(`/transfers/${transferId}/team-report`, {
      teamOfficerIds: ['enf-officer-zhang', 'enf-officer-li'],
      summary: '涉嫌污染环境罪',
    });
    await a.enfHead.post(`/transfers/${transferId}/head-decision`, { decision: 'approved' });

    // the police's receipt, published before the procuratorate knows the transfer (not sent yet)
    const receipt = createEnvelope({
      type: 'transfer.receipt-signed',
      version: 1,
      linkedCaseId,
      producer: { kind: 'police', agencyId: 'police:210100' },
      actor: { officerId: 'pol-officer-wang' },
      payload: { transferId, receiptNumber: 'R-parked' },
    });
    const producer = sys.kafka().producer();
    await producer.connect();
    await producer.send({
      topic: `${Topics.police}.${sys.suffix}`,
      acks: -1,
      messages: [{ key: linkedCaseId, value: JSON.stringify(receipt) }],
    });
    await producer.disconnect();

    const parked = await eventually(
      async () =>
        (await pg.query('SELECT awaiting, applied_at FROM parked_event WHERE event_id = $1', [receipt.eventId])).rows,
      (rows) => rows.length === 1,
      'the receipt parked at the procuratorate',
    );
    expect(parked[0]).toEqual({ awaiting: `transfer ${transferId}`, applied_at: null });
    await new Promise((r) => setTimeout(r, RETRY_WINDOW_MS + 5000)); // longer than the retry window
    expect((await pg.query('SELECT applied_at FROM parked_event WHERE event_id = $1', [receipt.eventId])).rows).toEqual(
      [{ applied_at: null }],
    );

    // the transfer arrives: the copy is created and the parked receipt applied to it, once
    await a.enf.post(`/transfers/${transferId}/send`, {
      materials: [
        { kind: 'transfer-letter', title: '涉嫌犯罪案件移送书' },
        { kind: 'investigation-report', title: '案件调查报告' },
      ],
    });
    const copy = await eventually(
      () =>
        a.pro.get<{ status: string; receiptNumber: string | null; timeline: { what: string }[] }>(
          `/transfer-copies/${transferId}`,
        ),
      (c) => c.receiptNumber === 'R-parked',
      'the parked receipt applied to the copy',
      60_000,
    );
    // (the status stays 'sent': this receipt's occurredAt precedes the transfer's, and the copy keeps the later act)
    expect(copy.timeline.filter((e) => e.what.startsWith('police signed the receipt R-parked'))).toHaveLength(1);
    expect(
      (
        await pg.query('SELECT applied_at IS NOT NULL AS applied FROM parked_event WHERE event_id = $1', [
          receipt.eventId,
        ])
      ).rows,
    ).toEqual([{ applied: true }]);

    // nothing was dead-lettered
    const admin = sys.kafka().admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(`${Topics.deadLetter}.${sys.suffix}`);
    await admin.disconnect();
    expect(offsets.map((o) => Number(o.high))).toEqual(offsets.map(() => 0));
  });
});

import type { EntityManager } from 'typeorm';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import type { JointSupervisionView } from '@casebridge/flows';
import { isRecordNotYetKnown } from '@casebridge/messaging';
import { CooperationConsumer } from './cooperation.consumer';
import { CooperationRecord } from './cooperation-record.entity';
import { redactedView, readRecord } from './cooperation.access';
import type { RecordViews } from './cooperation.records';

const LC = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c11';
const N = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c22';
const C = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c33';
let seq = 0;

function event(type: string, agencyId: string, payload: Record<string, unknown>): IntegrationEventEnvelope {
  seq += 1;
  return {
    eventId: `0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e${String(9000 + seq).padStart(4, '0')}`,
    type,
    version: 1,
    occurredAt: new Date(Date.UTC(2026, 11, 6, 1, seq)).toISOString(),
    linkedCaseId: LC,
    producer: { kind: agencyId.split(':')[0], agencyId },
    payload,
  } as unknown as IntegrationEventEnvelope;
}

/** The records table of one service, in memory (what the consumer reads and writes). */
function store() {
  const rows = new Map<string, CooperationRecord>();
  const manager = {
    findOne: async (_: unknown, o: { where: { kind: string; id: string } }) =>
      rows.get(`${o.where.kind}/${o.where.id}`) ?? null,
    create: (_: unknown, r: CooperationRecord) => r,
    save: async (r: CooperationRecord) => void rows.set(`${r.kind}/${r.id}`, r),
  } as unknown as EntityManager;
  return { rows, manager };
}

async function parked(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isRecordNotYetKnown(e)) return e.awaiting;
    throw e;
  }
  return 'applied';
}

const notified = event('notification.case-notified', 'enforcement:210100', {
  notificationId: N,
  kind: 'development',
  recipients: ['police:210100', 'procuratorate:210100'],
  content: 'SECRET-NOTICE',
});
const acknowledged = event('notification.acknowledged', 'police:210100', { notificationId: N });
const asked = event('consultation.requested', 'enforcement:210100', {
  consultationId: C,
  consultedAgencyId: 'police:210100',
  question: 'SECRET-QUESTION',
  attachments: [{ fileName: '监测报告.pdf', sha256: 'e'.repeat(64), sizeBytes: 10 }],
});
const replied = event('consultation.replied', 'police:210100', { consultationId: C, reply: 'SECRET-REPLY' });

describe('CooperationConsumer: an act before its record is parked, never dropped', () => {
  it('an acknowledgement before its notification: parked; applied when re-driven after the notification', async () => {
    const { rows, manager } = store();
    const procuratorate = new CooperationConsumer('procuratorate');
    expect(await parked(procuratorate.apply(acknowledged, manager))).toBe(`notification ${N}`);
    expect(rows.size).toBe(0);
    await procuratorate.apply(notified, manager);
    expect(await parked(procuratorate.apply(acknowledged, manager))).toBe('applied'); // the re-drive
    const view = rows.get(`notification/${N}`)!.view as unknown as RecordViews['notification'];
    expect(view.recipients.find((r) => r.agencyId === 'police:210100')!.acknowledgedAt).toBe(acknowledged.occurredAt);
  });

  it('a reply before its question: parked, then applied', async () => {
    const { rows, manager } = store();
    const police = new CooperationConsumer('police');
    expect(await parked(police.apply(replied, manager))).toBe(`consultation ${C}`);
    await police.apply(asked, manager);
    await police.apply(replied, manager);
    expect((rows.get(`consultation/${C}`)!.view as { reply: string }).reply).toBe('SECRET-REPLY');
  });

  it('a service none of whose agencies is party keeps a content-free copy, folded on as the acts arrive', async () => {
    const { rows, manager } = store();
    const procuratorate = new CooperationConsumer('procuratorate');
    expect(await parked(procuratorate.apply(replied, manager))).toBe(`consultation ${C}`);
    await procuratorate.apply(asked, manager);
    expect(await parked(procuratorate.apply(replied, manager))).toBe('applied');
    const copy = rows.get(`consultation/${C}`)!;
    expect(copy.parties).toEqual([]);
    expect(JSON.stringify(copy)).not.toMatch(/SECRET|监测报告|e{64}/);
    expect(copy.view).toMatchObject({
      phase: 'replied',
      repliedAt: replied.occurredAt,
      consultedAgencyId: 'police:210100',
    });
  });

  // Kept case (session 5): a police office granted the case got 404 on a notification between enforcement and the
  // procuratorate, because the police service kept a bare marker. It keeps a content-free copy and reads it redacted.
  it('an office granted the case reads the copy redacted (same fields as from a party service); without a grant 404', async () => {
    const { rows, manager } = store();
    const police = new CooperationConsumer('police');
    const between = event('notification.case-notified', 'enforcement:210100', {
      notificationId: N,
      kind: 'development',
      recipients: ['procuratorate:210100'],
      content: 'SECRET-NOTICE',
    });
    const ack = event('notification.acknowledged', 'procuratorate:210100', { notificationId: N });
    await police.apply(between, manager);
    await police.apply(ack, manager);
    const row = rows.get(`notification/${N}`)!;
    expect(row.parties).toEqual([]);
    const officer = { agencyId: 'police:210100', sub: 'o-1' } as never;
    expect(() => readRecord('notification', row, officer, false, [])).toThrow(/concerns your office/);
    const seen = readRecord('notification', row, officer, true, []) as Record<string, unknown>;
    expect(JSON.stringify(seen)).not.toMatch(/SECRET/);
    expect(seen).toMatchObject({ redacted: true, phase: 'all-acknowledged', senderAgencyId: 'enforcement:210100' });
    // the same redacted view a party's service gives (the copy holds nothing more)
    const { rows: partyRows, manager: partyManager } = store();
    const proc = new CooperationConsumer('procuratorate');
    await proc.apply(between, partyManager);
    await proc.apply(ack, partyManager);
    const full = partyRows.get(`notification/${N}`)!.view as unknown as RecordViews['notification'];
    expect(seen).toEqual(redactedView('notification', full));
  });

  it('a joint-supervision act before its listing changes nothing (not parked)', async () => {
    const { rows, manager } = store();
    const report = event('joint-supervision.progress-reported', 'police:210100', { round: 1, progress: 'x' });
    expect(await parked(new CooperationConsumer('police').apply(report, manager))).toBe('applied');
    expect(rows.size).toBe(0);
  });
});

describe('reads of a record: party full, granted redacted, anyone else 404', () => {
  it('a granted non-party reads no text, attachment names or minutes, and its read is reported', async () => {
    const { rows, manager } = store();
    const police = new CooperationConsumer('police');
    await police.apply(notified, manager);
    await police.apply(asked, manager);
    await police.apply(replied, manager);
    const officer = { agencyId: 'police:210102', sub: 'o-1' } as never;
    const reads: { ownerAgencyId: string }[] = [];
    for (const kind of ['notification', 'consultation'] as const) {
      const row = rows.get(`${kind}/${kind === 'notification' ? N : C}`)!;
      expect(() => readRecord(kind, row, officer, false, [])).toThrow(/concerns your office/);
      const seen = JSON.stringify(readRecord(kind, row, officer, true, reads as never));
      expect(seen).not.toMatch(/SECRET|监测报告|inquiryId|sha256/);
      expect(seen).toContain('"redacted":true');
      expect(readRecord(kind, row, { agencyId: 'police:210100' } as never, false, [])).toBe(row.view);
    }
    expect(reads).toEqual([
      { ownerAgencyId: 'enforcement:210100', detail: 'case-number' },
      { ownerAgencyId: 'enforcement:210100', detail: 'case-number' },
    ]);
  });

  it('a joint supervision redacted: who reported when and the flags, no reason, progress, minutes or decision texts', () => {
    const v: JointSupervisionView = {
      linkedCaseId: LC,
      listedAt: '2026-12-01T00:00:00.000Z',
      reviewInterval: 'P14D',
      reason: 'SECRET-REASON',
      participants: ['enforcement:210100', 'police:210100'],
      round: 2,
      rounds: [
        {
          round: 1,
          openedAt: '2026-12-01T00:00:00.000Z',
          reports: { 'police:210100': { at: '2026-12-02T00:00:00.000Z', progress: 'SECRET-PROGRESS' } },
          meeting: { at: '2026-12-03T00:00:00.000Z', minutes: 'SECRET-MINUTES' },
        },
        { round: 2, openedAt: '2026-12-03T00:00:00.000Z', reports: {}, meeting: null },
      ],
      decisions: [
        {
          decisionId: N,
          round: 1,
          text: 'SECRET-DECISION',
          ownerAgencyId: 'police:210100',
          dueAt: '2027-01-10T09:00:00.000Z',
          doneAt: null,
          note: null,
        },
      ],
    };
    const r = redactedView('joint-supervision', v);
    expect(JSON.stringify(r)).not.toContain('SECRET');
    expect(r).toMatchObject({
      behind: ['enforcement:210100', 'police:210100'],
      rounds: [
        { round: 1, reported: { 'police:210100': { at: '2026-12-02T00:00:00.000Z' } }, behind: ['enforcement:210100'] },
        { round: 2, meetingAt: null },
      ],
      decisions: [{ decisionId: N, ownerAgencyId: 'police:210100', dueAt: '2027-01-10T09:00:00.000Z' }],
    });
  });
});

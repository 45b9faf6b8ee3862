/**
 * What travels where for the shared record (issue 12): the v1 → v2 upcast drops the text, the content event goes to
 * the recipient kind's private topic only, and the redaction per recipient kind (SHARED_DECISIONS, E17 art 34).
 */
import { createEnvelope, eventRegistry, SharingTopics, Topics } from '@casebridge/contracts';
import { TopicNames } from '@casebridge/messaging';
import { prepareOutgoing } from '@casebridge/messaging/outbox/outgoing-event';
import { sharedDecision } from '@casebridge/legal-time';
import { contentHash, redactFor } from './shared-record';
import type { SharedEntry } from './shared-entry.entity';

const linkedCaseId = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c11';
const entryId = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c12';
const decisionId = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c13';
const TEXT = '决定对张某处以罚款人民币二十万元';

const env = (type: string, version: number, payload: object) =>
  createEnvelope({
    type,
    version,
    linkedCaseId,
    producer: { kind: 'enforcement', agencyId: 'enforcement:210100' },
    actor: { officerId: 'officer-7' },
    payload,
  });

describe('sharing contracts', () => {
  it('a v1 information-shared is read as a v2 reference: its text is reduced to its SHA-256', () => {
    const v1 = env('sharing.information-shared', 1, {
      sharedWith: ['police:210100'],
      decision: '行政处罚',
      content: TEXT,
    });
    const decoded = eventRegistry.decode(JSON.stringify(v1));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.upcastFrom).toBe(1);
    expect(decoded.envelope.payload).toEqual({
      entryId: v1.eventId,
      decisionId: v1.eventId,
      decisionKind: 'unclassified',
      decidedAt: v1.occurredAt,
      ownerAgencyId: 'enforcement:210100',
      sharedWith: ['police:210100'],
      contentHash: contentHash(TEXT),
    });
    expect(JSON.stringify(decoded.envelope.payload)).not.toContain(TEXT);
  });

  it('the content goes to the private sharing topic of its recipient kind, the reference to the producer topic', () => {
    const topics = new TopicNames({ suffix: 'u1' });
    const ref = {
      entryId,
      decisionId,
      decisionKind: 'administrative-penalty',
      decidedAt: '2025-11-01T08:00:00.000Z',
      ownerAgencyId: 'enforcement:210100',
    };
    const content = env('sharing.content-delivered', 1, {
      ...ref,
      recipientKind: 'police',
      recipients: ['police:210100'],
      detail: 'full',
      ownerCaseNumber: '沈环罚〔2025〕17号',
      content: TEXT,
    });
    expect(prepareOutgoing(content, topics).topic).toBe(`${SharingTopics.police}.u1`);
    const shared = env('sharing.information-shared', 2, {
      ...ref,
      sharedWith: ['police:210100'],
      contentHash: contentHash(TEXT),
    });
    expect(prepareOutgoing(shared, topics).topic).toBe(`${Topics.enforcement}.u1`);
  });

  it('redaction: a recipient entitled to the case number gets no text and no party details', () => {
    const entry = {
      content: TEXT,
      partyName: '张某',
      partyIdNumber: '210102198001011234',
      partyAddress: '沈阳市和平区',
    } as SharedEntry;
    const kind = sharedDecision('supervision-request')!;
    expect(kind.visibleTo).toMatchObject({ procuratorate: 'full', police: 'case-number' });
    expect(redactFor(entry, kind.visibleTo.police!)).toEqual({ detail: 'case-number', content: '' });
    expect(redactFor(entry, kind.visibleTo.procuratorate!)).toEqual({
      detail: 'full',
      content: TEXT,
      partyName: '张某',
      partyIdNumber: '210102198001011234',
      partyAddress: '沈阳市和平区',
    });
  });
});

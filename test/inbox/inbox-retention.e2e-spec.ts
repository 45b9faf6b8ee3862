/**
 * The inbox forgets (issue #9 item 8): done items closed longer ago than INBOX_RETENTION_DAYS are deleted;
 * open and suspended items never are, however old. Real PostgreSQL (own database for this file).
 */
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AGENCY_INBOX_SCHEMA, AgencyInboxItem, InboxRetention, type InboxItemState } from '@casebridge/agency-inbox';
import { createIsolatedDatabase, openTestDataSource, type IsolatedDatabase } from '../support/database';

const DAY = 86_400_000;

describe('inbox retention (libs/agency-inbox InboxRetention)', () => {
  let db: IsolatedDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createIsolatedDatabase('inbox_retention');
    ds = await openTestDataSource(db.url, [AGENCY_INBOX_SCHEMA]); // the inbox's own migrations
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const now = new Date('2026-11-29T08:00:00Z');
  async function item(stepId: string, state: InboxItemState, closedDaysAgo: number | null): Promise<void> {
    await ds.getRepository(AgencyInboxItem).insert({
      id: uuidv7(),
      agencyId: 'police:210100',
      stepId,
      linkedCaseId: uuidv7(),
      ruleId: 'transfer.receipt',
      subjectId: null,
      variant: 'standard',
      state,
      startedAt: new Date(now.getTime() - 200 * DAY),
      dueAt: new Date(now.getTime() - 199 * DAY),
      lastDay: null,
      warnedAt: null,
      missedAt: null,
      onExpiry: null,
      presses: [],
      closedAt: closedDaysAgo === null ? null : new Date(now.getTime() - closedDaysAgo * DAY),
      outcome: state === 'done' ? 'met' : null,
      readAt: null,
    });
  }

  it('deletes done items past the retention only', async () => {
    await item('a/transfer.receipt', 'done', 91); // past 90 days: pruned
    await item('b/transfer.receipt', 'done', 89); // within: kept
    await item('c/transfer.receipt', 'open', null); // owed, 200 days old: kept
    await item('d/transfer.receipt', 'suspended', null); // clock stopped: kept
    const retention = new InboxRetention(ds, 90);
    expect(await retention.prune(now)).toBe(1);
    const left = (await ds.getRepository(AgencyInboxItem).find()).map((i) => i.stepId).sort();
    expect(left).toEqual(['b/transfer.receipt', 'c/transfer.receipt', 'd/transfer.receipt']);
    expect(await retention.prune(now)).toBe(0);
  });
});

import type { AgencyInboxItem } from './inbox-item.entity';
import { inboxRetentionDays, DEFAULT_INBOX_RETENTION_DAYS } from './inbox-retention';
import { statusOf } from './inbox-view';

const item = (over: Partial<AgencyInboxItem>): AgencyInboxItem => ({ state: 'open', warnedAt: null, missedAt: null, ...over }) as AgencyInboxItem;

describe('inbox item status: what the office owes now', () => {
  it.each<[Partial<AgencyInboxItem>, string]>([
    [{}, 'due'],
    [{ warnedAt: new Date() }, 'warning'],
    [{ warnedAt: new Date(), missedAt: new Date() }, 'missed'],
    [{ state: 'suspended', missedAt: new Date() }, 'suspended'],
    [{ state: 'done', missedAt: new Date() }, 'done'],
  ])('%o → %s', (over, status) => expect(statusOf(item(over))).toBe(status));
});

describe('INBOX_RETENTION_DAYS', () => {
  it('defaults to 90 days and accepts whole days', () => {
    expect(inboxRetentionDays({})).toBe(DEFAULT_INBOX_RETENTION_DAYS);
    expect(inboxRetentionDays({ INBOX_RETENTION_DAYS: '30' })).toBe(30);
  });
  it.each(['0', '1.5', 'ninety', '4000'])('refuses %s with a message naming the variable', (v) => {
    expect(() => inboxRetentionDays({ INBOX_RETENTION_DAYS: v })).toThrow(/INBOX_RETENTION_DAYS must be a whole number of days/);
  });
});

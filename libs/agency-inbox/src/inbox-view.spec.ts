import type { AgencyInboxItem } from './inbox-item.entity';
import { inboxRetentionDays, DEFAULT_INBOX_RETENTION_DAYS } from './inbox-retention';
import { inboxItemView, statusOf } from './inbox-view';

const item = (over: Partial<AgencyInboxItem>): AgencyInboxItem =>
  ({ state: 'open', warnedAt: null, missedAt: null, ...over }) as AgencyInboxItem;

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
    expect(() => inboxRetentionDays({ INBOX_RETENTION_DAYS: v })).toThrow(
      /INBOX_RETENTION_DAYS must be a whole number of days/,
    );
  });
});

describe('presses and escalations on an item: one language per field (try-findings #9)', () => {
  const base = {
    id: 'i',
    stepId: 's/transfer.filing-review',
    ruleId: 'transfer.filing-review',
    subjectId: 's',
    linkedCaseId: 'c',
    variant: null,
    startedAt: null,
    dueAt: new Date('2026-11-20T16:00:00Z'),
    lastDay: '2026-11-20',
    onExpiry: null,
    closedAt: null,
    outcome: null,
    readAt: null,
    presses: [{ eventId: 'p', at: '2026-11-21T01:00:00Z', message: '请于今日内作出决定。' }],
    escalations: [{ eventId: 'e', at: '2026-11-21T02:00:00Z', toLevel: 'police:210000', message: '报请上级督办' }],
  };
  const ascii = /^[\x20-\x7e]*$/;
  it("the owing office's item: rule title, due date, and each press / escalation as a Chinese and an English sentence", () => {
    const v = inboxItemView(item({ ...base, agencyId: 'police:210100', role: 'owes', owingAgencyId: 'police:210100' }));
    expect(v).toMatchObject({
      role: 'owes',
      owingAgencyId: 'police:210100',
      ruleTitle: { en: expect.stringMatching(ascii) },
      due: { zh: expect.any(String), en: expect.stringMatching(ascii) },
    });
    expect(v.presses[0]!.text.zh).toMatch(/^督办人员催办.+：请于今日内作出决定。$/);
    expect(v.presses[0]!.text.en).toMatch(/^a supervisor pressed [\x20-\x7e]+: 请于今日内作出决定。$/);
    expect(v.escalations[0]!.text.zh).toMatch(/^督办人员报请.+督办：报请上级督办$/);
    expect(v.escalations[0]!.text.en).toMatch(/^a supervisor escalated to [\x20-\x7e]+: 报请上级督办$/);
    expect(v.escalations[0]!.toName.en).toMatch(ascii);
  });
  it('a press of supervision.pressed v2 names the pressing office; one of v1 does not', () => {
    const pressedBy = {
      eventId: 'p2',
      at: '2026-11-21T03:00:00Z',
      message: '请尽快',
      byAgencyId: 'procuratorate:210100',
    };
    const v = inboxItemView(
      item({ ...base, presses: [...base.presses, pressedBy], agencyId: 'police:210100', role: 'owes' }),
    );
    expect(v.presses[0]).toMatchObject({ byName: null });
    expect(v.presses[0]!.text.zh).toMatch(/^督办人员催办/);
    const named = v.presses[1]!;
    expect(named.byName!.zh).toMatch(/检察院/);
    expect(named.text.zh).toBe(`${named.byName!.zh}督办人员催办${v.agencyName.zh}：请尽快`);
    expect(named.text.en).toBe(`a supervisor of ${named.byName!.en} pressed ${v.agencyName.en}: 请尽快`);
  });
  it("the superior office's item says it supervises the step the office below owes", () => {
    const v = inboxItemView(
      item({
        ...base,
        agencyId: 'police:210000',
        role: 'supervises',
        owingAgencyId: 'police:210100',
        missedAt: new Date(),
      }),
    );
    expect(v).toMatchObject({ role: 'supervises', owingAgencyId: 'police:210100', status: 'missed' });
    expect(v.owingAgencyName!.en).not.toBe(v.agencyName.en);
    expect(v.text.en).toContain(v.owingAgencyName!.en);
  });
});

// Kept case (session 4 trial): the inbox showed the end of an announcement ("≥ 30 days", a minimum period) as a
// deadline to act by ("… 24:00 前"). It is the earliest moment of the next act.
describe('an announcement (a minimum period) is not shown as a deadline', () => {
  const at = (ruleId: string) =>
    inboxItemView(
      item({
        id: 'i',
        stepId: `s/${ruleId}`,
        ruleId,
        subjectId: 's',
        linkedCaseId: 'c',
        variant: 'standard',
        agencyId: 'procuratorate:210100',
        role: 'owes',
        owingAgencyId: 'procuratorate:210100',
        dueAt: new Date('2026-12-31T16:00:00Z'),
        lastDay: '2026-12-31',
        presses: [],
        escalations: [],
        readAt: null,
      }),
    );
  it.each(['pil.civil-announcement', 'edc.confirmation-announcement', 'court.settlement-announcement'])(
    '%s: "期满，此后方可" / "not before"',
    (ruleId) => {
      const v = at(ruleId);
      expect(v.periodKind).toBe('minimum');
      expect(v.due).toEqual({
        zh: '2026年12月31日 24:00 期满，此后方可进行下一步',
        en: 'runs until 24:00 on 31 Dec 2026; the next act not before',
      });
    },
  );
  it('a deadline keeps "前" / "by"', () => {
    const v = at('pil.agency-reply');
    expect(v.periodKind).toBe('deadline');
    expect(v.due).toEqual({ zh: '2026年12月31日 24:00 前', en: 'by 24:00 on 31 Dec 2026' });
  });
});

import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { isDecisionDue, isReviewInterval, JointListRequest, JointMeetingRequest } from './dto';

const refused = async (cls: new () => object, body: object): Promise<string[]> =>
  (await validate(plainToInstance(cls, body))).flatMap((e) => [
    ...Object.values(e.constraints ?? {}),
    ...(e.children ?? []).flatMap((c) => (c.children ?? []).flatMap((g) => Object.values(g.constraints ?? {}))),
  ]);

describe('joint supervision requests: the review interval bounded, a decision due in the future and as given', () => {
  it('review intervals up to six months are accepted, longer ones (P999M) refused', async () => {
    expect(['P1D', 'P14D', 'P183D', 'P2W', 'P26W', 'P1M', 'P6M'].map(isReviewInterval)).toEqual(Array(7).fill(true));
    expect(['P184D', 'P27W', 'P7M', 'P999M', 'P0D', 'P1Y', '14 days', 12].map(isReviewInterval)).toEqual(
      Array(8).fill(false),
    );
    expect(await refused(JointListRequest, { reviewInterval: 'P999M', reason: '重大案件' })).toEqual([
      'reviewInterval must be like P14D, P2W or P1M, at most six months (P183D, P26W, P6M)',
    ]);
    expect(await refused(JointListRequest, { reviewInterval: 'P6M', reason: '重大案件' })).toEqual([]);
  });

  it('a decision due in the past or off the whole hour is refused; a future whole hour is kept', async () => {
    const now = Date.parse('2026-12-06T08:00:00Z');
    expect(isDecisionDue('2027-01-10T17:00:00+08:00', now)).toBe(true);
    expect(isDecisionDue('2026-12-06T08:00:00Z', now)).toBe(false); // now is not ahead
    expect(isDecisionDue('2026-01-10T17:00:00+08:00', now)).toBe(false);
    expect(isDecisionDue('2027-01-10T17:30:00+08:00', now)).toBe(false);
    // not unbounded: 3 years ahead at most (policy default)
    expect(isDecisionDue('2029-12-06T17:00:00+08:00', now)).toBe(true);
    expect(isDecisionDue('2030-01-10T17:00:00+08:00', now)).toBe(false);
    expect(isDecisionDue('9999-01-10T17:00:00+08:00', now)).toBe(false);
    const meeting = (dueAt: string) => ({
      minutes: '联席会议纪要',
      decisions: [{ text: '补充鉴定', ownerAgencyId: 'police:210100', dueAt }],
    });
    expect(await refused(JointMeetingRequest, meeting('2020-01-10T17:00:00+08:00'))).toEqual([
      'dueAt must lie in the future (at most 3 years ahead) and on the whole hour, such as 2027-01-10T17:00:00+08:00',
    ]);
    expect(
      await refused(JointMeetingRequest, meeting(`${new Date().getUTCFullYear() + 2}-01-10T17:00:00+08:00`)),
    ).toEqual([]);
  });
});

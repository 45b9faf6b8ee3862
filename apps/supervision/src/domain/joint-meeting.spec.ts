import { repeatsMeeting, type RecordedMeeting } from './joint-meeting';

describe('joint meetings: the same meeting twice is one meeting', () => {
  const decision = { text: '公安机关完成补充鉴定', ownerAgencyId: 'police:210100', dueAt: '2027-01-10T17:00:00+08:00' };
  const last: RecordedMeeting = { round: 1, minutes: '纪要', decisions: [{ decisionId: 'd1', ...decision }] };

  it('same minutes and decisions (due instant in another offset) repeat the last meeting', () => {
    expect(repeatsMeeting(last, { minutes: '纪要', decisions: [{ ...decision, dueAt: '2027-01-10T09:00:00Z' }] })).toBe(
      true,
    );
  });

  it('other minutes, another decision, another due instant or no meeting yet are a new meeting', () => {
    expect(repeatsMeeting(null, { minutes: '纪要', decisions: [decision] })).toBe(false);
    expect(repeatsMeeting(last, { minutes: '纪要二', decisions: [decision] })).toBe(false);
    expect(repeatsMeeting(last, { minutes: '纪要', decisions: [decision, decision] })).toBe(false);
    expect(
      repeatsMeeting(last, { minutes: '纪要', decisions: [{ ...decision, ownerAgencyId: 'police:210200' }] }),
    ).toBe(false);
    expect(
      repeatsMeeting(last, { minutes: '纪要', decisions: [{ ...decision, dueAt: '2027-01-10T18:00:00+08:00' }] }),
    ).toBe(false);
  });
});

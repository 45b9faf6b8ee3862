import { Harness, ev } from '../testing/decider-harness';
import {
  initialNotificationModel,
  notificationDecider,
  notificationOwners,
  roleOf,
  SUSPECTED_CRIME_RULE,
  type NotificationModel,
} from './notification.decider';

const ENF = 'enforcement:210100';
const POLICE = 'police:210100';
const PROC = 'procuratorate:210100';
const ID = '0190f7a2-0000-7000-8000-000000000001';

const notification = () => new Harness<NotificationModel>(notificationDecider, initialNotificationModel());
const notified = (kind: 'suspected-crime' | 'development', recipients = [POLICE, PROC]) =>
  ev('notification.case-notified', { notificationId: ID, recipients, kind, content: '检查发现暗管排放' }, ENF);
const ack = (by: string) => ev('notification.acknowledged', { notificationId: ID }, by);

describe('case notification decider (notification.suspected-crime, E17 art 26)', () => {
  it('a suspected crime opens one keyed step per recipient, owed by that recipient', () => {
    const h = notification();
    const e = notified('suspected-crime');
    h.when(e);
    expect(h.actions).toEqual([
      {
        kind: 'open',
        ruleId: SUSPECTED_CRIME_RULE,
        key: POLICE,
        role: 'police',
        owner: { kind: 'agency', agencyId: POLICE },
        from: e.occurredAt,
      },
      {
        kind: 'open',
        ruleId: SUSPECTED_CRIME_RULE,
        key: PROC,
        role: 'procuratorate',
        owner: { kind: 'agency', agencyId: PROC },
        from: e.occurredAt,
      },
    ]);
    expect(h.model).toMatchObject({ phase: 'open', recipients: [POLICE, PROC], acknowledged: [] });
    expect(h.when(notified('suspected-crime'))).toMatchObject({ kind: 'ignore' });
  });

  it('each acknowledgement closes its own step; the last one finishes the notification', () => {
    const h = notification().given(notified('suspected-crime'));
    const first = ack(POLICE);
    h.when(first);
    expect(h.actions).toEqual([{ kind: 'close', ruleId: SUSPECTED_CRIME_RULE, key: POLICE, at: first.occurredAt }]);
    expect(notificationDecider.isFinished(h.model)).toBe(false);
    expect(h.when(ack(POLICE))).toMatchObject({ kind: 'ignore', reason: `${POLICE} already acknowledged` });
    h.when(ack(PROC));
    expect(h.model.phase).toBe('all-acknowledged');
    expect(notificationDecider.isFinished(h.model)).toBe(true);
  });

  it("the police's preliminary inquiry acknowledges too", () => {
    const h = notification().given(notified('suspected-crime', [POLICE]));
    const inquiry = ev('notification.inquiry-opened', { notificationId: ID, inquiryId: ID }, POLICE);
    h.when(inquiry);
    expect(h.actions).toEqual([{ kind: 'close', ruleId: SUSPECTED_CRIME_RULE, key: POLICE, at: inquiry.occurredAt }]);
    expect(notificationDecider.isFinished(h.model)).toBe(true);
  });

  it('a development runs no clock: acknowledgements are recorded, nothing opens or closes', () => {
    const h = notification();
    h.when(notified('development'));
    h.when(ack(POLICE));
    h.when(ack(PROC));
    expect(h.actions).toEqual([]);
    expect(h.model).toMatchObject({ ruleId: null, phase: 'all-acknowledged' });
  });

  it('the sender is never its own recipient; a stranger cannot acknowledge; an early acknowledgement waits', () => {
    expect(notification().when(ack(POLICE))).toMatchObject({ kind: 'defer' });
    const h = notification();
    h.when(notified('suspected-crime', [ENF, POLICE]));
    expect(h.model.recipients).toEqual([POLICE]);
    expect(h.when(ack('police:210200'))).toMatchObject({ kind: 'ignore', reason: 'police:210200 is not a recipient' });
    expect(h.when(ev('transfer.sent', {}))).toMatchObject({ kind: 'ignore' });
  });

  it('roles and owners by agency kind', () => {
    expect([roleOf(ENF), roleOf(POLICE), roleOf(PROC), roleOf('court:210100')]).toEqual([
      'enforcement',
      'police',
      'procuratorate',
      'procuratorate',
    ]);
    expect(notificationOwners({ senderAgencyId: 'police:210102', region: '210102' })).toEqual({
      enforcement: 'enforcement:210102',
      police: 'police:210102',
      procuratorate: 'procuratorate:210102',
    });
    expect(notificationDecider.onMissed(h0(), SUSPECTED_CRIME_RULE, '', ctx0(), POLICE)).toBeNull();
  });
});

function h0(): NotificationModel {
  return initialNotificationModel();
}
function ctx0() {
  return { isOpen: () => false, patched: () => true };
}

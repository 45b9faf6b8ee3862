import { judgeAct } from '../kit';
import {
  acknowledgementRule,
  evolveNotification,
  notificationParties,
  recipientActs,
  recipientOf,
  RECIPIENT_ACT_RULES,
  type NotificationEvent,
  type NotificationView,
} from './notification.flow';

const ENF = 'enforcement:210100';
const POLICE = 'police:210100';
const PROC = 'procuratorate:210100';
const ID = '0190f7a2-0000-7000-8000-000000000001';

let t = Date.parse('2025-09-22T09:00:00+08:00');
const at = () => new Date((t += 3_600_000)).toISOString();
const notified = (kind: 'suspected-crime' | 'development' = 'suspected-crime'): NotificationEvent => ({
  type: 'notification.case-notified',
  occurredAt: at(),
  producer: { agencyId: ENF },
  payload: { notificationId: ID, recipients: [POLICE, PROC], kind, content: '暗管排放' },
});
const ack = (by: string, occurredAt = at()): NotificationEvent => ({
  type: 'notification.acknowledged',
  occurredAt,
  producer: { agencyId: by },
  payload: { notificationId: ID },
});
const inquiry = (by: string): NotificationEvent => ({
  type: 'notification.inquiry-opened',
  occurredAt: at(),
  producer: { agencyId: by },
  payload: { notificationId: ID, inquiryId: ID },
});
const fold = (...events: NotificationEvent[]) =>
  events.reduce<NotificationView | null>((v, e) => evolveNotification(v, e, 'case-1'), null);

describe('notification flow (案情通报)', () => {
  it('given a notification, its parties are the sender and the recipients, each owing an acknowledgement', () => {
    const v = fold(notified())!;
    expect(notificationParties(v)).toEqual([ENF, POLICE, PROC]);
    expect(v).toMatchObject({ phase: 'open', ruleId: 'notification.suspected-crime', linkedCaseId: 'case-1' });
    expect(v.recipients.map((r) => r.phase)).toEqual(['notified', 'notified']);
  });

  it('when every recipient acknowledged (the police by opening an inquiry), then it is all-acknowledged', () => {
    const v = fold(notified(), inquiry(POLICE), ack(PROC))!;
    expect(recipientOf(v, POLICE)).toMatchObject({ phase: 'inquiry-opened', inquiryId: ID });
    expect(recipientOf(v, POLICE)!.acknowledgedAt).not.toBeNull();
    expect(recipientOf(v, PROC)).toMatchObject({ phase: 'acknowledged' });
    expect(v.phase).toBe('all-acknowledged');
  });

  it('an acknowledgement by a stranger, a repeat, or before the notification changes nothing', () => {
    const v = fold(notified(), ack(POLICE))!;
    expect(evolveNotification(v, ack('police:210200'))).toEqual(v);
    expect(evolveNotification(v, ack(POLICE))).toEqual(v);
    expect(evolveNotification(null, ack(POLICE))).toBeNull();
    expect(evolveNotification(v, notified())).toBe(v);
  });

  it('the acts: acknowledge once while notified; only the police open an inquiry', () => {
    expect(judgeAct(RECIPIENT_ACT_RULES, 'acknowledge', { phase: 'notified' })).toBe('allowed');
    expect(judgeAct(RECIPIENT_ACT_RULES, 'acknowledge', { phase: 'acknowledged', previousPhase: 'notified' })).toBe(
      'already-done',
    );
    expect(judgeAct(RECIPIENT_ACT_RULES, 'open-inquiry', { phase: 'acknowledged' })).toBe('allowed');
    expect(judgeAct(RECIPIENT_ACT_RULES, 'open-inquiry', { phase: 'inquiry-opened' })).toBe('already-done');
    expect(recipientActs('procuratorate')['open-inquiry'].by).toBe('police');
    expect(recipientActs('procuratorate').acknowledge.by).toBe('procuratorate');
  });

  it('a suspected crime runs notification.suspected-crime; a development runs no clock', () => {
    expect(acknowledgementRule('suspected-crime')).toBe('notification.suspected-crime');
    expect(acknowledgementRule('development')).toBeNull();
    expect(fold(notified('development'))!.ruleId).toBeNull();
  });
});

import { Topics } from '@casebridge/contracts';
import { validateMessagingOptions, type MessagingOptions } from './messaging.options';

const valid: MessagingOptions = {
  brokers: ['127.0.0.1:9092'],
  clientId: 'police-api',
  producer: { kind: 'police', agencyId: 'police:210100' },
  consumer: { groupId: 'police', topics: [Topics.enforcement] },
};

describe('validateMessagingOptions', () => {
  it('accepts a valid configuration', () => {
    expect(validateMessagingOptions(valid)).toBe(valid);
    expect(() =>
      validateMessagingOptions({ ...valid, producer: { kind: 'workflow', agencyId: 'workflow' }, consumer: undefined }),
    ).not.toThrow();
  });

  it('lists every problem at once', () => {
    const bad = {
      brokers: [],
      clientId: '',
      producer: { kind: 'police', agencyId: 'enforcement:210100' },
      topicSuffix: 'a b',
      consumer: { groupId: '', topics: ['casebridge.police.events'] },
      retry: { attempts: 0 },
    } as unknown as MessagingOptions;
    let message = '';
    try {
      validateMessagingOptions(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    for (const expected of [
      'brokers',
      'clientId',
      'producer.agencyId',
      'topicSuffix',
      'consumer.groupId',
      'consumer.topics',
      'retry.attempts',
    ]) {
      expect(message).toContain(expected);
    }
  });
});

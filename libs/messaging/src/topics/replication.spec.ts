import { topicReplicationFactor } from './replication';

describe('topicReplicationFactor', () => {
  it('is 1 when unset or empty (the single-node broker)', () => {
    expect(topicReplicationFactor({})).toBe(1);
    expect(topicReplicationFactor({ CASEBRIDGE_KAFKA_REPLICATION_FACTOR: '' })).toBe(1);
  });

  it('reads CASEBRIDGE_KAFKA_REPLICATION_FACTOR (3 for the 3-node profile)', () => {
    expect(topicReplicationFactor({ CASEBRIDGE_KAFKA_REPLICATION_FACTOR: '3' })).toBe(3);
  });

  it.each(['0', '-1', '2.5', 'three'])('refuses %s', (raw) => {
    expect(() => topicReplicationFactor({ CASEBRIDGE_KAFKA_REPLICATION_FACTOR: raw })).toThrow(
      /must be a positive integer/,
    );
  });
});

import { ALL_TOPICS, Topics } from '@casebridge/contracts';
import { TopicNames } from './topic-names';

describe('TopicNames', () => {
  it('keeps the contract names without a suffix', () => {
    const names = new TopicNames();
    expect(names.resolve(Topics.police)).toBe('casebridge.police.events.v1');
    expect(names.forProducer('court')).toBe(Topics.court);
    expect(names.deadLetter).toBe(Topics.deadLetter);
    expect(names.all()).toEqual([...ALL_TOPICS]);
    expect(new TopicNames({ suffix: '' }).suffix).toBeUndefined();
  });

  it('appends the isolation suffix to every topic', () => {
    const names = new TopicNames({ suffix: 'e2e-1a2b' });
    expect(names.resolve(Topics.enforcement)).toBe('casebridge.enforcement.events.v1.e2e-1a2b');
    expect(names.forProducer('workflow')).toBe('casebridge.workflow.events.v1.e2e-1a2b');
    expect(names.deadLetter).toBe('casebridge.dead-letter.v1.e2e-1a2b');
    expect(names.all().every((t) => t.endsWith('.e2e-1a2b'))).toBe(true);
  });

  it('maps a real name back to its base topic', () => {
    const names = new TopicNames({ suffix: 'x1' });
    expect(names.baseOf('casebridge.court.events.v1.x1')).toBe(Topics.court);
    expect(names.baseOf('casebridge.court.events.v1')).toBeUndefined();
  });

  it('refuses suffixes Kafka would refuse and topics outside the contracts', () => {
    expect(() => new TopicNames({ suffix: 'a b' })).toThrow(/invalid topic suffix/);
    expect(() => new TopicNames({ suffix: 'x/y' })).toThrow(/invalid topic suffix/);
    expect(() => new TopicNames({ suffix: 'a'.repeat(101) })).toThrow(/invalid topic suffix/);
    expect(() => new TopicNames().resolve('casebridge.unknown.v1' as never)).toThrow(/not a CaseBridge topic/);
  });
});

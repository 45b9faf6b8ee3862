import { configureFailpoints, failpoint, FailpointError, parseFailpoints } from './failpoint';

describe('failpoints (test-only)', () => {
  afterEach(() => configureFailpoints(''));

  it('parses names with probability, skip and action', () => {
    const rules = parseFailpoints('relay:after-send?p=0.25&skip=3; consumer:after-effect');
    expect(rules.get('relay:after-send')).toEqual({ probability: 0.25, skip: 3, action: 'kill' });
    expect(rules.get('consumer:after-effect')).toEqual({ probability: 1, skip: 0, action: 'kill' });
    expect(parseFailpoints(undefined).size).toBe(0);
    expect(parseFailpoints('  ').size).toBe(0);
  });

  it('refuses unknown names and bad controls (a typo must not silently disarm a crash test)', () => {
    expect(() => parseFailpoints('relay:after-sned')).toThrow(/unknown failpoint/);
    expect(() => parseFailpoints('relay:after-send?p=2')).toThrow(/p must be/);
    expect(() => parseFailpoints('relay:after-send?skip=-1')).toThrow(/skip must be/);
    expect(() => parseFailpoints('relay:after-send?action=explode')).toThrow(/action must be/);
    expect(() => parseFailpoints('relay:after-send?every=2')).toThrow(/unknown control/);
  });

  it('is inert when not configured', () => {
    configureFailpoints('');
    expect(() => failpoint('relay:after-send')).not.toThrow();
  });

  it('fires after the skipped hits, subject to the probability', () => {
    configureFailpoints('consumer:after-effect?skip=2&action=throw');
    failpoint('consumer:after-effect');
    failpoint('consumer:after-effect');
    failpoint('relay:after-send'); // not armed
    expect(() => failpoint('consumer:after-effect')).toThrow(FailpointError);

    configureFailpoints('consumer:after-effect?p=0.5&action=throw');
    expect(() => failpoint('consumer:after-effect', () => 0.7)).not.toThrow();
    expect(() => failpoint('consumer:after-effect', () => 0.2)).toThrow(/consumer:after-effect fired/);
  });
});

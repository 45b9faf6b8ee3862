import { ceilToHour, endOfLocalDay, formatInstant, localDateOf, parseInstant } from './instant';
import { InvalidInstantError } from '../errors';

describe('instants at Asia/Shanghai (+08:00)', () => {
  it('parses offsets and formats at +08:00', () => {
    expect(formatInstant(parseInstant('2025-09-30T10:20:00+08:00'))).toBe('2025-09-30T10:20:00+08:00');
    expect(formatInstant(parseInstant('2025-09-30T02:20:00Z'))).toBe('2025-09-30T10:20:00+08:00');
    expect(formatInstant(parseInstant('2025-09-29T21:20:00-05:00'))).toBe('2025-09-30T10:20:00+08:00');
    expect(formatInstant(parseInstant('2025-09-30T10:20+08:00'))).toBe('2025-09-30T10:20:00+08:00');
    expect(formatInstant(parseInstant('2025-09-30T10:20:00.5+08:00'))).toBe('2025-09-30T10:20:00.500+08:00');
  });

  it('takes the local date in Shanghai, not UTC', () => {
    // 2025-09-30T17:30Z is 2025-10-01 01:30 in Shanghai
    expect(localDateOf(parseInstant('2025-09-30T17:30:00Z'))).toBe('2025-10-01');
    expect(formatInstant(endOfLocalDay('2025-10-09'))).toBe('2025-10-10T00:00:00+08:00');
  });

  it('rounds up to the next whole hour', () => {
    expect(formatInstant(ceilToHour(parseInstant('2025-09-30T10:20:00+08:00')))).toBe('2025-09-30T11:00:00+08:00');
    expect(formatInstant(ceilToHour(parseInstant('2025-09-30T10:00:00+08:00')))).toBe('2025-09-30T10:00:00+08:00');
    expect(formatInstant(ceilToHour(parseInstant('2025-09-30T10:00:01+08:00')))).toBe('2025-09-30T11:00:00+08:00');
  });

  it.each([
    ['2025-09-30T10:00:00', /missing UTC offset/],
    ['2025-09-30', /expected ISO-8601/],
    ['2025-02-30T10:00:00+08:00', /no such day/],
    ['2025-09-30T24:00:00+08:00', /time out of range/],
    ['30/09/2025 10:00', /expected ISO-8601/],
    ['2025-09-30T10:00:00+25:00', /offset out of range/],
    ['0000-01-01T00:00:00Z', /year before 1900/],
    ['0099-06-01T00:00:00Z', /year before 1900/],
    ['1899-12-31T23:59:59Z', /year before 1900/],
  ])('rejects %s', (input, message) => {
    expect(() => parseInstant(input)).toThrow(InvalidInstantError);
    expect(() => parseInstant(input)).toThrow(message);
  });
});

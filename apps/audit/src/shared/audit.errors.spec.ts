import { DomainError } from '@casebridge/contracts';
import { assertLinkedCaseId, parseAsOf, parseExportFormat } from './audit.errors';

const code = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? `${e.code}/${e.kind}` : 'not-a-domain-error';
  }
};

describe('audit input parsing (4xx with stable codes, never a crash)', () => {
  it.each<[string, string]>([
    ['2026-11-20T10:30:00+08:00', '2026-11-20T02:30:00.000Z'],
    ['2026-11-20T02:30:00Z', '2026-11-20T02:30:00.000Z'],
    ['2026-11-20T02:30:00.123456Z', '2026-11-20T02:30:00.123Z'],
    ['2026-11-20T10:30+0800', '2026-11-20T02:30:00.000Z'],
    ['2026-11-20T10:30:00 08:00', '2026-11-20T02:30:00.000Z'], // an unencoded + arrives as a space
  ])('asOf %s → %s', (input, iso) => {
    expect(parseAsOf(input).toISOString()).toBe(iso);
  });

  it.each([
    'yesterday',
    '2026-11-20',
    '2026-11-20T10:30:00',
    '2026-13-40T10:30:00Z',
    '1',
    'x'.repeat(500),
    '2026-02-30T10:00+08:00', // attack #8: answered as of 2 March before
    '0000-01-01T00:00:00Z',
    '2026-04-31T10:00:00+08:00',
    '2025-02-29T00:00:00Z',
    '2026-11-20T24:00:00Z',
  ])('asOf %s → AUDIT.BAD_AS_OF', (input) => {
    expect(code(() => parseAsOf(input))).toBe('AUDIT.BAD_AS_OF/invalid');
  });

  it('the hint fits where the value came from: a URL query or the command line', () => {
    expect(() => parseAsOf('2026-11-20T10:30:00')).toThrow(/asOf .*%2B in a URL/);
    expect(() => parseAsOf('2026-11-20T10:30:00', new Date(), 'command-line')).toThrow(
      /^--as-of must be .*\(got "2026-11-20T10:30:00"\)\.$/,
    );
  });

  it('asOf defaults to now; ids and formats are checked', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    expect(parseAsOf(undefined, now)).toBe(now);
    expect(code(() => assertLinkedCaseId('0197a1c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d'))).toBeNull();
    expect(code(() => assertLinkedCaseId("1' OR 1=1"))).toBe('AUDIT.BAD_LINKED_CASE_ID/invalid');
    expect(parseExportFormat(undefined)).toBe('jsonl');
    expect(code(() => parseExportFormat('pdf'))).toBe('AUDIT.BAD_FORMAT/invalid');
  });
});

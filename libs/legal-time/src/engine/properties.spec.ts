/**
 * Property tests (fast-check) over the whole rule book and the covered calendar years.
 */
import fc from 'fast-check';
import { computeDeadline } from './compute';
import { chineseDaysCalendar } from '../calendar/chinese-days.calendar';
import { ALL_RULES } from '../rules/index';
import { CountablePeriod, Rule, RuleVariant } from '../rules/types';
import { addDays, fromDayNumber, toDayNumber, MS_PER_DAY, MS_PER_MINUTE } from '../time/civil-date';
import { formatInstant, parseInstant, startOfLocalDay } from '../time/instant';

const calendar = chineseDaysCalendar();
// Starts from 2004-01-01 to 2025-10-31 keep every end (longest: 12 months + holiday) inside 2004–2026.
const FIRST_DAY = toDayNumber('2004-01-01');
const LAST_DAY = toDayNumber('2025-10-31');
const MINUTES_PER_DAY = MS_PER_DAY / MS_PER_MINUTE;

const instantBetween = (firstDay: number, lastDay: number) =>
  fc
    .tuple(fc.integer({ min: firstDay, max: lastDay }), fc.integer({ min: 0, max: MINUTES_PER_DAY - 1 }))
    .map(([day, minute]) => formatInstant(startOfLocalDay(fromDayNumber(day)) + minute * MS_PER_MINUTE));
const instantArb = instantBetween(FIRST_DAY, LAST_DAY);
// With up to 4 × 80 days of suspension on top of 12 months, start by 2024-12-31 to stay inside 2026.
const suspendedInstantArb = instantBetween(FIRST_DAY, toDayNumber('2024-12-31'));

const pairs: { rule: Rule; variant: RuleVariant }[] = ALL_RULES.flatMap((rule) =>
  rule.variants.map((variant) => ({ rule, variant })),
);
const forward = pairs.filter(
  ({ variant }) => (variant.kind ?? 'deadline') !== 'lead-time' && variant.period.unit !== 'set-per-case',
);
const dayBased = forward.filter(({ variant }) =>
  ['days', 'workingDays', 'months', 'composite'].includes(variant.period.unit),
);

const compute = (rule: Rule, variant: string, from: string) => computeDeadline(rule, { variant, from, calendar });

describe('properties', () => {
  it('day-based rules: the last day is always a working day (non-custody rules)', () => {
    expect(dayBased.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(fc.constantFrom(...dayBased), instantArb, ({ rule, variant }, from) => {
        const d = compute(rule, variant.name, from);
        expect(rule.custody).toBe(false);
        expect(calendar.isWorkingDay(d.lastDay)).toBe(true);
        expect(d.dueAt).toBe(`${addDays(d.lastDay, 1)}T00:00:00+08:00`);
        // Every day jumped over by the holiday extension is a non-working day.
        for (const shift of d.explain.shifts) {
          for (const day of shift.skipped) expect(calendar.isWorkingDay(day)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('every forward rule: dueAt is never before from', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forward), instantArb, ({ rule, variant }, from) => {
        const d = compute(rule, variant.name, from);
        expect(d.dueAtEpochMs).toBeGreaterThanOrEqual(parseInstant(from));
      }),
      { numRuns: 500 },
    );
  });

  const unitArb = fc.constantFrom<'hours' | 'days' | 'workingDays' | 'months'>(
    'hours',
    'days',
    'workingDays',
    'months',
  );
  const syntheticRule = (period: CountablePeriod): Rule => ({
    ...ALL_RULES[0],
    id: 'property.synthetic',
    variants: [{ name: 'standard', period, description: 'synthetic' }],
  });

  it('monotonic: a longer period never gives an earlier due date', () => {
    fc.assert(
      fc.property(
        unitArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 20 }),
        instantArb,
        (unit, amount, more, from) => {
          // Month periods stay ≤ 11 months so every end lies inside the covered years.
          const [short, extra] = unit === 'months' ? [1 + (amount % 6), 1 + (more % 5)] : [amount, more];
          const shorter = computeDeadline(syntheticRule({ unit, amount: short }), { from, calendar });
          const longer = computeDeadline(syntheticRule({ unit, amount: short + extra }), { from, calendar });
          expect(longer.dueAtEpochMs).toBeGreaterThanOrEqual(shorter.dueAtEpochMs);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('suspension never shortens, and more suspension never shortens either', () => {
    const suspensionArb = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 60 * MINUTES_PER_DAY }), fc.integer({ min: 0, max: 20 * MINUTES_PER_DAY })),
      { minLength: 1, maxLength: 4 },
    );
    const suspendable = dayBased.concat(forward.filter(({ variant }) => variant.period.unit === 'hours'));
    fc.assert(
      fc.property(
        fc.constantFrom(...suspendable),
        suspendedInstantArb,
        suspensionArb,
        ({ rule, variant }, from, raw) => {
          const start = parseInstant(from);
          // Build chronological, non-overlapping suspensions from (gap, length) pairs, in minutes.
          let cursor = start;
          const suspensions = raw.map(([gap, length]) => {
            const s = cursor + gap * MS_PER_MINUTE;
            const r = s + length * MS_PER_MINUTE;
            cursor = r;
            return { from: formatInstant(s), to: formatInstant(r) };
          });
          const plain = compute(rule, variant.name, from);
          let previous = plain.dueAtEpochMs;
          for (let n = 1; n <= suspensions.length; n++) {
            const d = computeDeadline(rule, {
              variant: variant.name,
              from,
              calendar,
              suspensions: suspensions.slice(0, n),
            });
            expect(d.dueAtEpochMs).toBeGreaterThanOrEqual(previous);
            previous = d.dueAtEpochMs;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * The engine: a rule book and a holiday calendar bound together.
 *
 *   const engine = createDeadlineEngine();                       // built-in rules + chinese-days
 *   engine.compute({ rule: 'transfer.filing-review', from: '2025-09-30T10:00:00+08:00' });
 *   engine.startClock({ rule: 'penalty.decision-period', at: '2025-03-03T09:00:00+08:00' }).suspend(...)
 */
import { HolidayCalendar, withProvisionalYears } from '../calendar/holiday-calendar';
import { chineseDaysCalendar } from '../calendar/chinese-days.calendar';
import { RuleBook, RuleBookConfig, createRuleBook } from '../rules/rule-book';
import { Period } from '../rules/types';
import { InstantInput } from '../time/instant';
import { ClockState, DeadlineClock } from './clock';
import { SuspensionInput, computeDeadline } from './compute';
import { ComputedDeadline } from './types';

export interface DeadlineEngineOptions {
  /** A rule book, or the configuration to build one (policy/unverified overrides, extra rules). */
  readonly ruleBook?: RuleBook | RuleBookConfig;
  /** Default: chineseDaysCalendar(). */
  readonly calendar?: HolidayCalendar;
  /**
   * A year the calendar does not know: 'error' (default) throws CalendarNotCoveredError; 'provisional'
   * counts it on the statutory floor (weekends + the holidays fixed by law, see statutory-floor.ts) and
   * flags the result with `provisionalYears` (services that must keep running; the CLI's --provisional).
   */
  readonly uncoveredYears?: 'error' | 'provisional';
}

export interface DeadlineRequest {
  readonly rule: string;
  readonly variant?: string;
  readonly from: InstantInput;
  readonly casePeriod?: Period;
  readonly suspensions?: readonly SuspensionInput[];
}

export interface ClockRequest {
  readonly rule: string;
  readonly variant?: string;
  readonly at: InstantInput;
  readonly casePeriod?: Period;
}

export interface DeadlineEngine {
  readonly ruleBook: RuleBook;
  readonly calendar: HolidayCalendar;
  compute(request: DeadlineRequest): ComputedDeadline;
  startClock(request: ClockRequest): DeadlineClock;
  restoreClock(state: ClockState): DeadlineClock;
}

function isRuleBook(value: RuleBook | RuleBookConfig): value is RuleBook {
  return typeof (value as RuleBook).get === 'function';
}

export function createDeadlineEngine(options: DeadlineEngineOptions = {}): DeadlineEngine {
  const ruleBook =
    options.ruleBook && isRuleBook(options.ruleBook) ? options.ruleBook : createRuleBook(options.ruleBook ?? {});
  const base = options.calendar ?? chineseDaysCalendar();
  const calendar = options.uncoveredYears === 'provisional' ? withProvisionalYears(base) : base;
  return {
    ruleBook,
    calendar,
    compute: (request) =>
      computeDeadline(ruleBook.get(request.rule), {
        variant: request.variant,
        from: request.from,
        calendar,
        casePeriod: request.casePeriod,
        suspensions: request.suspensions,
      }),
    startClock: (request) =>
      DeadlineClock.start({
        rule: ruleBook.get(request.rule),
        at: request.at,
        variant: request.variant,
        casePeriod: request.casePeriod,
        calendar,
      }),
    restoreClock: (state) => DeadlineClock.restore(state, ruleBook.get(state.ruleId), calendar),
  };
}

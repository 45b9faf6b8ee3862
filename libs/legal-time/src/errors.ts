/**
 * Errors of the statutory-deadline engine. Every error carries a stable `code` so callers (HTTP layer,
 * CLI, workflows) can map them without matching on messages.
 */
export type LegalTimeErrorCode =
  | 'CALENDAR_NOT_COVERED'
  | 'CALENDAR_DATA_INVALID'
  | 'INVALID_INSTANT'
  | 'INVALID_DATE'
  | 'UNKNOWN_RULE'
  | 'UNKNOWN_VARIANT'
  | 'STATUTORY_OVERRIDE'
  | 'INVALID_PERIOD'
  | 'PERIOD_NOT_SET'
  | 'RULE_BOOK_INVALID'
  | 'CLOCK_SEQUENCE'
  | 'CLOCK_SUSPENDED'
  | 'APPROVAL_REQUIRED'
  | 'EXTENSION_REFUSED';

export abstract class LegalTimeError extends Error {
  abstract readonly code: LegalTimeErrorCode;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A date falls in a year for which no holiday calendar is known: never guess, fail loudly. */
export class CalendarNotCoveredError extends LegalTimeError {
  readonly code = 'CALENDAR_NOT_COVERED' as const;
  constructor(
    readonly year: number,
    readonly date: string,
    readonly coveredYears: readonly number[],
  ) {
    const range = coveredYears.length ? `${coveredYears[0]}–${coveredYears[coveredYears.length - 1]}` : 'none';
    super(
      `no holiday calendar for year ${year} (needed for ${date}; covered years: ${range}); ` +
        `add the year's official arrangement as data (calendar.withYear / --calendar)`,
    );
  }
}

export class CalendarDataError extends LegalTimeError {
  readonly code = 'CALENDAR_DATA_INVALID' as const;
}

export class InvalidInstantError extends LegalTimeError {
  readonly code = 'INVALID_INSTANT' as const;
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`invalid instant ${JSON.stringify(input)}: ${reason}`);
  }
}

export class InvalidDateError extends LegalTimeError {
  readonly code = 'INVALID_DATE' as const;
  constructor(
    readonly input: string,
    reason = 'expected YYYY-MM-DD',
  ) {
    super(`invalid date ${JSON.stringify(input)}: ${reason}`);
  }
}

export class UnknownRuleError extends LegalTimeError {
  readonly code = 'UNKNOWN_RULE' as const;
  constructor(
    readonly ruleId: string,
    readonly suggestions: readonly string[],
  ) {
    super(
      `unknown rule ${JSON.stringify(ruleId)}` +
        (suggestions.length ? `; did you mean: ${suggestions.join(', ')}` : '; no rule has a similar id'),
    );
  }
}

export class UnknownVariantError extends LegalTimeError {
  readonly code = 'UNKNOWN_VARIANT' as const;
  constructor(
    readonly ruleId: string,
    readonly variant: string,
    readonly validVariants: readonly string[],
  ) {
    super(`unknown variant ${JSON.stringify(variant)} for rule ${ruleId}; valid variants: ${validVariants.join(', ')}`);
  }
}

/** Statutory periods are fixed by law: configuration may only change policy and unverified rows. */
export class StatutoryOverrideError extends LegalTimeError {
  readonly code = 'STATUTORY_OVERRIDE' as const;
  constructor(readonly ruleId: string) {
    super(`rule ${ruleId} is statutory: its period cannot be overridden by configuration`);
  }
}

export class InvalidPeriodError extends LegalTimeError {
  readonly code = 'INVALID_PERIOD' as const;
}

/** The rule's period is set case by case (e.g. joint-supervision) and none was supplied. */
export class PeriodNotSetError extends LegalTimeError {
  readonly code = 'PERIOD_NOT_SET' as const;
  constructor(readonly ruleId: string) {
    super(`rule ${ruleId} has no fixed period (set per case): pass casePeriod, or configure a default via overrides`);
  }
}

export class RuleBookError extends LegalTimeError {
  readonly code = 'RULE_BOOK_INVALID' as const;
}

export class ClockSequenceError extends LegalTimeError {
  readonly code = 'CLOCK_SEQUENCE' as const;
}

/** The deadline of a suspended clock is not determined until it resumes (use projectedDeadline). */
export class ClockSuspendedError extends LegalTimeError {
  readonly code = 'CLOCK_SUSPENDED' as const;
}

export class ApprovalRequiredError extends LegalTimeError {
  readonly code = 'APPROVAL_REQUIRED' as const;
}

export class ExtensionRefusedError extends LegalTimeError {
  readonly code = 'EXTENSION_REFUSED' as const;
}

/** Exhaustiveness guard for `switch` over discriminated unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

import { InvalidPeriodError, assertNever } from '../errors';
import { Period } from './types';

function positiveInteger(amount: unknown): boolean {
  return typeof amount === 'number' && Number.isInteger(amount) && amount > 0;
}

/** Throws InvalidPeriodError unless the period is well formed (positive integer amounts). */
export function validatePeriod(period: Period, where: string): void {
  const bad = (why: string): never => {
    throw new InvalidPeriodError(`${where}: invalid period ${JSON.stringify(period)}: ${why}`);
  };
  if (typeof period !== 'object' || period === null) bad('not an object');
  switch (period.unit) {
    case 'hours':
    case 'days':
    case 'workingDays':
    case 'months':
      if (!positiveInteger(period.amount)) bad('amount must be a positive integer');
      return;
    case 'composite':
      if (!Array.isArray(period.parts) || period.parts.length === 0) bad('composite needs parts');
      for (const part of period.parts) {
        if (part.unit !== 'days' && part.unit !== 'months') bad('composite parts are days or months');
        if (!positiveInteger(part.amount)) bad('amount must be a positive integer');
      }
      return;
    case 'simultaneous':
    case 'set-per-case':
      return;
    default:
      return assertNever(period, 'period unit');
  }
}

/** Human text, e.g. '3 days', '1 month + 15 days'. */
export function describePeriod(period: Period): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  switch (period.unit) {
    case 'hours':
      return plural(period.amount, 'hour');
    case 'days':
      return plural(period.amount, 'day');
    case 'workingDays':
      return plural(period.amount, 'working day');
    case 'months':
      return plural(period.amount, 'month');
    case 'composite':
      return period.parts.map(describePeriod).join(' + ');
    case 'simultaneous':
      return 'at the same time as the trigger';
    case 'set-per-case':
      return 'set per case';
    default:
      return assertNever(period, 'period unit');
  }
}

/**
 * Instants. CaseBridge counts in Asia/Shanghai, which is UTC+8 all year (China has had no DST since
 * 1991), so local dates are computed at a fixed +08:00 offset, independent of the machine time zone.
 * Nothing here reads the current time: instants are always passed in (Temporal-workflow safe).
 */
import { InvalidInstantError } from '../errors';
import {
  IsoDate,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  addDays,
  fromDayNumber,
  isValidDateParts,
  toDayNumber,
  MS_PER_DAY,
} from './civil-date';

/** Milliseconds since the Unix epoch. */
export type EpochMs = number;
/** What the public API accepts for an instant: ISO-8601 with an explicit offset ('Z' or ±HH:MM), or a Date. */
export type InstantInput = string | Date;

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
export const SHANGHAI_OFFSET_TEXT = '+08:00';
const SHANGHAI_OFFSET_MS = SHANGHAI_OFFSET_MINUTES * MS_PER_MINUTE;
const MAX_HOUR = 23;
const MAX_MINUTE = 59;
const MAX_SECOND = 59;
const MAX_OFFSET_HOURS = 14;
const MILLI_DIGITS = 3;
/**
 * Years an instant may have: 1900–9999. Below 1900 nothing of a case can have happened, and the event contracts'
 * ISO-8601 check (validator's strict mode, which reads years 0000–0099 as 1900–1999) refuses part of that range, so
 * every validator built on parseInstant is at least as strict as the contracts it feeds.
 */
export const MIN_INSTANT_YEAR = 1900;

const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Strict ISO-8601 instant: date, 'T', time, and a mandatory offset. */
export function parseInstant(text: string): EpochMs {
  const m = INSTANT_PATTERN.exec(text);
  if (!m) {
    throw new InvalidInstantError(text, 'expected ISO-8601 like 2025-09-30T10:20:00+08:00');
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(MILLI_DIGITS, '0').slice(0, MILLI_DIGITS));
  const offset = m[8];
  if (offset === undefined) {
    throw new InvalidInstantError(text, 'missing UTC offset (add +08:00 or Z)');
  }
  if (year < MIN_INSTANT_YEAR) throw new InvalidInstantError(text, `year before ${MIN_INSTANT_YEAR}`);
  if (!isValidDateParts(year, month, day)) throw new InvalidInstantError(text, 'no such day');
  if (hour > MAX_HOUR || minute > MAX_MINUTE || second > MAX_SECOND) {
    throw new InvalidInstantError(text, 'time out of range');
  }
  let offsetMs = 0;
  if (offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const [oh, om] = offset.slice(1).split(':').map(Number);
    if (oh > MAX_OFFSET_HOURS || om > MAX_MINUTE) throw new InvalidInstantError(text, 'offset out of range');
    offsetMs = sign * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return local - offsetMs;
}

export function toEpochMs(input: InstantInput): EpochMs {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw new InvalidInstantError(String(input), 'invalid Date');
    return ms;
  }
  return parseInstant(input);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** ISO-8601 at +08:00, e.g. 2025-10-09T00:00:00+08:00 (milliseconds only when non-zero). */
export function formatInstant(ms: EpochMs): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const base =
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const millis = d.getUTCMilliseconds();
  return `${base}${millis ? `.${pad(millis, MILLI_DIGITS)}` : ''}${SHANGHAI_OFFSET_TEXT}`;
}

/** The Shanghai calendar date containing the instant. */
export function localDateOf(ms: EpochMs): IsoDate {
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** 00:00 (+08:00) of the date. */
export function startOfLocalDay(date: IsoDate): EpochMs {
  return toDayNumber(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS;
}

/** 24:00 of the date, i.e. 00:00 (+08:00) of the next day. */
export function endOfLocalDay(date: IsoDate): EpochMs {
  return startOfLocalDay(addDays(date, 1));
}

/** Round up to the next whole hour (the offset is a whole number of hours, so UTC and local hours align). */
export function ceilToHour(ms: EpochMs): EpochMs {
  return Math.ceil(ms / MS_PER_HOUR) * MS_PER_HOUR;
}

/**
 * @casebridge/legal-time — statutory deadlines of CaseBridge (deadlines.md), counted in Asia/Shanghai
 * against the official holiday calendar. Pure and deterministic (no current time, no I/O): safe in
 * Temporal workflow code.
 */
export * from './errors';
export * from './time/civil-date';
export type { EpochMs, InstantInput } from './time/instant';
export {
  SHANGHAI_OFFSET_MINUTES,
  SHANGHAI_OFFSET_TEXT,
  ceilToHour,
  endOfLocalDay,
  formatInstant,
  localDateOf,
  parseInstant,
  startOfLocalDay,
  toEpochMs,
} from './time/instant';
export * from './calendar/holiday-calendar';
export * from './calendar/chinese-days.calendar';
export * from './calendar/statutory-floor';
export * from './calendar/calendar-data';
export * from './rules/types';
export * from './rules/sources';
export { describePeriod, validatePeriod } from './rules/period';
export {
  ALL_RULES,
  COURT_RULES,
  EDC_RULES,
  ORDERED_RULES,
  PIL_RULES,
  PROSECUTION_RULES,
  SHARING_RULES,
  SUPERVISION_RULES,
  TRANSFER_RULES,
} from './rules/index';
export type { PeriodOverrides, RuleBook, RuleBookConfig } from './rules/rule-book';
export { createRuleBook, findVariant, nearest, validateRule } from './rules/rule-book';
export * from './engine/types';
export { HOLIDAY_RULE_BASIS } from './engine/counting';
export type { ComputeOptions, SuspensionInput } from './engine/compute';
export { computeDeadline } from './engine/compute';
export type { ClockEvent, ClockState, ClockStatus, Remaining, StartClockOptions } from './engine/clock';
export { DeadlineClock } from './engine/clock';
export type { ClockRequest, DeadlineEngine, DeadlineEngineOptions, DeadlineRequest } from './engine/engine';
export { createDeadlineEngine } from './engine/engine';
export type { ExplanationText, RuleTexts, TextLang } from './rules/rule-texts';
export { articleZh, basisText, civilDateText, explanationText, ruleTexts } from './rules/rule-texts';
export * from './rules/shared-decisions';

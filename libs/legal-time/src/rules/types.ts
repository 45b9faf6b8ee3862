/**
 * The shape of a statutory-deadline rule. Rules are data (see the *.rules.ts files, one per table of
 * /work/shared/domain/deadlines.md); the engine (engine/) interprets them.
 */

/** The four cooperating agencies (see flows.md). */
export type AgencyKind = 'enforcement' | 'police' | 'procuratorate' | 'court';

/** Other parties that owe an act under some rules. */
export type PartyKind =
  | 'administrative-agency' // the agency addressed by a PIL procuratorial recommendation (often enforcement)
  | 'consulted-agency' // whichever agency received a written consultation
  | 'any-agency' // every agency of a linked case
  | 'eligible-organisation' // NGO / organ entitled to bring a civil PIL
  | 'claimant-agency' // the government agency claiming ecological damage compensation
  | 'liable-party'; // the party liable for ecological damage

export type Actor = AgencyKind | PartyKind;

/** Abbreviations of deadlines.md. */
export type LegalSource =
  | 'R310'
  | 'E17'
  | 'GA'
  | 'JR'
  | 'CPL'
  | 'CivPL'
  | 'ALL'
  | 'CivJI'
  | 'PILJI'
  | 'PILR21'
  | 'EnvPIL'
  | 'EDC'
  | 'EDCR22'
  | 'APL'
  | 'REP19';

export interface LegalBasis {
  readonly source: LegalSource;
  /** e.g. 'art 5(2)', 'arts 559–562'; absent when the table cites the instrument as a whole. */
  readonly article?: string;
}

/**
 * statutory: the number is in the law; fixed.
 * policy: the law says "immediately"/"promptly"/nothing; the number is a configurable CaseBridge default.
 * unverified: a number reported in practice that could not be confirmed in a primary text; configurable.
 */
/**
 * statutory: the period is the statute's; policy: a default CaseBridge sets where the statute says "promptly" and
 * the like (configurable); unverified: a number no article was confirmed for (configurable); ordered: the period
 * is set in the case itself by the deciding body (a judgment's restoration order), not a table row of
 * deadlines.md — listed in ORDERED_RULES with its source, never configurable.
 */
export type RuleStatus = 'statutory' | 'policy' | 'unverified' | 'ordered';

export interface HourPeriod {
  readonly unit: 'hours';
  readonly amount: number;
}
export interface DayPeriod {
  readonly unit: 'days';
  readonly amount: number;
}
export interface WorkingDayPeriod {
  readonly unit: 'workingDays';
  readonly amount: number;
}
export interface MonthPeriod {
  readonly unit: 'months';
  readonly amount: number;
}
/** Due at the trigger instant ("at the same time as"). */
export interface SimultaneousPeriod {
  readonly unit: 'simultaneous';
}
/**
 * A sum counted as ONE period, parts applied in order to the raw last day (e.g. 1 month + 15 days):
 * holiday extension is applied once, to the final day only.
 */
export interface CompositePeriod {
  readonly unit: 'composite';
  readonly parts: readonly (DayPeriod | MonthPeriod)[];
}
/** No default: the period is decided per case (joint supervision review interval). */
export interface PerCasePeriod {
  readonly unit: 'set-per-case';
}

export type CountablePeriod =
  HourPeriod | DayPeriod | WorkingDayPeriod | MonthPeriod | SimultaneousPeriod | CompositePeriod;
export type Period = CountablePeriod | PerCasePeriod;
export type PeriodUnit = Period['unit'];

/**
 * deadline: the act is due by the end of the period (the usual case).
 * minimum: the period must fully elapse before the next act (announcements "≥30 days"); the computed
 *   dueAt is the earliest moment the next act may be taken.
 * lead-time: counted backwards from a future event (served "≥3 days before the hearing"); `from` is the
 *   event, the computed dueAt is the latest moment the act may be done.
 */
export type PeriodKind = 'deadline' | 'minimum' | 'lead-time';

export interface RuleVariant {
  /** 'standard' for the default variant. */
  readonly name: string;
  readonly period: Period;
  /** Default 'deadline'. */
  readonly kind?: PeriodKind;
  /** Switching to this variant needs an approval (DeadlineClock.extend records who approved). */
  readonly requiresApproval?: boolean;
  /** Who must approve, when requiresApproval. */
  readonly approvalBy?: string;
  readonly description: string;
  /** When the variant's act is owed by another party than the rule's actor. */
  readonly actor?: Actor;
  /** When the variant's clock starts on another event than the rule's trigger. */
  readonly trigger?: string;
  /** Set by createRuleBook when configuration replaced the default period of a policy/unverified rule. */
  readonly defaultPeriod?: Period;
}

export type RuleSection = 'transfer' | 'supervision' | 'prosecution' | 'sharing' | 'pil' | 'court' | 'edc';

export interface Rule {
  /** Stable id, exactly as in deadlines.md. */
  readonly id: string;
  readonly section: RuleSection;
  readonly title: string;
  /** The party that owes the act. */
  readonly actor: Actor;
  /** Other parties involved in the act. */
  readonly coActors?: readonly Actor[];
  /** "who acts" as written in the table. */
  readonly who: string;
  /** "clock starts" as written in the table. */
  readonly trigger: string;
  /** "period" as written in the table. */
  readonly periodText: string;
  /** The statute's own wording where the number is a policy default (e.g. 'immediately (立即)'). */
  readonly statuteSays?: string;
  /** The first variant is named 'standard'. */
  readonly variants: readonly RuleVariant[];
  readonly onExpiry: string;
  readonly basis: readonly LegalBasis[];
  /** "basis" as written in the table. */
  readonly basisText: string;
  readonly status: RuleStatus;
  /** Keeps a person in custody: no holiday extension of the last day (CPL art 105). */
  readonly custody: boolean;
  /** When the law suspends the clock (DeadlineClock.suspend). */
  readonly suspendedWhile?: string;
  /** How many times the period may run (e.g. 2 rounds of supplementary investigation). */
  readonly maxRounds?: number;
  readonly notes?: readonly string[];
}

export const STANDARD_VARIANT = 'standard';

/** Helpers that keep the rule tables short and readable. */
export const hours = (amount: number): HourPeriod => ({ unit: 'hours', amount });
export const days = (amount: number): DayPeriod => ({ unit: 'days', amount });
export const workingDays = (amount: number): WorkingDayPeriod => ({ unit: 'workingDays', amount });
export const months = (amount: number): MonthPeriod => ({ unit: 'months', amount });
export const simultaneous = (): SimultaneousPeriod => ({ unit: 'simultaneous' });
export const composite = (...parts: (DayPeriod | MonthPeriod)[]): CompositePeriod => ({ unit: 'composite', parts });
export const perCase = (): PerCasePeriod => ({ unit: 'set-per-case' });

/**
 * The few parts of `lunar-javascript` (6tail, MIT; https://github.com/6tail/lunar-javascript) that the
 * statutory floor uses. The package ships no type declarations.
 */
declare module 'lunar-javascript' {
  export class Solar {
    static fromYmd(year: number, month: number, day: number): Solar;
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    /** 'YYYY-MM-DD' */
    toYmd(): string;
    /** The day `days` later (negative: earlier). */
    next(days: number): Solar;
    getLunar(): Lunar;
  }
  export class Lunar {
    /** A day of the lunar calendar; a negative month is the leap month. */
    static fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): Lunar;
    getSolar(): Solar;
    /** The solar term (节气) that falls on this day, or ''. */
    getJieQi(): string;
  }
}

/** The calendar day (YYYY-MM-DD) of an instant in China Standard Time (UTC+8, no daylight saving). */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * One way to show time to a person: Beijing time (Asia/Shanghai, UTC+8, no daylight saving) everywhere.
 * A day-counted deadline ends at 24:00 of its last day (the engine's dueAt is 00:00 of the next day); it is
 * shown as that last day "24:00", never as 00:00 of the following day.
 *
 *   formatInstant('2026-12-02T06:05:09Z', 'zh', { seconds: true })   // 2026年12月2日 14:05:09
 *   formatDue('2026-12-02T16:00:00Z', 'zh')                          // 2026年12月2日 24:00 前
 *   formatDue('2026-12-02T16:00:00Z', 'en')                          // by 24:00 on 2 Dec 2026
 *   relativeTo('2026-12-02T16:00:00Z', now, 'zh')                    // 还剩 2 天 | 已逾期 3 小时
 */
import type { PeriodKind } from '@casebridge/legal-time';
import type { Lang } from './agency-directory';

const OFFSET_MS = 8 * 3_600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Parts {
  y: number;
  mo: number;
  d: number;
  hh: string;
  mm: string;
  ss: string;
  midnight: boolean;
}

function parts(ms: number): Parts {
  const t = new Date(ms + OFFSET_MS).toISOString();
  return {
    y: Number(t.slice(0, 4)),
    mo: Number(t.slice(5, 7)),
    d: Number(t.slice(8, 10)),
    hh: t.slice(11, 13),
    mm: t.slice(14, 16),
    ss: t.slice(17, 19),
    midnight: t.slice(11, 23) === '00:00:00.000',
  };
}

function toMs(value: string | Date | null | undefined): number {
  if (value instanceof Date) return value.getTime();
  return typeof value === 'string' ? Date.parse(value) : NaN;
}

function dayText(p: Pick<Parts, 'y' | 'mo' | 'd'>, lang: Lang): string {
  return lang === 'zh' ? `${p.y}年${p.mo}月${p.d}日` : `${p.d} ${MONTHS[p.mo - 1]} ${p.y}`;
}

/** An instant in Beijing time: "2026年12月2日 14:05" / "2 Dec 2026, 14:05" (seconds on request: audit views). */
export function formatInstant(
  value: string | Date | null | undefined,
  lang: Lang,
  options: { seconds?: boolean } = {},
): string {
  const ms = toMs(value);
  if (Number.isNaN(ms)) return value ? String(value) : '—';
  const p = parts(ms);
  const clock = `${p.hh}:${p.mm}${options.seconds ? `:${p.ss}` : ''}`;
  return lang === 'zh' ? `${dayText(p, lang)} ${clock}` : `${dayText(p, lang)}, ${clock}`;
}

/** A civil date "2026-12-02" as "2026年12月2日" / "2 Dec 2026". */
export function formatDay(isoDate: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? dayText({ y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]) }, lang) : isoDate;
}

/** The end of a period, without the "by": "2026年12月2日 24:00" for 00:00 Beijing of the next day, else the instant. */
export function formatDueShort(dueAt: string | Date | null | undefined, _lastDay: string | null, lang: Lang): string {
  const ms = toMs(dueAt);
  if (Number.isNaN(ms)) return dueAt ? String(dueAt) : '—';
  const p = parts(ms);
  if (p.midnight) return `${dayText(parts(ms - 1), lang)} 24:00`;
  return formatInstant(new Date(ms), lang);
}

/**
 * A due date: "2026年12月2日 24:00 前" / "by 24:00 on 2 Dec 2026" (a day-counted period ends at 24:00 of its last
 * day). The end of a minimum period (an announcement, legal-time PeriodKind 'minimum') is the earliest moment of
 * the next act, not a deadline: "2026年12月2日 24:00 期满，此后方可进行下一步" / "runs until 24:00 on 2 Dec 2026; the
 * next act not before".
 */
export function formatDue(dueAt: string | Date | null | undefined, lang: Lang, kind: PeriodKind = 'deadline'): string {
  const ms = toMs(dueAt);
  if (Number.isNaN(ms)) return dueAt ? String(dueAt) : '—';
  const p = parts(ms);
  const day = p.midnight ? parts(ms - 1) : p;
  const clock = p.midnight ? '24:00' : `${p.hh}:${p.mm}`;
  if (kind === 'minimum')
    return lang === 'zh'
      ? `${dayText(day, 'zh')} ${clock} 期满，此后方可进行下一步`
      : `runs until ${clock} on ${dayText(day, 'en')}; the next act not before`;
  return lang === 'zh' ? `${dayText(day, 'zh')} ${clock} 前` : `by ${clock} on ${dayText(day, 'en')}`;
}

/** Time left or overdue, in whole days (whole hours under a day): "还剩 2 天", "已逾期 5 小时", "2 days left", "3 days overdue". */
export function relativeTo(dueAt: string | Date, now: Date, lang: Lang): string {
  const diff = toMs(dueAt) - now.getTime();
  const abs = Math.abs(diff);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor(abs / 3_600_000);
  const amount =
    days >= 1
      ? lang === 'zh'
        ? `${days} 天`
        : `${days} day${days === 1 ? '' : 's'}`
      : lang === 'zh'
        ? `${hours} 小时`
        : `${hours} hour${hours === 1 ? '' : 's'}`;
  if (diff >= 0) return lang === 'zh' ? `还剩 ${amount}` : `${amount} left`;
  return lang === 'zh' ? `已逾期 ${amount}` : `${amount} overdue`;
}

/** A span in days/hours/minutes, e.g. for "late by": "2 天 3 小时" / "2 days 3 hours". */
export function formatSpan(ms: number, lang: Lang): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const out: string[] = [];
  if (d) out.push(lang === 'zh' ? `${d} 天` : `${d} day${d === 1 ? '' : 's'}`);
  if (h) out.push(lang === 'zh' ? `${h} 小时` : `${h} hour${h === 1 ? '' : 's'}`);
  if (min || !out.length) out.push(lang === 'zh' ? `${min} 分钟` : `${min} minute${min === 1 ? '' : 's'}`);
  return out.join(' ');
}

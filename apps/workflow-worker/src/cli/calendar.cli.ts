/**
 * The operator's holiday-calendar command (issue: a year counted on the statutory floor until the State
 * Council's arrangement is loaded).
 *
 *   npm run --silent calendar -- check --file calendar-2027.json
 *   npm run --silent calendar -- load --file calendar-2027.json [--workflow-id <id> …] [--query <visibility query>]
 *                                     [--reason <text>] [--timeout <seconds>]
 *
 * `check` validates the file and shows, per year, how the official arrangement differs from the statutory
 * floor the services counted on (extra days off, make-up working days) — the days that can move a
 * provisional due date. `load` signals every running case workflow (or the given ones) to recount the open
 * due dates that used the file's years, waits for each answer, and prints the due dates that moved; the
 * workflows publish a new deadline.started for each, so inboxes and the supervision console follow.
 * Before `load`, every service must run with the file in CASEBRIDGE_CALENDAR_FILE (restart them): a
 * worker without the year answers CALENDAR_YEAR_NOT_LOADED and nothing moves.
 *
 * Output: one JSON object on stdout. Exit codes: 0 done; 2 usage error or invalid file (every problem listed);
 * 3 some workflow did not recount (its report says why); 4 the file makes statutory holidays working days
 * (floorHolidaysWorked: warned on stderr; check and load go on only with --allow-holidays-worked); 1 internal error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import {
  LegalTimeError,
  chineseDaysCalendar,
  createHolidayCalendar,
  parseCalendarData,
  statutoryFloorYear,
  withProvisionalYears,
  addDays,
  type YearCalendarInput,
} from '@casebridge/legal-time';
import { loadCalendarFiles } from '@casebridge/legal-time/node';
import { TaskQueues, recomputeOpenDeadlines, type RecomputeDeadlinesReport } from '@casebridge/workflows/node';

const HELP = `usage: calendar check --file <json>
       calendar load --file <json> [--workflow-id <id> …] [--query <visibility query>] [--reason <text>] [--timeout <seconds>]

Official holiday calendars (the State Council's yearly arrangement) for years the built-in data (chinese-days)
does not carry yet. File format: libs/legal-time/README.md "Adding a year".

  check          validate the file; per year, the days that differ from the statutory floor
  load           signal the running case workflows to recount the open due dates of the file's years and print
                 the due dates that moved. First give every service the file (CASEBRIDGE_CALENDAR_FILE) and
                 restart them: a worker without the year refuses (CALENDAR_YEAR_NOT_LOADED), nothing moves.
  --file <json>        the calendar file (several: comma-separated)
  --workflow-id <id>   recount only this workflow (repeatable); default: every running workflow of the task queue
  --query <q>          Temporal visibility query selecting the workflows instead
                       (default: ExecutionStatus = 'Running' AND TaskQueue = '<CASEBRIDGE_TEMPORAL_TASK_QUEUE>')
  --reason <text>      recorded with the recount (e.g. the notice's number)
  --timeout <seconds>  wait at most this long for each workflow's answer (default 30)
  --allow-holidays-worked
                       accept a file that makes statutory holidays (《全国年节及纪念日放假办法》) working days
                       (floorHolidaysWorked). Without it check exits 4 with a warning and load refuses: such a file,
                       usually one that forgot a holiday, would shorten deadlines
  -h, --help           this text

Environment: CASEBRIDGE_TEMPORAL_ADDRESS (127.0.0.1:7233), CASEBRIDGE_TEMPORAL_NAMESPACE (default),
CASEBRIDGE_TEMPORAL_TASK_QUEUE (${TaskQueues.cases}).
Exit codes: 0 done; 2 usage error or invalid file (every problem listed); 3 a workflow did not recount (see its
entry); 4 statutory holidays made working days without --allow-holidays-worked; 1 internal error.`;

/** Exit code of a file that makes statutory holidays working days (without --allow-holidays-worked). */
export const EXIT_HOLIDAYS_WORKED = 4;

class UsageError extends Error {}

export interface YearCheck {
  year: number;
  source: string;
  /** chinese-days already carries the year: the file replaces it. */
  replacesBuiltIn: boolean;
  /** Weekdays off in the arrangement that the statutory floor counted as working days. */
  extraDaysOff: string[];
  /** Weekend days worked (调休): the floor counted them as days off. */
  makeUpWorkdays: string[];
  /** Statutory-floor holidays the arrangement makes working days (should be empty: check the file). */
  floorHolidaysWorked: string[];
}

/** How one year's arrangement differs from its statutory floor (the days that can move a provisional due date). */
export function checkYear(input: YearCalendarInput): YearCheck {
  const official = createHolidayCalendar([input]);
  const floor = withProvisionalYears(createHolidayCalendar());
  const hasFloor = input.year >= 2025;
  const check: YearCheck = {
    year: input.year,
    source: official.sourceOf(input.year),
    replacesBuiltIn: chineseDaysCalendar().covers(input.year),
    extraDaysOff: [],
    makeUpWorkdays: [],
    floorHolidaysWorked: [],
  };
  if (hasFloor) statutoryFloorYear(input.year); // throws for years without a floor
  for (let day = `${input.year}-01-01`; day.startsWith(String(input.year)); day = addDays(day, 1)) {
    const o = official.describe(day);
    if (o.kind === 'make-up-workday') check.makeUpWorkdays.push(day);
    if (!hasFloor) continue;
    const f = floor.describe(day);
    if (!o.working && f.working) check.extraDaysOff.push(day);
    if (o.working && f.kind === 'holiday') check.floorHolidaysWorked.push(day);
  }
  return check;
}

function readYears(file: string): YearCalendarInput[] {
  loadCalendarFiles(file); // validates every year on top of the built-in calendar (throws CalendarDataError)
  return file
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .flatMap((f) => parseCalendarData(JSON.parse(readFileSync(f, 'utf8'))));
}

export async function main(
  argv: readonly string[],
  out: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
  warn: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      file: { type: 'string' },
      'workflow-id': { type: 'string', multiple: true },
      query: { type: 'string' },
      reason: { type: 'string' },
      timeout: { type: 'string' },
      'allow-holidays-worked': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (!command || !['check', 'load'].includes(command))
    throw new UsageError(`a command is required: check or load\n${HELP}`);
  if (rest.length) throw new UsageError(`unexpected argument(s): ${rest.join(' ')}`);
  if (!values.file) throw new UsageError(`${command} needs --file <json>`);
  const years = readYears(values.file);
  const checks = years.map(checkYear);
  const worked = checks.filter((c) => c.floorHolidaysWorked.length);
  const allowed = values['allow-holidays-worked'];
  for (const c of worked) {
    warn(
      `calendar: WARNING: the ${c.year} file makes statutory holidays working days: ${c.floorHolidaysWorked.join(', ')}. ` +
        'These days are fixed by 《全国年节及纪念日放假办法》; a file that forgot them would shorten deadlines. ' +
        (allowed ? 'Accepted (--allow-holidays-worked).' : 'Fix the file, or confirm with --allow-holidays-worked.'),
    );
  }
  if (command === 'check') {
    out(JSON.stringify({ years: checks }, null, 2));
    return worked.length && !allowed ? EXIT_HOLIDAYS_WORKED : 0;
  }
  if (worked.length && !allowed) return EXIT_HOLIDAYS_WORKED; // load: nothing signalled
  const timeout = values.timeout === undefined ? 30 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new UsageError(`--timeout must be a number of seconds, got ${values.timeout}`);
  const env = process.env;
  const connection = await Connection.connect({ address: env.CASEBRIDGE_TEMPORAL_ADDRESS || '127.0.0.1:7233' });
  try {
    const client = new Client({ connection, namespace: env.CASEBRIDGE_TEMPORAL_NAMESPACE || 'default' });
    const report: RecomputeDeadlinesReport = await recomputeOpenDeadlines(client, {
      years: years.map((y) => ({ year: y.year, source: createHolidayCalendar([y]).sourceOf(y.year) })),
      ...(values.reason ? { reason: values.reason } : {}),
      ...(values['workflow-id']?.length ? { workflowIds: values['workflow-id'] } : {}),
      ...(values.query ? { query: values.query } : {}),
      taskQueue: env.CASEBRIDGE_TEMPORAL_TASK_QUEUE || TaskQueues.cases,
      timeoutMs: timeout * 1000,
    });
    out(JSON.stringify(report, null, 2));
    return report.complete ? 0 : 3;
  } finally {
    await connection.close();
  }
}

function isUsageError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return (
    e instanceof UsageError ||
    e instanceof LegalTimeError ||
    e instanceof SyntaxError ||
    (typeof code === 'string' && (code.startsWith('ERR_PARSE_ARGS') || code === 'ENOENT'))
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`calendar: ${isUsageError(e) ? '' : 'internal error: '}${(e as Error).message}\n`);
      process.exitCode = isUsageError(e) ? 2 : 1;
    },
  );
}

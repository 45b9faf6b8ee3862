/**
 * Deadline calculator.
 *
 *   node -r @swc-node/register libs/legal-time/src/cli/deadline.cli.ts \
 *     --rule transfer.filing-review --from 2025-09-30T10:00:00+08:00 [--variant major-complex] \
 *     [--calendar extra-years.json] [--provisional] [--compact]
 *   ... --list
 *
 * Prints one JSON object on stdout. Usage errors (unknown rule/variant, malformed instant, missing
 * offset, bad calendar file, date outside the known calendar) → one line on stderr, exit code 2.
 * Strict by default: a period that needs a year without an official calendar (built-in or --calendar)
 * is refused (exit 2). --provisional counts such a year on the statutory floor and lists it in
 * `provisionalYears`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CalendarNotCoveredError,
  LegalTimeError,
  UnknownRuleError,
  createDeadlineEngine,
  describePeriod,
} from '../index';
import { loadCalendarFiles } from '../node';

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

const USAGE =
  'usage: deadline --rule <rule-id> --from <ISO-8601 instant with offset> [--variant <name>] ' +
  '[--calendar <json file>] [--provisional] [--compact] | --list | --help';

const HELP = `${USAGE}

Computes the due date of a statutory deadline (deadlines.md) and prints it as one JSON object.

  --rule <id>          rule id of deadlines.md, e.g. transfer.filing-review (see --list)
  --from <instant>     when the clock starts, ISO-8601 with an offset, e.g. 2025-09-30T10:00:00+08:00
  --variant <name>     a variant of the rule (default: standard), e.g. major-complex
  --calendar <file>    JSON file with official years to add or correct (libs/legal-time/README.md)
  --provisional        count a year without its official calendar on the statutory floor (weekends plus
                       the holidays fixed by law) and list it in "provisionalYears"; without it such a
                       period is refused (exit 2)
  --compact            one line of JSON
  --list               every rule with its variants
  -h, --help           this text

Exit codes: 0 ok; 2 usage error (one line on stderr); 1 internal error.`;

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => string;
}

class UsageError extends Error {}

export function main(argv: readonly string[], io: CliIo): number {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        rule: { type: 'string' },
        from: { type: 'string' },
        variant: { type: 'string' },
        calendar: { type: 'string' },
        provisional: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        compact: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const print = (value: unknown) => io.out(JSON.stringify(value, null, values.compact ? undefined : 2));
    if (values.help) {
      io.out(HELP);
      return EXIT_OK;
    }
    const engine = createDeadlineEngine({
      calendar: loadCalendarFiles(values.calendar, io.readFile),
      uncoveredYears: values.provisional ? 'provisional' : 'error',
    });
    if (values.list) {
      print(
        engine.ruleBook.rules.map((r) => ({
          id: r.id,
          actor: r.actor,
          status: r.status,
          trigger: r.trigger,
          variants: r.variants.map((v) => ({
            name: v.name,
            period: describePeriod(v.period),
            ...(v.kind && v.kind !== 'deadline' ? { kind: v.kind } : {}),
            ...(v.requiresApproval ? { requiresApproval: v.approvalBy } : {}),
          })),
          basis: r.basisText,
        })),
      );
      return EXIT_OK;
    }
    if (!values.rule) throw new UsageError(`--rule is required; ${USAGE}`);
    if (!values.from) throw new UsageError(`--from is required; ${USAGE}`);
    print(engine.compute({ rule: values.rule, variant: values.variant, from: values.from }));
    return EXIT_OK;
  } catch (e) {
    let message = (e as Error).message.replace(/\s+/g, ' ');
    if (e instanceof CalendarNotCoveredError) {
      // the command line's options, not the library's API (calendar.withYear)
      message =
        message.replace(/; add the year's official arrangement.*$/, '') +
        ": give the year's official arrangement with --calendar <json file>, or pass --provisional to count it on the statutory floor";
    }
    if (e instanceof UnknownRuleError && !e.suggestions.length) message += ' (every rule: deadline --list)';
    if (e instanceof LegalTimeError || e instanceof UsageError || isParseArgsError(e)) {
      io.err(`deadline: ${message}`);
      return EXIT_USAGE;
    }
    io.err(`deadline: internal error: ${message}`);
    return EXIT_FAILURE;
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readFile: (path) => readFileSync(path, 'utf8'),
  });
}

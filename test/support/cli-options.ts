/**
 * Checking a script's numeric options before it starts anything (`npm run chaos`, `npm run bench:load`): each bad
 * option is named with its value and its range, and the script exits with code 2 and its usage line — no stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class OptionCheck {
  readonly problems: string[] = [];

  constructor(
    private readonly script: string,
    private readonly usage: string,
  ) {}

  /** node:util parseArgs, its own errors (an unknown option, a missing value) reported like the others. */
  parse<O extends NonNullable<ParseArgsConfig['options']>>(options: O) {
    try {
      return parseArgs({ options, strict: true });
    } catch (e) {
      this.fail([(e as Error).message]);
    }
  }

  /** The option's value as a number from `min` to `max` (a whole number when `whole`); a problem noted otherwise. */
  number(name: string, raw: string | undefined, min: number, max: number, whole: boolean, unit: string): number {
    const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
    if (!(Number.isFinite(n) && n >= min && n <= max && (!whole || Number.isInteger(n))))
      this.problems.push(
        `--${name} ${JSON.stringify(raw ?? '')}: must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max} (${unit})`,
      );
    return n;
  }

  /** Exits (code 2) with every problem noted, if any. */
  done(): void {
    if (this.problems.length) this.fail(this.problems);
  }

  private fail(problems: string[]): never {
    console.error(`${this.script}: ${problems.join('; ')}\nusage: ${this.usage}`);
    process.exit(2);
  }
}

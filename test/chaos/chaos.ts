/**
 * `npm run chaos`: the chaos run of issue 14 (item 6) — see test/chaos/chaos-run.ts for what it loads, kills and
 * checks. Private PostgreSQL, Kafka and Temporal servers are started on free ports and removed afterwards; the shared
 * infrastructure is not touched.
 *
 *   npm run chaos -- [--cases 1000] [--rate 0.8] [--kills 2] [--seed N] [--concurrency 64] [--settle 180] [--drain 1800]
 *
 * --rate: cases started per second, open loop (1,000 cases at 0.8/s: a 21-minute load), the kills spread over it;
 * --concurrency: at most this many cases in flight (at the cap the load falls behind its rate, and says so);
 * --kills: kills of each component; --settle: seconds the checks may take to hold after the load; --drain: seconds
 * more they may take while the consumer groups are still behind and catching up (their lag fell in the last 2 minutes).
 * The report ends with each group's lag at the final check, so a backlog is told apart from a loss.
 * Prints the table (component, kills, acts lost, acts doubled, deadlines lost or wrong, dead letters, seconds from
 * each kill until the component's work resumed) and every anomaly. Exit code 1 when anything was lost, doubled or a
 * deadline wrong, a case failed, or the ledger does not verify. Every anomaly (the table prints 50) is written to
 * test-output/chaos/anomalies-seed-<seed>.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { chaosFailed, formatReport, newSeed, runChaos } from './chaos-run';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000' },
    kills: { type: 'string', default: '2' },
    seed: { type: 'string' },
    rate: { type: 'string', default: '0.8' },
    concurrency: { type: 'string', default: '64' },
    settle: { type: 'string', default: '180' },
    drain: { type: 'string', default: '1800' },
  },
});
const cases = Number(values.cases);
const kills = Number(values.kills);
const seed = values.seed === undefined ? newSeed() : Number(values.seed);
const rate = Number(values.rate);
const concurrency = Number(values.concurrency);
const settle = Number(values.settle);
const drain = Number(values.drain);
if (!(
  Number.isInteger(cases) &&
  Number.isInteger(kills) &&
  Number.isInteger(concurrency) &&
  cases > 0 &&
  kills > 0 &&
  concurrency > 0 &&
  rate > 0 &&
  settle >= 0 &&
  drain >= 0 &&
  Number.isInteger(seed)
))
  throw new Error(
    '--cases, --kills and --concurrency must be positive whole numbers, --rate a positive number (cases per second), ' +
      '--settle and --drain ≥ 0 (seconds), --seed an integer',
  );

// the harness reads the shared endpoints for defaults; the run itself uses private servers only
process.env.CASEBRIDGE_PG_HOST ??= '127.0.0.1';
process.env.CASEBRIDGE_KAFKA_BROKERS ??= '127.0.0.1:9092';
process.env.CASEBRIDGE_TEMPORAL_ADDRESS ??= '127.0.0.1:7233';

const t0 = Date.now();
runChaos({
  cases,
  killsPerComponent: kills,
  seed,
  rate,
  concurrency,
  settleMs: settle * 1000,
  drainMs: drain * 1000,
  log: (line) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(5)} s] ${line}`),
})
  .then((report) => {
    console.log(`\nchaos run: ${cases} cases at ${rate}/s, ${kills} kill(s) per component, seed ${seed}\n`);
    console.log(formatReport(report));
    // the table prints 50 anomalies: every one goes to a file, for the post-mortem of a failed run
    const dir = path.resolve(__dirname, '../../test-output/chaos');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `anomalies-seed-${seed}.txt`);
    writeFileSync(file, report.anomalies.map((a) => `${a}\n`).join(''));
    console.log(`\nall ${report.anomalies.length} anomalies: ${file}`);
    const failed = chaosFailed(report);
    console.log(failed ? '\nFAILED: something was lost, doubled or wrong' : '\nOK: nothing lost, doubled or wrong');
    process.exitCode = failed ? 1 : 0;
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), 1000).unref());

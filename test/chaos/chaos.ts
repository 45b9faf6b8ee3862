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
 * Options are checked before anything starts (exit code 2, naming each bad option); the load must last at least 30 s
 * per kill (cases / rate ≥ 10 components × kills × 30 s) and at most 24 h.
 * Prints the table (component, kills, acts lost, acts doubled, deadlines lost or wrong, dead letters, seconds from
 * each kill until the component's work resumed), the counts compared, how far the load fell behind its rate and any
 * kill after the load ended (reported, not failed: the kill still tests the restart), each consumer group's lag at
 * the final check (a backlog told apart from a loss) and the first 50 anomalies. Exit code 1 when anything was lost, doubled or a
 * deadline wrong, a case failed, or the ledger does not verify. Every anomaly (the table prints 50) is written to
 * test-output/chaos/anomalies-seed-<seed>.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { OptionCheck } from '../support/cli-options';
import { chaosFailed, COMPONENTS, formatReport, newSeed, runChaos } from './chaos-run';

const USAGE =
  'npm run chaos -- [--cases 1000] [--rate 0.8] [--kills 2] [--seed N] [--concurrency 64] [--settle 180] [--drain 1800]';
/** The components killed, and the least slot (s) a kill needs in the load: kill, restart, probe. */
const COMPONENT_COUNT = COMPONENTS.length;
const KILL_SLOT_S = 30;

const OPTIONS = {
  cases: { type: 'string', default: '1000' },
  kills: { type: 'string', default: '2' },
  seed: { type: 'string' },
  rate: { type: 'string', default: '0.8' },
  concurrency: { type: 'string', default: '64' },
  settle: { type: 'string', default: '180' },
  drain: { type: 'string', default: '1800' },
  help: { type: 'boolean', short: 'h' },
} as const;

const check = new OptionCheck('npm run chaos', USAGE);
const { values } = check.parse(OPTIONS);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const option = check.number.bind(check);
const cases = option('cases', values.cases, 1, 100_000, true, 'linked cases of the load');
const kills = option('kills', values.kills, 1, 10, true, 'kills of each component');
const seed =
  values.seed === undefined ? newSeed() : option('seed', values.seed, 0, 2 ** 31 - 1, true, "the run's random seed");
const rate = option('rate', values.rate, 0.001, 100, false, 'cases started per second');
const concurrency = option('concurrency', values.concurrency, 1, 1000, true, 'cases in flight at most');
const settle = option('settle', values.settle, 0, 86_400, false, 'seconds');
const drain = option('drain', values.drain, 0, 86_400, false, 'seconds');
if (!check.problems.length) {
  // the kills are spread over the load (cases / rate seconds): each needs a slot long enough for a kill, a restart and
  // the probe, or the later kills fall after the load
  const loadS = cases / rate;
  const leastS = COMPONENT_COUNT * kills * KILL_SLOT_S;
  if (loadS < leastS)
    check.problems.push(
      `the load would last ${loadS.toFixed(0)} s (--cases ${cases} / --rate ${rate}): ${COMPONENT_COUNT * kills} kills need ` +
        `at least ${leastS} s (${KILL_SLOT_S} s each); lower --rate or raise --cases`,
    );
  if (loadS > 86_400)
    check.problems.push(
      `the load would last ${(loadS / 3600).toFixed(1)} h (--cases / --rate): at most 24 h; raise --rate`,
    );
}
check.done();

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

/**
 * OpenAPI fuzzing of the six HTTP apps with schemathesis (#13 item 17, acceptance 1): every operation of
 * every app with a valid token; 0 × 5xx and 0 response-schema violations. `npm test` runs the short
 * budget (about a minute and a half); `npm run fuzz -- --long` runs ≥ 1,000 requests per app.
 * The table is printed and kept in test-output/fuzz/<run>/table.txt.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestSystem } from '../support/system';
import { agencies, openAndSend } from '../transfer/transfer-driver';
import { FUZZ_APPS, fuzzApp, LONG, schemathesis, SHORT, table, type FuzzRow } from './fuzz-run';

const long = process.env.CASEBRIDGE_FUZZ === 'long';
const budget = long ? LONG : SHORT;

describe(`OpenAPI fuzzing, ${long ? 'long' : 'short'} run`, () => {
  let sys: TestSystem;
  let bin: string;
  beforeAll(async () => {
    bin = schemathesis();
    sys = await new TestSystem([...FUZZ_APPS]).start();
    // some state, so that lists and reads answer with real objects whose shapes are checked
    await openAndSend(agencies(sys), 'fuzz');
  }, 300_000);
  afterAll(async () => {
    await sys?.stop();
  });

  it(
    'answers every operation of every app without a 5xx and within its response schemas',
    async () => {
      const rows: FuzzRow[] = [];
      for (const app of FUZZ_APPS) rows.push(await fuzzApp(sys, app, budget, bin));
      const printed = table(rows);
      writeFileSync(path.join(sys.logDir, '..', '..', 'fuzz', sys.suffix, 'table.txt'), `${printed}\n`);
      process.stdout.write(
        `\nschemathesis (${long ? 'long' : 'short'} run, reports in test-output/fuzz/${sys.suffix}):\n${printed}\n`,
      );
      for (const r of rows) {
        expect({ app: r.app, enough: r.requests >= (long ? 1000 : r.operations) }).toEqual({
          app: r.app,
          enough: true,
        });
        expect({
          app: r.app,
          serverErrors: r.serverErrors,
          schemaViolations: r.schemaViolations,
          failures: r.failures,
        }).toEqual({ app: r.app, serverErrors: 0, schemaViolations: 0, failures: [] });
      }
    },
    (budget.secondsPerApp + 180) * FUZZ_APPS.length * 1000,
  );
});

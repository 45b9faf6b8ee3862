import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** try-findings #16: `npm run migrate -- --help` printed Node's raw parse error before the usage. */
describe('migrate CLI usage', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'migrate.cli.ts'), ...args], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
      env: { ...process.env, CASEBRIDGE_PG_PORT: '1' },
    });

  it('--help prints the usage on stdout, exit 0, no parse error', () => {
    const r = run('--help');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^usage: npm run migrate/);
  });

  it('an unknown option: one short line and the usage, exit 2', () => {
    const r = run('--frob');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`migrate: Unknown option '--frob'.\n${r.stderr.split('\n')[1]}\n`);
    expect(r.stderr).not.toMatch(/positional argument/);
  });
});

/**
 * `npm run check:boundaries` (scripts/check-boundaries.sh, dependency-cruiser) on fixture trees: each
 * boundary it guards fails on a deliberate violation — a cross-app import from a nested folder (which the
 * ESLint pattern let through), a type-only one too — and a tree that keeps the rules passes.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '..');
jest.setTimeout(120_000);

/** Writes `files` under a fresh folder of test-output/ (inside the repository: node_modules resolve). */
function tree(files: Record<string, string>): { root: string; remove(): void } {
  const root = path.join(repo, 'test-output', `boundaries-${randomBytes(4).toString('hex')}`);
  const all: Record<string, string> = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        baseUrl: '.',
        module: 'commonjs',
        paths: { '@casebridge/legal-time': ['libs/legal-time/src'], '@casebridge/workflows/*': ['workflows/src/*'] },
      },
    }),
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

function checkBoundaries(root: string): { status: number | null; output: string } {
  const r = spawnSync('bash', [path.join(repo, 'scripts/check-boundaries.sh'), root], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Files every fixture shares: two apps, the pure lib, workflow code with its activities. */
const CLEAN: Record<string, string> = {
  'apps/beta/src/beta.service.ts': `export class BetaService { run(): string { return 'beta'; } }\nexport interface BetaView { id: string }\n`,
  'apps/alpha/src/alpha.module.ts': `import { dueDate } from '@casebridge/legal-time';\nexport const alpha = dueDate();\n`,
  'libs/legal-time/src/index.ts': `export function dueDate(): string { return '2026-12-01'; }\n`,
  'workflows/src/activities/case-activities.contracts.ts': `export interface CaseActivities { computeDeadline(rule: string): Promise<string> }\n`,
  'workflows/src/activities/case-activities.ts':
    `import { readFileSync } from 'node:fs';\nimport type { CaseActivities } from './case-activities.contracts';\n` +
    `export const activities: CaseActivities = { computeDeadline: async (r) => readFileSync(r, 'utf8') };\n`,
  'workflows/src/case/case.workflow.ts':
    `import type { activities } from '../activities/case-activities';\nimport { decide } from './case.decider';\n` +
    `export async function caseWorkflow(a: typeof activities): Promise<string> { return decide(await a.computeDeadline('x')); }\n`,
  'workflows/src/case/case.decider.ts': `export function decide(due: string): string { return due; }\n`,
};

describe('npm run check:boundaries', () => {
  const made: { remove(): void }[] = [];
  afterAll(() => made.forEach((t) => t.remove()));
  const fixture = (extra: Record<string, string>) => {
    const t = tree({ ...CLEAN, ...extra });
    made.push(t);
    return t.root;
  };

  it('passes on a tree that keeps every boundary (type-only import of the activities included)', () => {
    const r = checkBoundaries(fixture({}));
    expect(r.output).not.toMatch(/error /);
    expect(r.status).toBe(0);
  });

  describe('on a tree with one violation of each boundary (one run: dependency-cruiser lists them all)', () => {
    let r: { status: number | null; output: string };
    beforeAll(() => {
      r = checkBoundaries(
        fixture({
          // an app importing another app from a nested folder (the ESLint pattern let this through), by value and by type
          'apps/alpha/src/transfers/commands/send/send.handler.ts': `import { BetaService } from '../../../../../beta/src/beta.service';\nexport const send = new BetaService().run();\n`,
          'apps/alpha/src/transfers/queries/view.ts': `import type { BetaView } from '../../../../beta/src/beta.service';\nexport type View = BetaView;\n`,
          // a pure lib importing a framework, and a lib importing an app
          'libs/legal-time/src/clock.ts': `import { Injectable } from '@nestjs/common';\n@Injectable() export class Clock {}\n`,
          'libs/legal-time/src/leak.ts': `import { BetaService } from '../../../apps/beta/src/beta.service';\nexport const leak = BetaService;\n`,
          // workflow code importing an activity by value, and reaching a database driver two modules down
          'workflows/src/case/case.workflow.ts':
            `import { activities } from '../activities/case-activities';\nimport { decide } from './case.decider';\n` +
            `export async function caseWorkflow(): Promise<string> { return decide(await activities.computeDeadline('x')); }\n`,
          'workflows/src/case/case.decider.ts': `import { now } from './clock';\nexport function decide(due: string): string { return due + now(); }\n`,
          'workflows/src/case/clock.ts': `import { Client } from 'pg';\nexport function now(): string { return String(new Client()); }\n`,
        }),
      );
    });

    it('fails (exit 1)', () => {
      expect(r.status).toBe(1);
    });

    it('names an app importing another app from a nested folder, by value or by type', () => {
      expect(r.output).toMatch(
        /error no-cross-app: apps\/alpha\/src\/transfers\/commands\/send\/send\.handler\.ts → apps\/beta\/src\/beta\.service\.ts/,
      );
      expect(r.output).toMatch(
        /error no-cross-app: apps\/alpha\/src\/transfers\/queries\/view\.ts → apps\/beta\/src\/beta\.service\.ts/,
      );
    });

    it('names a lib importing an app, and legal-time importing a framework', () => {
      expect(r.output).toMatch(
        /error pure-libs-no-framework: libs\/legal-time\/src\/clock\.ts → (\.\.\/)*node_modules\/@nestjs\/common\//,
      );
      expect(r.output).toMatch(
        /error libs-not-apps: libs\/legal-time\/src\/leak\.ts → apps\/beta\/src\/beta\.service\.ts/,
      );
    });

    it('names workflow code importing an activity by value, and reaching I/O through other modules', () => {
      expect(r.output).toMatch(
        /error workflow-activities-types-only: workflows\/src\/case\/case\.workflow\.ts → workflows\/src\/activities\/case-activities\.ts/,
      );
      expect(r.output).toMatch(
        /error workflow-no-io: workflows\/src\/case\/case\.workflow\.ts → (\.\.\/)*node_modules\/pg\//,
      );
    });
  });
});

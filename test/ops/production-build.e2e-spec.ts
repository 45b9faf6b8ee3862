/**
 * The production build (issue 16, item 7): `npm run build` compiles every service to JavaScript in dist/ and
 * prebuilds the workflow bundle; the compiled services (as `npm start` and the image run them: no TypeScript
 * loader) carry a transfer from enforcement to the police's decision, with the worker on the prebuilt bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestSystem } from '../support/system';
import { agencies, enfPhase, openAndSend, polPhase, type Agencies } from '../transfer/transfer-driver';

const root = path.resolve(__dirname, '../..');

describe('production build: compiled services', () => {
  const sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'workflow-worker'], {}, { compiled: true });
  let a: Agencies;

  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    await sys.start();
    a = agencies(sys);
  }, 240_000);
  afterAll(() => sys.stop(), 60_000);

  it('compiles every app, the CLIs and the workflow bundle; no test code in the build', () => {
    for (const app of ['enforcement', 'police', 'procuratorate', 'court', 'supervision', 'audit', 'workflow-worker']) {
      expect(existsSync(path.join(root, `dist/apps/${app}/src/main.js`))).toBe(true);
    }
    expect(existsSync(path.join(root, 'dist/apps/audit/src/cli/audit.cli.js'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/infra/local/create-topics.js'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/apps/supervision/web/index.html'))).toBe(true);
    expect(readFileSync(path.join(root, 'dist/workflows/workflow-bundle.js'), 'utf8')).toContain('caseTransferWorkflow');
    // path aliases are resolved at build time: nothing at run time maps @casebridge/*
    expect(readFileSync(path.join(root, 'dist/apps/police/src/main.js'), 'utf8')).not.toContain('@casebridge/');
    expect(existsSync(path.join(root, 'dist/workflows/src/testing'))).toBe(false);
    expect(existsSync(path.join(root, 'dist/apps/police/src/transfers/incoming-transfer.machine.spec.js'))).toBe(false);
  });

  it('the compiled services carry a transfer: sent, received, filed; the workflow runs from the prebuilt bundle', async () => {
    const { transferId } = await openAndSend(a, 'compiled');
    await polPhase(a.pol, transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: 'R-compiled' });
    await a.pol.post(`/transfers/${transferId}/decision`, { outcome: 'filed', policeCaseNumber: '沈公（环）立字〔2026〕99号' });
    await enfPhase(a, transferId, 'filed');
    const worker = await (await fetch(`${sys.url('workflow-worker')}/health`)).json() as { info: Record<string, { status: string }> };
    expect(worker.info.temporalWorker!.status).toBe('up');
  });
});

/**
 * A private Temporal dev server (the `temporal` CLI of infra/local: `$CASEBRIDGE_INFRA_DIR/bin/temporal`) on free
 * ports, its SQLite data in a temporary directory, with CaseBridge's search attributes: for tests that kill and
 * restart Temporal (the shared server on 7233 is never touched). `kill()` is SIGKILL (a crash); `start()` afterwards
 * reopens the same data file on the same port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '@casebridge/workflows/node';
import { freePort } from './system';

const root = path.resolve(__dirname, '../..');

export class PrivateTemporal {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  readonly logFile: string;

  private constructor(
    private readonly dir: string,
    private readonly ports: { grpc: number; http: number; metrics: number },
  ) {
    this.logFile = path.join(dir, 'temporal.log');
  }

  /** A new server with empty data; resolves when it answers getSystemInfo. */
  static async start(): Promise<PrivateTemporal> {
    const dir = mkdtempSync(path.join(tmpdir(), 'casebridge-private-temporal-'));
    const t = new PrivateTemporal(dir, { grpc: await freePort(), http: await freePort(), metrics: await freePort() });
    await t.start();
    return t;
  }

  /** host:port of the frontend (TestSystem's `temporalAddress`). */
  get address(): string {
    return `127.0.0.1:${this.ports.grpc}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts (or restarts on the same data and ports) the server; resolves when it answers getSystemInfo. */
  async start(timeoutMs = 120_000): Promise<void> {
    if (this.child) throw new Error('the private Temporal server is already running');
    const infra = process.env.CASEBRIDGE_INFRA_DIR || path.join(root, '.infra');
    const args = [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(this.ports.grpc),
      '--headless',
      '--http-port',
      String(this.ports.http),
      '--metrics-port',
      String(this.ports.metrics),
      '--db-filename',
      path.join(this.dir, 'temporal.db'),
      '--namespace',
      'default',
      '--log-level',
      'error',
    ];
    const typeName = { KEYWORD: 'Keyword', DATETIME: 'Datetime', BOOL: 'Bool' } as const;
    for (const a of SEARCH_ATTRIBUTE_DEFINITIONS) args.push('--search-attribute', `${a.name}=${typeName[a.type]}`);
    const log = createWriteStream(this.logFile, { flags: 'a' });
    log.write(`\n===== [private-temporal] start at ${new Date().toISOString()} =====\n`);
    const child = spawn(path.join(infra, 'bin', 'temporal'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    this.child = child;
    this.exited = once(child, 'exit').then(() => undefined);
    for (const t0 = Date.now(); ;) {
      if (child.exitCode !== null)
        throw new Error(`the private Temporal server exited with ${child.exitCode} (log: ${this.logFile})`);
      try {
        const c = await Connection.connect({ address: this.address, connectTimeout: 1000 });
        try {
          await c.workflowService.getSystemInfo({});
        } finally {
          await c.close();
        }
        return;
      } catch (e) {
        if (Date.now() - t0 > timeoutMs) throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** SIGKILL (a crash); the data stays for start(). */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await this.exited;
    this.child = undefined;
  }

  /** Kills the server and deletes its data. */
  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

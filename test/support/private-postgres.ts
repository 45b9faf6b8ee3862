/**
 * A private PostgreSQL server for tests that kill and restart the database: the shared server of the other tests is
 * never touched. The binaries of infra/local (Debian's postgresql package, `/usr/lib/postgresql/<v>/bin`), a data
 * directory in a temporary directory (initdb, trust authentication), its own free port. When the test runs as root the
 * server runs as the `postgres` user, as infra/local does. `kill()` sends SIGKILL to the postmaster and all its
 * backends (its process group): a crash; `start()` afterwards runs crash recovery on the same data.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import type { Endpoints } from './endpoints';
import { freePort } from './system';

/** The directory of initdb and postgres (the newest /usr/lib/postgresql/<version>/bin). */
function pgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error('PostgreSQL is not installed (infra/local/up installs it)');
  return path.join(base, versions[0]!, 'bin');
}

/** uid/gid of the `postgres` user when running as root (PostgreSQL refuses to run as root), else undefined. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

export class PrivatePostgres {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  readonly logFile: string;

  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly bin: string,
    private readonly user: { uid: number; gid: number } | undefined,
  ) {
    this.logFile = path.join(dir, 'postgres.log');
  }

  /** initdb in a new temporary directory, then starts the server; resolves when it accepts queries. */
  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(path.join(tmpdir(), 'casebridge-private-pg-'));
    const user = serverUser();
    if (user) chownSync(dir, user.uid, user.gid);
    const bin = pgBin();
    execFileSync(
      path.join(bin, 'initdb'),
      ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'],
      { stdio: 'ignore', ...(user ?? {}) },
    );
    const pg = new PrivatePostgres(dir, await freePort(), bin, user);
    await pg.start();
    return pg;
  }

  /** Host, port and credentials of the server (TestSystem's `pg` option). */
  get endpoint(): Endpoints['pg'] {
    return { host: '127.0.0.1', port: this.port, user: 'postgres', password: 'postgres' };
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts (or restarts, same data: crash recovery) the server; resolves when it answers `SELECT 1`. */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.child) throw new Error('the private PostgreSQL is already running');
    const log = createWriteStream(this.logFile, { flags: 'a' });
    log.write(`\n===== [private-postgres] start at ${new Date().toISOString()} =====\n`);
    const child = spawn(
      path.join(this.bin, 'postgres'),
      [
        '-D',
        path.join(this.dir, 'data'),
        '-p',
        String(this.port),
        '-k',
        this.dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=400',
        '-c',
        'shared_buffers=64MB',
        '-c',
        'fsync=on',
      ],
      // a process group of its own: kill() reaches the backends too (an orphaned backend keeps the shared memory)
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(this.user ?? {}) },
    );
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    this.child = child;
    this.exited = once(child, 'exit').then(() => undefined);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`the private PostgreSQL exited with ${child.exitCode} (log: ${this.logFile})`);
      const c = new Client({ ...this.endpoint, database: 'postgres', connectionTimeoutMillis: 1000 });
      try {
        await c.connect();
        await c.query('SELECT 1');
        await c.end();
        return;
      } catch (e) {
        await c.end().catch(() => undefined);
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** SIGKILL to the postmaster and every backend (a crash); the data stays for start(). */
  async kill(): Promise<void> {
    if (!this.child) return;
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await this.exited;
    this.child = undefined;
    // backends of the group exit with the signal; wait until none holds the port any more
    await new Promise((r) => setTimeout(r, 200));
  }

  /** Kills the server and deletes its data. */
  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

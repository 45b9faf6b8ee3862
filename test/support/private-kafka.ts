/**
 * A private, single-node Kafka (KRaft) for tests that stop and restart the broker: the shared broker of
 * the other tests and engineers is never touched. Same jars and configuration template as infra/local
 * (`$CASEBRIDGE_INFRA_DIR/kafka/libs`, default `<repo>/.infra/kafka/libs`; fetched by infra/local's
 * install_kafka when missing), its own free ports and a temporary data directory that survives restarts.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from './system';

const root = path.resolve(__dirname, '../..');

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

export class PrivateKafka {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'casebridge-private-kafka-'));
  readonly logFile = path.join(this.dir, 'kafka.log');

  private constructor(
    readonly port: number,
    private readonly controllerPort: number,
    private readonly libs: string,
  ) {}

  /** Formats the storage and starts the broker; resolves when it accepts connections. */
  static async start(): Promise<PrivateKafka> {
    const infra = process.env.CASEBRIDGE_INFRA_DIR || path.join(root, '.infra');
    const libs = path.join(infra, 'kafka', 'libs');
    if (!existsSync(libs)) {
      execFileSync('bash', ['-c', `source "${root}/infra/local/lib.sh" && install_kafka`], {
        cwd: root,
        env: { ...process.env, CASEBRIDGE_INFRA_DIR: infra },
        stdio: 'inherit',
        timeout: 20 * 60_000,
      });
    }
    const kafka = new PrivateKafka(await freePort(), await freePort(), libs);
    kafka.configure();
    await kafka.startBroker();
    return kafka;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  private jvm(): string[] {
    return [
      '-Xms128m',
      '-Xmx512m',
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${root}/infra/local/kafka/log4j.properties`,
      '-cp',
      `${this.libs}/*`,
    ];
  }

  private configure(): void {
    const data = path.join(this.dir, 'data');
    mkdirSync(data, { recursive: true });
    const props = readFileSync(path.join(root, 'infra/local/kafka/server.properties.template'), 'utf8')
      .replaceAll('@KAFKA_PORT@', String(this.port))
      .replaceAll('@KAFKA_CONTROLLER_PORT@', String(this.controllerPort))
      .replaceAll('@KAFKA_DATA_DIR@', data);
    writeFileSync(path.join(this.dir, 'server.properties'), props);
    const id = execFileSync('java', [...this.jvm(), 'kafka.tools.StorageTool', 'random-uuid'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    execFileSync(
      'java',
      [
        ...this.jvm(),
        'kafka.tools.StorageTool',
        'format',
        '-t',
        id,
        '-c',
        path.join(this.dir, 'server.properties'),
        '--ignore-formatted',
      ],
      { stdio: 'ignore' },
    );
  }

  /** Starts (or restarts, same data) the broker. */
  async startBroker(timeoutMs = 120_000): Promise<void> {
    if (this.child) throw new Error('the private Kafka is already running');
    const log = createWriteStream(this.logFile, { flags: 'a' });
    log.write(`\n===== [private-kafka] start at ${new Date().toISOString()} =====\n`);
    const child = spawn('java', [...this.jvm(), 'kafka.Kafka', path.join(this.dir, 'server.properties')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    this.child = child;
    this.exited = once(child, 'exit').then(() => undefined);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`the private Kafka exited with ${child.exitCode} (log: ${this.logFile})`);
      if (await portOpen(this.port)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the private Kafka did not open port ${this.port} within ${timeoutMs} ms (log: ${this.logFile})`);
  }

  /** Stops the broker (SIGKILL by default: a crash; the data stays for startBroker). */
  async stopBroker(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.child) return;
    this.child.kill(signal);
    await this.exited;
    this.child = undefined;
  }

  /** Stops the broker and deletes its data. */
  async destroy(): Promise<void> {
    await this.stopBroker('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

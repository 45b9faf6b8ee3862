/**
 * A private, single-node Kafka (KRaft) for tests that stop and restart the broker: the shared broker of
 * the other tests and engineers is never touched. Same jars and configuration template as infra/local
 * (`$CASEBRIDGE_INFRA_DIR/kafka/libs`, default `<repo>/.infra/kafka/libs`; fetched by infra/local's
 * install_kafka when missing), its own free ports and a temporary data directory that survives restarts.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './system';

const root = path.resolve(__dirname, '../..');

/** Something accepts TCP connections on 127.0.0.1:`port`. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/** The directory of Kafka's jars (`$CASEBRIDGE_INFRA_DIR/kafka/libs`), fetched by infra/local's install_kafka when missing. */
export function kafkaLibs(): string {
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
  return libs;
}

/**
 * java arguments (before the main class) of a Kafka process of `libs`: small heap, infra/local's log4j settings;
 * `fastStart`: C1 only and the serial collector (starts in about half the time on a busy machine, slower under load).
 */
export function kafkaJvm(libs: string, heap = '512m', fastStart = false): string[] {
  return [
    '-Xms128m',
    `-Xmx${heap}`,
    ...(fastStart ? ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'] : ['-XX:+UseG1GC']),
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${root}/infra/local/kafka/log4j.properties`,
    '-cp',
    `${libs}/*`,
  ];
}

/** A new KRaft cluster id (Kafka's Uuid text form: 16 random bytes, base64url without padding), shared by every node of a cluster. */
export function kafkaClusterId(): string {
  // like Kafka's Uuid.randomUuid: never starting with '-' (read as an option by the command line)
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * One Kafka process: its properties rendered from an infra/local/kafka template into `dir`, storage formatted
 * (format); started, killed and restarted on the same data. The log of every start is appended to `logFile`.
 */
export class KafkaNode {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  readonly logFile: string;
  private readonly properties: string;

  constructor(
    private readonly libs: string,
    readonly dir: string,
    /** The PLAINTEXT port clients connect to. */
    readonly port: number,
    template: 'server.properties.template' | 'cluster.properties.template',
    /** @NAME@ placeholders of the template (KAFKA_PORT is set from `port`, KAFKA_DATA_DIR to `<dir>/data`). */
    vars: Record<string, string | number>,
    private readonly heap = '512m',
    private readonly fastStart = false,
  ) {
    const data = path.join(dir, 'data');
    mkdirSync(data, { recursive: true });
    this.logFile = path.join(dir, 'kafka.log');
    this.properties = path.join(dir, 'server.properties');
    let props = readFileSync(path.join(root, 'infra/local/kafka', template), 'utf8');
    for (const [k, v] of Object.entries({ ...vars, KAFKA_PORT: port, KAFKA_DATA_DIR: data }))
      props = props.replaceAll(`@${k}@`, String(v));
    writeFileSync(this.properties, props);
  }

  /** Formats the node's storage for cluster `clusterId` (kafkaClusterId); a formatted storage is left as it is. */
  async format(clusterId: string): Promise<void> {
    await promisify(execFile)('java', [
      ...this.jvm(),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      this.properties,
      '--ignore-formatted',
    ]);
  }

  private jvm(): string[] {
    return kafkaJvm(this.libs, this.heap, this.fastStart);
  }

  get running(): boolean {
    return !!this.child;
  }

  /** Starts the process (same data as before); `waitReady` afterwards for the port. */
  spawn(): void {
    if (this.child) throw new Error(`the Kafka node of port ${this.port} is already running`);
    const log = createWriteStream(this.logFile, { flags: 'a' });
    log.write(`\n===== [private-kafka] start at ${new Date().toISOString()} =====\n`);
    const child = spawn('java', [...this.jvm(), 'kafka.Kafka', this.properties], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    this.child = child;
    this.exited = once(child, 'exit').then(() => undefined);
  }

  /** Resolves when the node accepts connections; throws when it exits or `timeoutMs` passes. */
  async waitReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const child = this.child;
      if (!child || child.exitCode !== null)
        throw new Error(`the private Kafka exited with ${child?.exitCode} (log: ${this.logFile})`);
      if (await portOpen(this.port)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the private Kafka did not open port ${this.port} within ${timeoutMs} ms (log: ${this.logFile})`);
  }

  /** Stops the process (SIGKILL by default: a crash; the data stays). */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.child) return;
    this.child.kill(signal);
    await this.exited;
    this.child = undefined;
  }
}

export class PrivateKafka {
  private constructor(
    private readonly dir: string,
    private readonly node: KafkaNode,
  ) {}

  /** Formats the storage and starts the broker; resolves when it accepts connections. */
  static async start(): Promise<PrivateKafka> {
    const libs = kafkaLibs();
    const dir = mkdtempSync(path.join(tmpdir(), 'casebridge-private-kafka-'));
    const node = new KafkaNode(libs, dir, await freePort(), 'server.properties.template', {
      KAFKA_CONTROLLER_PORT: await freePort(),
    });
    await node.format(kafkaClusterId());
    const kafka = new PrivateKafka(dir, node);
    await kafka.startBroker();
    return kafka;
  }

  get port(): number {
    return this.node.port;
  }

  get logFile(): string {
    return this.node.logFile;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  /** Starts (or restarts, same data) the broker. */
  async startBroker(timeoutMs = 120_000): Promise<void> {
    this.node.spawn();
    await this.node.waitReady(timeoutMs);
  }

  /** Stops the broker (SIGKILL by default: a crash; the data stays for startBroker). */
  async stopBroker(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.node.stop(signal);
  }

  /** Stops the broker and deletes its data. */
  async destroy(): Promise<void> {
    await this.stopBroker('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

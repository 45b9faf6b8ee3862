/**
 * Offline checks of the container deployment (no Docker engine needed): docker-compose.yml runs the compiled
 * build of every service from the one multi-stage image, and that image holds production dependencies only,
 * runs as a non-root user and has a health check. `docker compose config` is the check on a Docker host.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');
const APPS = readdirSync(path.join(root, 'apps')).filter((a) => existsSync(path.join(root, 'apps', a, 'src/main.ts')));

interface Service {
  command?: string[];
  build?: { dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { disable?: boolean };
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };

/** The Dockerfile's stages: name → instructions (continuation lines joined). */
function stages(text: string): Map<string, string[]> {
  const lines = text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const l of lines) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(l);
    if (from) out.set(from[1] ?? `stage${out.size}`, (current = []));
    else current?.push(l);
  }
  return out;
}

describe('docker-compose.yml', () => {
  it.each(APPS)('runs the compiled build of %s from the one image, with its port and a health check', (app) => {
    const svc = compose.services[app];
    expect(svc).toBeDefined();
    expect(svc!.build?.dockerfile).toBe('infra/docker/Dockerfile');
    expect(svc!.command).toEqual(['node', `dist/apps/${app}/src/main.js`]);
    const port = svc!.environment?.PORT;
    expect(port).toMatch(/^\d+$/);
    expect(svc!.ports).toEqual([`${port}:${port}`]);
    expect(svc!.healthcheck?.disable).not.toBe(true);
  });

  it('runs no TypeScript at start: every command is compiled JavaScript the build produces from a source file', () => {
    const build = JSON.parse(read('package.json')).scripts['build:compile'] as string;
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const arg of svc.command ?? []) {
        expect(`${name}: ${arg}`).not.toMatch(/\.ts$|register/);
        const compiled = /^dist\/(.+)\.js$/.exec(arg);
        if (!compiled) continue;
        const source = `${compiled[1]}.ts`;
        expect(existsSync(path.join(root, source))).toBe(true);
        expect(build.split(/\s+/).some((input) => source === input || source.startsWith(`${input}/`))).toBe(true);
      }
    }
  });

  it('uses the same ports as npm start (APP_PORTS in infra/local/lib.sh, which run-all and status read)', () => {
    const appPorts = /^APP_PORTS=\(([^)]*)\)$/m.exec(read('infra/local/lib.sh'))![1]!.split(/\s+/);
    for (const app of APPS) expect(appPorts).toContain(`${app}:${compose.services[app]!.environment!.PORT}`);
    expect(read('infra/local/run-all')).toContain('"${APP_PORTS[@]}"');
  });
});

/** docker-compose.yml with `${VAR:-default}` replaced as `docker compose --env-file <envFile>` would (no env file: the defaults). */
function composeWith(envFile?: string): { services: Record<string, Service & { profiles?: string[] }> } {
  const vars = new Map<string, string>();
  for (const line of envFile ? read(envFile).split('\n') : []) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) vars.set(m[1]!, m[2]!);
  }
  const text = read('docker-compose.yml').replace(
    /\$\{([A-Z0-9_]+):-([^}]*)\}/g,
    (_, k: string, d: string) => vars.get(k) ?? d,
  );
  return parse(text, { merge: true }) as { services: Record<string, Service & { profiles?: string[] }> };
}

describe('docker-compose.yml Kafka: one node, or three with infra/docker/kafka3.env (profile kafka3)', () => {
  const kafkaNodes = ['kafka', 'kafka-2', 'kafka-3'];

  it('runs one node with replication factor 1 by default; nodes 2 and 3 only in the profile kafka3', () => {
    const c = composeWith();
    expect(c.services.kafka!.profiles).toBeUndefined();
    expect(c.services['kafka-2']!.profiles).toEqual(['kafka3']);
    expect(c.services['kafka-3']!.profiles).toEqual(['kafka3']);
    expect(c.services.kafka!.environment!.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe('1@kafka:9093');
    expect(c.services.police!.environment!.CASEBRIDGE_KAFKA_BROKERS).toBe('kafka:19092');
    expect(String(c.services.police!.environment!.CASEBRIDGE_KAFKA_REPLICATION_FACTOR)).toBe('1');
  });

  it('with kafka3.env: 3 voters of one cluster, replication factor 3, min.insync.replicas 2, services on all three', () => {
    const env = read('infra/docker/kafka3.env');
    expect(env).toMatch(/^COMPOSE_PROFILES=kafka3$/m);
    const c = composeWith('infra/docker/kafka3.env');
    const nodes = kafkaNodes.map((n) => c.services[n]!.environment!);
    expect(nodes.map((e) => Number(e.KAFKA_NODE_ID))).toEqual([1, 2, 3]);
    expect(new Set(nodes.map((e) => e.CLUSTER_ID)).size).toBe(1);
    for (const e of nodes) {
      expect(e.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe('1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093');
      expect(String(e.KAFKA_DEFAULT_REPLICATION_FACTOR)).toBe('3');
      expect(String(e.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR)).toBe('3');
      expect(String(e.KAFKA_MIN_INSYNC_REPLICAS)).toBe('2');
      expect(e.KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE).toBe('false');
    }
    expect(c.services.police!.environment!.CASEBRIDGE_KAFKA_BROKERS).toBe('kafka:19092,kafka-2:19092,kafka-3:19092');
    expect(String(c.services['kafka-init']!.environment!.CASEBRIDGE_KAFKA_REPLICATION_FACTOR)).toBe('3');
  });
});

describe('infra/docker/Dockerfile', () => {
  const s = stages(read('infra/docker/Dockerfile'));
  const runtime = [...s.values()].at(-1)!;

  it('is multi-stage: the build stage compiles, the runtime stage copies dist/ and production-only node_modules', () => {
    expect(s.size).toBeGreaterThanOrEqual(3);
    expect(s.get('build')).toContain('RUN npm run build');
    expect(s.get('production-deps')!.some((l) => /^RUN npm ci --omit=dev\b/.test(l))).toBe(true);
    expect(runtime).toContain('COPY --from=production-deps --chown=node:node /app/node_modules ./node_modules');
    expect(runtime).toContain('COPY --from=build --chown=node:node /app/dist ./dist');
    // nothing else from the build stage (it holds the dev dependencies), and no install in the runtime stage
    expect(runtime.filter((l) => l.includes('--from=build'))).toHaveLength(1);
    expect(runtime.some((l) => /npm (ci|install)/.test(l))).toBe(false);
  });

  it('runs as a non-root user, in production mode, with a health check on GET /health', () => {
    const user = runtime.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBe('USER node');
    expect(runtime.find((l) => l.startsWith('ENV '))).toMatch(/NODE_ENV=production/);
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK '))).toMatch(/\/health/);
    expect(runtime.find((l) => l.startsWith('CMD '))).toMatch(/dist\/apps\/[a-z-]+\/src\/main\.js/);
  });

  it("keeps the host's node_modules, dist and local state out of the build context", () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', '.infra', '.git']) expect(ignored).toContain(entry);
  });
});

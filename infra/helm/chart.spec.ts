/**
 * The Helm chart (infra/helm/casebridge) renders and validates offline: `helm lint` and `helm template` with the
 * default and the production example values; the rendered objects are checked: a Deployment per service running the
 * compiled entry point with probes, resources, a non-root security context; a Service, a disruption budget, KEDA
 * autoscaling on the consumer lag of the service's group. helm comes from `infra/local/up helm` (go install, cached
 * in .infra/bin; npm test installs it); without it these tests are skipped locally and fail under CI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ALL_TOPICS } from '@casebridge/contracts';

const root = path.resolve(__dirname, '../..');
const chart = path.join(root, 'infra/helm/casebridge');
const helm = [
  process.env.CASEBRIDGE_HELM,
  path.join(process.env.CASEBRIDGE_INFRA_DIR ?? path.join(root, '.infra'), 'bin/helm'),
  path.join(root, '.infra/bin/helm'),
].find((p): p is string => !!p && existsSync(p));
if (!helm && process.env.CI) throw new Error('helm is not installed: run infra/local/up helm (npm test does)');
const APPS = readdirSync(path.join(root, 'apps')).filter((a) => existsSync(path.join(root, 'apps', a, 'src/main.ts')));

/** The cluster version rendered for (a helm built by go install defaults to v1.20, older than the chart's kubeVersion). */
const KUBE = ['--kube-version', '1.30.0'];

interface K8s {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rendered Kubernetes specs, read loosely
  spec: Record<string, any>;
}

function template(...args: string[]): K8s[] {
  const out = execFileSync(helm!, ['template', 'cb', chart, ...KUBE, ...args], { encoding: 'utf8' });
  return parseAllDocuments(out)
    .map((d) => d.toJS() as K8s)
    .filter(Boolean);
}

(helm ? describe : describe.skip)('Helm chart infra/helm/casebridge', () => {
  it('passes helm lint (strict) with the default and the production example values', () => {
    for (const extra of [[], ['-f', path.join(chart, 'values-production.example.yaml')]]) {
      const r = spawnSync(helm!, ['lint', '--strict', ...KUBE, chart, ...extra], { encoding: 'utf8' });
      expect(`${r.status} ${r.stdout}${r.stderr}`).toMatch(/^0 [\s\S]*1 chart\(s\) linted, 0 chart\(s\) failed/);
    }
  });

  it.each(APPS)(
    '%s: a Deployment of the compiled entry point with probes, resources, non-root; a Service and a PDB',
    (app) => {
      const docs = template();
      const name = `cb-${app}`;
      const d = docs.find((x) => x.kind === 'Deployment' && x.metadata.name === name)!;
      expect(d).toBeDefined();
      const c = d.spec.template.spec.containers[0];
      expect(c.command).toEqual(['node', `dist/apps/${app}/src/main.js`]);
      expect(c.startupProbe.httpGet.path).toBe('/health');
      expect(c.readinessProbe.httpGet.path).toBe('/health');
      expect(c.livenessProbe.tcpSocket.port).toBe('http');
      expect(c.resources.requests.memory).toBeDefined();
      expect(c.resources.limits.memory).toBeDefined();
      expect(d.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
      const port = c.ports[0].containerPort;
      expect(c.env).toEqual(expect.arrayContaining([{ name: 'PORT', value: String(port) }]));
      expect(docs.find((x) => x.kind === 'Service' && x.metadata.name === name)?.spec.ports[0].port).toBe(port);
      expect(docs.find((x) => x.kind === 'PodDisruptionBudget' && x.metadata.name === name)?.spec.maxUnavailable).toBe(
        1,
      );
    },
  );

  it('autoscales every consuming service on the lag of its consumer group over contract topics (KEDA)', () => {
    const scaled = template().filter((x) => x.kind === 'ScaledObject');
    expect(scaled.map((s) => s.metadata.name).sort()).toEqual(
      APPS.filter((a) => a !== 'court')
        .map((a) => `cb-${a}`)
        .sort(),
    );
    for (const s of scaled) {
      expect(s.spec.triggers.length).toBeGreaterThan(0);
      for (const t of s.spec.triggers) {
        expect(t.type).toBe('kafka');
        expect(ALL_TOPICS).toContain(t.metadata.topic);
        expect(t.metadata.consumerGroup).toMatch(/^casebridge-/);
      }
    }
    // a fixed replica count only where KEDA does not own it
    const deployments = template().filter((x) => x.kind === 'Deployment');
    expect(deployments.filter((d) => d.spec.replicas !== undefined).map((d) => d.metadata.name)).toEqual(['cb-court']);
  });

  it('production example: OIDC issuer in the config, secrets by reference, ServiceMonitors, the alert rules, an ingress', () => {
    const docs = template('-f', path.join(chart, 'values-production.example.yaml'));
    const config = docs.find((x) => x.kind === 'ConfigMap')! as unknown as { data: Record<string, string> };
    expect(config.data).toMatchObject({
      NODE_ENV: 'production',
      CASEBRIDGE_OIDC_ISSUER: 'https://id.example.gov.cn/realms/casebridge',
    });
    expect(docs.filter((x) => x.kind === 'ServiceMonitor')).toHaveLength(APPS.length);
    const rule = docs.find((x) => x.kind === 'PrometheusRule')!;
    expect(rule.spec.groups[0].rules.map((r: { alert: string }) => r.alert)).toContain('CaseBridgeRelayStalled');
    expect(docs.find((x) => x.kind === 'Ingress')!.spec.rules).toHaveLength(APPS.length - 1);
    expect(docs.some((x) => x.kind === 'Job')).toBe(false); // Strimzi's KafkaTopics create the topics
    expect(docs.some((x) => x.kind === 'Secret')).toBe(false);
  });

  it('refuses to render without an OIDC issuer, and an ingress without a metrics token', () => {
    const noIssuer = spawnSync(helm!, ['template', 'cb', chart, ...KUBE, '--set', 'oidc.issuer='], {
      encoding: 'utf8',
    });
    expect(noIssuer.status).not.toBe(0);
    expect(noIssuer.stderr).toMatch(/oidc.issuer is required/);
    const openIngress = spawnSync(helm!, ['template', 'cb', chart, ...KUBE, '--set', 'ingress.enabled=true'], {
      encoding: 'utf8',
    });
    expect(openIngress.status).not.toBe(0);
    expect(openIngress.stderr).toMatch(/metrics token/);
  });
});

describe('chart files kept in step', () => {
  it("the chart's copy of the alert rules is infra/observability/prometheus/alerts.yml", () => {
    expect(readFileSync(path.join(chart, 'files/alerts.yml'), 'utf8')).toBe(
      readFileSync(path.join(root, 'infra/observability/prometheus/alerts.yml'), 'utf8'),
    );
  });

  it('every topic the chart names is a contract topic', () => {
    const values =
      readFileSync(path.join(chart, 'values.yaml'), 'utf8') +
      readFileSync(path.join(root, 'infra/helm/engines/strimzi-kafka.yaml'), 'utf8');
    for (const t of values.match(/casebridge\.[a-z-]+(?:\.events)?\.v\d+/g) ?? []) expect(ALL_TOPICS).toContain(t);
  });
});

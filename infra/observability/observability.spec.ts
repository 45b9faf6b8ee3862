/**
 * The alert rules and the Grafana dashboard refer only to metrics the services export (names defined in the
 * sources, prom-client's process/Node.js defaults, the Temporal SDK's `temporal_*`, Prometheus' `up`), plus the
 * one announced hook: casebridge_parked_events (libs/platform/src/metrics/messaging.metrics.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const HOOKS = new Set(['casebridge_parked_events']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}
const defined = new Set(
  ['apps', 'libs']
    .flatMap((d) => sources(path.join(root, d)))
    // metric names have two words after the prefix (casebridge_police etc. are database names)
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/['`](casebridge_[a-z]+_[a-z_]+)['`]/g)].map((m) => m[1]!)),
);
/** Metric names in a PromQL expression (histogram series resolved to their family). */
function metricsIn(expr: string): string[] {
  const names = [
    ...expr
      .replace(/\{[^}]*\}/g, '')
      .replace(/"[^"]*"/g, '')
      .matchAll(/\b([a-z_]+_[a-z_]+)\b(?!\s*\()/g),
  ].map((m) => m[1]!);
  return names
    .filter((n) => /^(casebridge|temporal|process|nodejs)_/.test(n))
    .map((n) => n.replace(/_(bucket|sum|count)$/, ''));
}
function known(name: string): boolean {
  if (name.startsWith('casebridge_')) return defined.has(name) || HOOKS.has(name);
  return /^(temporal|process|nodejs)_/.test(name);
}

interface Rule {
  alert: string;
  expr: string;
  labels: { severity: string };
  annotations: { summary: string; description: string };
}

describe('Prometheus alert rules (infra/observability/prometheus/alerts.yml)', () => {
  const file = parse(readFileSync(path.join(root, 'infra/observability/prometheus/alerts.yml'), 'utf8')) as {
    groups: { name: string; rules: Rule[] }[];
  };
  const rules = file.groups.flatMap((g) => g.rules);

  it('covers overdue growth, consumer lag, dead letters and a stalled relay', () => {
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'CaseBridgeOverdueGrowing',
        'CaseBridgeConsumerLag',
        'CaseBridgeDeadLetters',
        'CaseBridgeRelayStalled',
      ]),
    );
  });

  it.each(rules.map((r) => [r.alert, r] as const))(
    '%s: known metrics, a severity, a summary and a runbook link',
    (_, r) => {
      const names = metricsIn(r.expr);
      if (r.alert !== 'CaseBridgeServiceDown') expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(`${n}: ${known(n)}`).toBe(`${n}: true`);
      expect(['warning', 'critical']).toContain(r.labels.severity);
      expect(r.annotations.summary.length).toBeGreaterThan(10);
      expect(r.annotations.description).toMatch(/docs\/runbook\.md#[a-z-]+/);
    },
  );

  it('each runbook link points to a section of docs/runbook.md', () => {
    const runbook = readFileSync(path.join(root, 'docs/runbook.md'), 'utf8');
    const anchors = new Set(
      [...runbook.matchAll(/^#+ (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .trim()
          .replace(/ /g, '-'),
      ),
    );
    for (const r of rules) {
      const anchor = /docs\/runbook\.md#([a-z-]+)/.exec(r.annotations.description)![1]!;
      expect(`${r.alert} → #${anchor}: ${anchors.has(anchor)}`).toBe(`${r.alert} → #${anchor}: true`);
    }
  });
});

describe('Grafana dashboard (infra/observability/grafana/casebridge-dashboard.json)', () => {
  const dash = JSON.parse(
    readFileSync(path.join(root, 'infra/observability/grafana/casebridge-dashboard.json'), 'utf8'),
  ) as {
    uid: string;
    panels: { id: number; title: string; targets: { expr: string }[] }[];
  };

  it('has unique panel ids and queries known metrics only', () => {
    expect(new Set(dash.panels.map((p) => p.id)).size).toBe(dash.panels.length);
    for (const p of dash.panels) {
      expect(p.targets.length).toBeGreaterThan(0);
      for (const t of p.targets)
        for (const n of metricsIn(t.expr)) expect(`${p.title}: ${n}: ${known(n)}`).toBe(`${p.title}: ${n}: true`);
    }
  });

  it('shows every CaseBridge metric the services export', () => {
    const shown = new Set(dash.panels.flatMap((p) => p.targets.flatMap((t) => metricsIn(t.expr))));
    expect([...defined].filter((n) => !shown.has(n))).toEqual([]);
  });
});

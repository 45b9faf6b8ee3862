/**
 * TEST-ONLY failpoints for crash testing. Inert unless the environment variable
 * `CASEBRIDGE_FAILPOINT` is set; never set it in a deployment.
 *
 *   CASEBRIDGE_FAILPOINT="relay:after-send?p=0.3&skip=2;consumer:after-effect?skip=10"
 *
 * Entries are separated by `;`. Each names a failpoint and optional controls:
 *   p=<0..1>        probability that an eligible hit fires (default 1)
 *   skip=<n>        the first n hits never fire (default 0), so a process makes some progress first
 *   action=kill     SIGKILL the own process (default): nothing after this line runs, no cleanup
 *   action=throw    throw a FailpointError instead (for in-process tests)
 * `CASEBRIDGE_FAILPOINT_LOG=<file>` appends one line per firing (proof that the failpoint fired).
 * Counters are per process: a restarted process starts counting again.
 */
import { appendFileSync, writeSync } from 'node:fs';

export const FAILPOINTS = [
  /** Relay: Kafka acknowledged the batch, `published_at` not yet committed → the batch is sent again. */
  'relay:after-send',
  /** Relay: rows locked, nothing sent yet. */
  'relay:before-send',
  /** Consumer: handler ran inside the inbox transaction, not yet committed → effect rolled back. */
  'consumer:before-commit',
  /** Consumer: inbox transaction (effect) committed, Kafka offset not yet committed → redelivery. */
  'consumer:after-effect',
] as const;
export type FailpointName = (typeof FAILPOINTS)[number];

export interface FailpointRule {
  probability: number;
  skip: number;
  action: 'kill' | 'throw';
}

export class FailpointError extends Error {
  constructor(readonly failpoint: FailpointName) {
    super(`failpoint ${failpoint} fired`);
    this.name = 'FailpointError';
  }
}

export const FAILPOINT_ENV = 'CASEBRIDGE_FAILPOINT';
export const FAILPOINT_LOG_ENV = 'CASEBRIDGE_FAILPOINT_LOG';

/** Parses a failpoint specification; throws on unknown names or bad controls (a typo must not disarm a test). */
export function parseFailpoints(spec: string | undefined): Map<FailpointName, FailpointRule> {
  const rules = new Map<FailpointName, FailpointRule>();
  if (!spec || !spec.trim()) return rules;
  for (const entry of spec
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, query = ''] = entry.split('?', 2) as [string, string?];
    if (!(FAILPOINTS as readonly string[]).includes(name)) {
      throw new Error(`unknown failpoint '${name}' in ${FAILPOINT_ENV} (known: ${FAILPOINTS.join(', ')})`);
    }
    const rule: FailpointRule = { probability: 1, skip: 0, action: 'kill' };
    for (const [k, v] of new URLSearchParams(query)) {
      if (k === 'p') {
        const p = Number(v);
        if (!(p >= 0 && p <= 1)) throw new Error(`failpoint ${name}: p must be within [0, 1] (got '${v}')`);
        rule.probability = p;
      } else if (k === 'skip') {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0)
          throw new Error(`failpoint ${name}: skip must be an integer ≥ 0 (got '${v}')`);
        rule.skip = n;
      } else if (k === 'action') {
        if (v !== 'kill' && v !== 'throw')
          throw new Error(`failpoint ${name}: action must be kill or throw (got '${v}')`);
        rule.action = v;
      } else {
        throw new Error(`failpoint ${name}: unknown control '${k}' (p, skip, action)`);
      }
    }
    rules.set(name as FailpointName, rule);
  }
  return rules;
}

let rules: Map<FailpointName, FailpointRule> | undefined;
const hits = new Map<FailpointName, number>();

/** Re-reads the specification (tests); `undefined` = from the environment. */
export function configureFailpoints(spec?: string): void {
  rules = parseFailpoints(spec ?? process.env[FAILPOINT_ENV]);
  hits.clear();
}

/** Marks a place where a test may crash the process. A no-op unless armed through the environment. */
export function failpoint(name: FailpointName, random: () => number = Math.random): void {
  if (rules === undefined) {
    if (!process.env[FAILPOINT_ENV]) return; // the production path: one env lookup until configured
    configureFailpoints();
  }
  const rule = rules!.get(name);
  if (!rule) return;
  const hit = (hits.get(name) ?? 0) + 1;
  hits.set(name, hit);
  if (hit <= rule.skip || random() >= rule.probability) return;
  const line = `[failpoint] ${name} fired pid=${process.pid} hit=${hit} at=${new Date().toISOString()}\n`;
  const log = process.env[FAILPOINT_LOG_ENV];
  if (log) appendFileSync(log, line);
  if (rule.action === 'throw') throw new FailpointError(name);
  writeSync(2, line);
  process.kill(process.pid, 'SIGKILL');
}

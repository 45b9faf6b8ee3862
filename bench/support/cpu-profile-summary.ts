/**
 * Summary of V8 .cpuprofile files (bench/support/cpu-profile.cjs, `node --cpu-prof`, Chrome DevTools): the
 * self time of each profile by module (npm package, node core, app or lib folder of this repository, or a V8
 * category: (garbage collector), (program), (idle)) and by function, as ms and as a share of the busy time (the
 * sampled time but (idle)). Self time: the sampling intervals (timeDeltas, µs) whose sample had that frame on top.
 *
 *   node -r @swc-node/register bench/support/cpu-profile-summary.ts [--top 12] <file.cpuprofile>…
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

const root = path.resolve(__dirname, '../..');

/** The module a frame belongs to: `pg`, `@nestjs/core`, `node core`, `apps/police`, `libs/messaging`, `(gc)`… */
export function moduleOf(frame: CallFrame): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node core';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const rel = path.relative(root, url).replace(/^dist\//, '');
  if (rel.startsWith('..')) return url;
  const parts = rel.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : rel;
}

export interface ProfileSummary {
  /** sampled time (ms), idle included */
  totalMs: number;
  /** sampled time but (idle) (ms) */
  busyMs: number;
  byModule: [string, number][];
  byFunction: [string, number][];
}

/** Self time (ms) of a profile by module and by function, largest first. */
export function summariseCpuProfile(profile: CpuProfile): ProfileSummary {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const f = frames.get(id)!;
    total += us;
    if (f.functionName === '(idle)') {
      idle += us;
      return;
    }
    const mod = moduleOf(f);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
    const fn = `${f.functionName || '(anonymous)'} ${mod}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  const sorted = (m: Map<string, number>) =>
    [...m.entries()].map(([k, v]): [string, number] => [k, v / 1000]).sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total / 1000,
    busyMs: (total - idle) / 1000,
    byModule: sorted(byModule),
    byFunction: sorted(byFunction),
  };
}

/** Printable lines: busy time, then the `top` modules and functions by self time (ms, % of busy). */
export function formatSummary(label: string, s: ProfileSummary, top = 12): string[] {
  const pct = (ms: number) => `${((100 * ms) / Math.max(1e-9, s.busyMs)).toFixed(1).padStart(5)}%`;
  return [
    `${label}: busy ${(s.busyMs / 1000).toFixed(2)} s of ${(s.totalMs / 1000).toFixed(2)} s sampled (main thread)`,
    '  modules (self):',
    ...s.byModule.slice(0, top).map(([k, ms]) => `    ${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${k}`),
    '  functions (self):',
    ...s.byFunction.slice(0, top).map(([k, ms]) => `    ${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${k}`),
  ];
}

if (require.main === module) {
  const { values, positionals } = parseArgs({
    options: { top: { type: 'string', default: '12' } },
    allowPositionals: true,
  });
  for (const file of positionals) {
    const s = summariseCpuProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    console.log(formatSummary(path.basename(file), s, Number(values.top)).join('\n'));
  }
}

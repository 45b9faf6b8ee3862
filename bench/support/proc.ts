/**
 * Resource use of local processes from /proc (Linux): resident memory and CPU time, for the benches that print the
 * cost of the services beside their latencies. Values of a process that has exited are undefined.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Resident set size of `pid` in MiB (VmRSS of /proc/<pid>/status), or undefined when it is gone. */
export function rssMiB(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds of a /proc stat file: user + system (fields 14 and 15), and with `reaped` also the CPU of its children
 * that ended and were reaped (cutime + cstime, fields 16 and 17); undefined when the process is gone.
 */
function statCpuSeconds(statFile: string, reaped: boolean): number | undefined {
  try {
    const stat = readFileSync(statFile, 'utf8');
    // the command name (field 2) may contain spaces: count the fields after its closing parenthesis
    const f = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return (f[11]! + f[12]! + (reaped ? f[13]! + f[14]! : 0)) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) `pid` has used so far (a thread's: `statFile` /proc/<pid>/task/<tid>/stat), or
 * undefined when it is gone. */
export function cpuSeconds(pid: number, statFile = `/proc/${pid}/stat`): number | undefined {
  return statCpuSeconds(statFile, false);
}

/**
 * CPU seconds of a process and of its children that ended and were reaped: with the live children's own CPU added, a
 * total that does not drop when a child ends (a PostgreSQL backend, say).
 */
export function cpuSecondsWithReaped(pid: number): number | undefined {
  return statCpuSeconds(`/proc/${pid}/stat`, true);
}

/** Samples the RSS of some processes every `everyMs` and keeps each one's peak (MiB); stop() ends the sampling. */
export class PeakRss {
  private readonly peaks = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: () => number[],
    everyMs = 1000,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): void {
    for (const pid of this.pids()) {
      const rss = rssMiB(pid);
      if (rss !== undefined) this.peaks.set(pid, Math.max(rss, this.peaks.get(pid) ?? 0));
    }
  }

  peak(pid: number): number | undefined {
    return this.peaks.get(pid);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** p-quantile (0..1) of ascending `sorted` (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * CPU seconds (user + system) of each thread of `pid` so far, summed by thread name (/proc/<pid>/task/<tid>/comm:
 * `node` is a Node.js main thread, `libuv-worker` its thread pool, V8's helper threads, a native add-on's own);
 * empty when the process is gone. Threads that ended before the call are not counted.
 */
export function threadCpuSeconds(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      const cpu = cpuSeconds(pid, `/proc/${pid}/task/${tid}/stat`);
      if (cpu !== undefined) out.set(name, (out.get(name) ?? 0) + cpu);
    } catch {
      /* the thread ended */
    }
  }
  return out;
}

/** Process ids of every process whose /proc/<pid>/`file` (read when still there) passes `test`. */
function processesWhere(file: string, test: (text: string) => boolean): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return test(readFileSync(`/proc/${entry}/${file}`, 'utf8'));
      } catch {
        return false; // gone
      }
    })
    .map(Number);
}

/** Process ids whose command line (/proc/<pid>/cmdline, arguments joined by spaces) matches `pattern`. */
export function findProcesses(pattern: RegExp): number[] {
  return processesWhere('cmdline', (text) => pattern.test(text.replace(/\0/g, ' ')));
}

/** Process ids whose parent is `pid` (field 4 of /proc/<pid>/stat): a PostgreSQL postmaster's backends, say. */
export function childrenOf(pid: number): number[] {
  return processesWhere('stat', (stat) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid);
}

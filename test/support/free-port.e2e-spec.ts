// The kind behind CI's "POST /cases → 404 Cannot POST /cases" (stop 20): two test files in parallel jest workers were
// handed the same port, and one test talked to the other's app. `freePort` now draws from a span per jest worker.
import { createServer, type Server } from 'node:net';
import { once } from 'node:events';
import { freePort } from './system';

async function portsOf(workerId: string, n: number): Promise<number[]> {
  const saved = process.env.JEST_WORKER_ID;
  process.env.JEST_WORKER_ID = workerId;
  try {
    const ports: number[] = [];
    for (let i = 0; i < n; i++) ports.push(await freePort());
    return ports;
  } finally {
    process.env.JEST_WORKER_ID = saved;
  }
}

describe('freePort (test system ports)', () => {
  it('never hands two parallel jest workers the same port, and stays below the ephemeral range', async () => {
    const one = await portsOf('1', 200);
    const two = await portsOf('2', 200);
    expect(one.filter((p) => two.includes(p))).toEqual([]);
    for (const p of [...one, ...two]) expect(p).toBeLessThan(32_768);
    expect(new Set(one).size).toBe(200);
  });

  it('skips a port somebody listens on', async () => {
    const [first] = await portsOf('3', 1);
    // worker 3's span: 24,500…25,999 (PORT_BASE 20,000 + 3 × 1,500); the cursor wraps inside it
    const after = (k: number) => 24_500 + ((first - 24_500 + k) % 1_500);
    // listen on the ports freePort would hand out next, so it must skip them
    const held: Server[] = [];
    for (const p of [after(1), after(2), after(3)]) {
      const s = createServer();
      s.listen(p, '127.0.0.1');
      await once(s, 'listening');
      held.push(s);
    }
    try {
      const [next] = await portsOf('3', 1);
      expect(next).toBe(after(4));
    } finally {
      await Promise.all(held.map((s) => new Promise((r) => s.close(r))));
    }
  });
});

/**
 * Preloaded (`node -r ./bench/support/cpu-profile.cjs …`) into a service by `npm run bench:load -- --cpu-prof <dir>`:
 * each SIGWINCH toggles a V8 CPU profile of the main thread. The first starts it, the second stops it and writes
 * `<CASEBRIDGE_CPU_PROFILE_DIR>/<CASEBRIDGE_CPU_PROFILE_NAME>.<pid>.<n>.cpuprofile` (n = 1, 2, … per profile), the
 * .cpuprofile JSON that Chrome DevTools and bench/support/cpu-profile-summary.ts read. Sampling interval:
 * CASEBRIDGE_CPU_PROFILE_INTERVAL_US (default 1000 µs).
 *
 * Why not `node --cpu-prof`: it writes its profile only when the process exits by itself, and a Nest app re-kills
 * itself with the signal after its shutdown hooks (enableShutdownHooks), so no profile would be written; and a
 * toggle lets the bench profile the measured steps only, not start-up and the preparation of the transfers.
 * SIGWINCH because its default action is to ignore it and no one else here listens to it (Nest's shutdown hooks and
 * Temporal's runtime take SIGUSR2 as a stop signal; SIGUSR1 is Node's inspector).
 * Plain CommonJS so that it loads the same way into the sources (@swc-node/register) and the build (dist/).
 */
'use strict';
const { Session } = require('node:inspector');
const { writeFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');

const dir = process.env.CASEBRIDGE_CPU_PROFILE_DIR;
if (dir) {
  const name = process.env.CASEBRIDGE_CPU_PROFILE_NAME || 'node';
  const interval = Number(process.env.CASEBRIDGE_CPU_PROFILE_INTERVAL_US || 1000);
  const session = new Session();
  session.connect();
  let running = false;
  let n = 0;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, result) => {
      if (err) {
        console.error(`cpu-profile: ${err.message}`);
        return;
      }
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${name}.${process.pid}.${++n}.cpuprofile`);
      writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}

import { Logger } from '@nestjs/common';
import { Gauge, register } from 'prom-client';

const logger = new Logger('Metrics');

/**
 * A gauge read when Prometheus scrapes (prom-client `collect`), in the default registry; replaces one of the same
 * name (a second app in the same process). A failed read is logged and leaves the gauge without samples, so one
 * slow dependency never fails the whole scrape. Remove it with `register.removeSingleMetric(name)` on shutdown.
 */
export function scrapeGauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  read: (g: Gauge<L>) => Promise<void> | void,
): Gauge<L> {
  register.removeSingleMetric(name);
  const g: Gauge<L> = new Gauge<L>({
    name,
    help,
    labelNames,
    async collect() {
      try {
        await read(g);
      } catch (e) {
        g.reset();
        logger.warn(`${name}: ${(e as Error).message}`);
      }
    },
  });
  return g;
}

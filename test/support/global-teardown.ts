/** Stops the containers global-setup started; local processes stay up so the next run is fast. */
export default async function globalTeardown(): Promise<void> {
  const containers = (globalThis as Record<string, unknown>).__casebridgeContainers as
    { stop(): Promise<unknown> }[] | undefined;
  if (containers) await Promise.all(containers.map((c) => c.stop()));
}

import { condition, defineSignal, setHandler, sleep } from '@temporalio/workflow';

export const pokeSignal = defineSignal<[string]>('poke');

/** Infrastructure smoke test: waits on a durable timer, returns how it ended. */
export async function smokeTimerWorkflow(days: number): Promise<string> {
  await sleep(days * 24 * 60 * 60 * 1000);
  return `slept ${days} days`;
}

/** Infrastructure smoke test: waits for a signal. */
export async function smokeSignalWorkflow(): Promise<string> {
  let got: string | undefined;
  setHandler(pokeSignal, (v) => {
    got = v;
  });
  await condition(() => got !== undefined);
  return `poked with ${got}`;
}

import { DomainError } from '@casebridge/contracts';

/** The refusal a guard's promise ends in, as `kind CODE` (e.g. `not-found SHARING.NOT_FOUND`); throws if it passed. */
export async function refusalOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return `${e.kind} ${e.code}`;
  }
  throw new Error('expected a refusal');
}

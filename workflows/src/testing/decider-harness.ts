/**
 * Given-events / when-event / then-actions harness for the pure deciders (unit specs, no Temporal).
 */
import type { CaseEventSignal } from '../shared/deadline.contracts';
import type { CaseDecider, Decision, StepAction, StepContext } from '../shared/step-actions';

export const T0 = Date.parse('2025-09-22T09:00:00+08:00');
let seq = 0;
export function ev(
  type: string,
  payload: Record<string, unknown> = {},
  producerAgencyId = 'enforcement:210100',
): CaseEventSignal {
  seq += 1;
  return {
    eventId: `e-${seq}`,
    type,
    occurredAt: new Date(T0 + seq * 3_600_000).toISOString(),
    producerAgencyId,
    payload,
  };
}

export const SENT = { toAgencyId: 'police:210100', copyToAgencyId: 'procuratorate:210100' };

/** `<ruleId>` or `<ruleId>@<key>`: what the harness keeps open per step. */
function slot(ruleId: string, key?: string): string {
  return key ? `${ruleId}@${key}` : ruleId;
}

/** Folds events through a decider, keeping the set of open steps (`ruleId`, or `ruleId@key` for keyed steps) the way the tracker would. */
export class Harness<M> {
  readonly open = new Set<string>();
  readonly actions: StepAction[] = [];
  last: Decision<M> | undefined;
  /** Patch ids answered false (the decider behaves as a run recorded before that change). */
  readonly unpatched = new Set<string>();
  constructor(
    private readonly decider: CaseDecider<M>,
    public model: M,
  ) {}

  private ctx(): StepContext {
    return {
      isOpen: (r, key) =>
        key === undefined ? [...this.open].some((s) => s === r || s.startsWith(`${r}@`)) : this.open.has(slot(r, key)),
      patched: (id) => !this.unpatched.has(id),
    };
  }

  private run(decision: Decision<M> | null): Decision<M> | null {
    if (decision?.kind === 'apply') {
      this.model = decision.model;
      for (const a of decision.actions) {
        this.actions.push(a);
        if (a.kind === 'open') this.open.add(slot(a.ruleId, a.key));
        if (a.kind === 'close') this.open.delete(slot(a.ruleId, a.key));
        if (a.kind === 'close-all') this.open.clear();
      }
    }
    return decision;
  }

  given(...events: CaseEventSignal[]): this {
    for (const e of events) this.when(e);
    this.actions.length = 0;
    return this;
  }

  when(event: CaseEventSignal): Decision<M> {
    this.last = this.run(this.decider.decide(this.model, event, this.ctx()))!;
    return this.last;
  }

  missed(ruleId: string): Decision<M> | null {
    this.open.delete(ruleId);
    return this.run(this.decider.onMissed(this.model, ruleId, new Date(T0).toISOString(), this.ctx()));
  }
}

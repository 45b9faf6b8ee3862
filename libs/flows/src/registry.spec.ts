import { eventRegistry } from '@casebridge/contracts';
import { auditSections, FLOW_EVENT_TYPES, FLOWS, flowsOf } from './registry';

describe('flow registry', () => {
  it('lists each flow once, by a unique name', () => {
    const names = FLOWS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([
      'transfer',
      'filing-supervision',
      'prosecution',
      'pil-administrative',
      'pil-civil',
      'edc',
      'notification',
      'consultation',
      'joint-supervision',
    ]);
  });

  it('every event type a flow folds is a contract type', () => {
    const contract = new Set(eventRegistry.definitions().map((d) => d.type));
    expect([...FLOW_EVENT_TYPES].filter((t) => !contract.has(t))).toEqual([]);
  });

  it('an audit section belongs to one flow only', () => {
    const all = Object.entries(auditSections()).flatMap(([kind, sections]) => sections.map((s) => `${kind}.${s}`));
    expect(new Set(all).size).toBe(all.length);
  });

  it('finds the flows of an event type: a filing decision concerns the transfer and, with a supervisionId, its supervision', () => {
    expect(flowsOf('transfer.filing-decided').map((f) => f.name)).toEqual(['transfer', 'filing-supervision']);
    expect(flowsOf('no.such-type')).toEqual([]);
  });

  it("a flow's rows fill only the sections it declares", () => {
    for (const flow of FLOWS) {
      const rows = flow.audit.rows(flow.audit.empty);
      for (const [kind, sections] of Object.entries(rows))
        expect(Object.keys(sections).every((s) => flow.audit.sections[kind]?.includes(s))).toBe(true);
    }
  });
});

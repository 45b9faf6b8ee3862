/**
 * Issue #16, acceptance 1: one trace from the police's receipt to the deadline it starts in the police inbox.
 * Real Kafka, Temporal (dev server) and PostgreSQL; the services run as child processes with
 * OTEL_EXPORTER_OTLP_ENDPOINT pointing at an OTLP/HTTP receiver in this process (protobuf, the default protocol).
 *
 * The chain asserted, parent by parent (one trace id, W3C context across every hop):
 *   police      POST /transfers/:transferId/receipt (SERVER, root)  → outbox row (trace_context) → relay PRODUCER span
 *   worker      CONSUMER span (Kafka headers) → bridge span → SignalWorkflow (Temporal client) → HandleSignal (workflow)
 *               → StartActivity → RunActivity:publishDeadlineEvents → outbox row → relay PRODUCER span
 *   police      CONSUMER span that applied deadline.started of transfer.filing-review to the inbox
 * and the linked-case id on the spans of each hop (casebridge.linked_case_id).
 */
import { readFileSync } from 'node:fs';
import { TraceAttributes } from '@casebridge/contracts';
import { OtlpReceiver, SPAN_KIND, type ReceivedSpan } from '../support/otlp-receiver';
import { eventually, TestSystem } from '../support/system';
import { agencies, openAndSend, polPhase } from '../transfer/transfer-driver';

interface InboxItem {
  ruleId: string | null;
  subjectId: string | null;
  dueAt: string | null;
}

const LINKED = TraceAttributes.linkedCaseId;

/** The ancestors of `span` in `spans`, root first, `span` last; stops at a parent that was not received. */
function chainOf(span: ReceivedSpan, spans: readonly ReceivedSpan[]): ReceivedSpan[] {
  const byId = new Map(spans.filter((s) => s.traceId === span.traceId).map((s) => [s.spanId, s]));
  const chain = [span];
  for (let s = span; s.parentSpanId;) {
    const parent = byId.get(s.parentSpanId);
    if (!parent) break;
    chain.unshift(parent);
    s = parent;
  }
  return chain;
}

const describeChain = (chain: readonly ReceivedSpan[]): string[] => chain.map((s) => `${s.service} ${s.name}`);

describe('a trace follows the police receipt to the deadline in the police inbox', () => {
  const receiver = new OtlpReceiver();
  let sys: TestSystem;

  beforeAll(async () => {
    await receiver.start();
    sys = new TestSystem(['enforcement', 'police', 'workflow-worker'], {
      '*': { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' },
    });
    await sys.start();
  }, 240_000);
  afterAll(async () => {
    await sys?.stop();
    await receiver.stop();
  }, 60_000);

  it('one trace id, parent by parent, from POST …/receipt through Kafka and Temporal to the inbox consumer', async () => {
    const a = agencies(sys, { police: true, procuratorate: false });
    const { transferId, linkedCaseId } = await openAndSend(a, 'trace');
    await polPhase(a.pol, transferId, 'awaiting-receipt');
    await a.pol.post(`/transfers/${transferId}/receipt`, { receiptNumber: '沈公（环）受字〔2026〕77号' });
    await eventually(
      async () => (await a.pol.get<{ items: InboxItem[] }>(`/inbox?linkedCaseId=${linkedCaseId}&status=owed`)).items,
      (items) =>
        items.some((i) => i.ruleId === 'transfer.filing-review' && i.subjectId === transferId && i.dueAt !== null),
      'the police owe transfer.filing-review',
    );

    // the deadline event the workflow published: the worker's outbox row, with the trace context it was written in
    const worker = await sys.sql('workflow-worker');
    let row: { event_id: string; trace_context: Record<string, string> | null };
    try {
      row = (await eventually(
        async () =>
          (
            await worker.query(
              `SELECT event_id, trace_context FROM outbox WHERE type = 'deadline.started' AND key = $1 AND envelope->'payload'->>'ruleId' = 'transfer.filing-review'`,
              [linkedCaseId],
            )
          ).rows[0] as typeof row | undefined,
        (r) => r !== undefined,
        'the worker wrote deadline.started of transfer.filing-review',
      )) as typeof row;
    } finally {
      await worker.end();
    }
    expect(row.trace_context?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    // … applied by the police's consumer, whose span closes the chain (spans arrive in batches: wait for the whole chain)
    const isInboxSpan = (s: ReceivedSpan): boolean =>
      s.service === 'casebridge-police' &&
      s.kind === SPAN_KIND.consumer &&
      s.attributes[TraceAttributes.eventId] === row.event_id;
    const chain = await eventually(
      async () => {
        const last = receiver.spans.find(isInboxSpan);
        return last ? chainOf(last, receiver.spans) : [];
      },
      (c) => c.length > 0 && c[0]!.parentSpanId === '' && c[0]!.kind === SPAN_KIND.server,
      'the whole chain of spans exported',
      60_000,
    );

    const names = describeChain(chain);
    // one trace: the stored context is the trace of the chain
    expect(new Set(chain.map((s) => s.traceId))).toEqual(new Set([row.trace_context!.traceparent!.split('-')[1]]));
    const [root] = chain;
    expect(root).toMatchObject({
      service: 'casebridge-police',
      name: 'POST /transfers/:transferId/receipt',
      kind: SPAN_KIND.server,
    });
    expect(root!.attributes[LINKED]).toBe(linkedCaseId);

    // the hops, in this order, each a descendant of the one before
    const hops: [string, (s: ReceivedSpan) => boolean][] = [
      [
        'police relay publishes transfer.receipt-signed',
        (s) =>
          s.service === 'casebridge-police' &&
          s.kind === SPAN_KIND.producer &&
          s.attributes[TraceAttributes.eventType] === 'transfer.receipt-signed',
      ],
      [
        'worker consumes it',
        (s) =>
          s.service === 'casebridge-workflow-worker' &&
          s.kind === SPAN_KIND.consumer &&
          s.attributes[TraceAttributes.eventType] === 'transfer.receipt-signed' &&
          s.attributes[TraceAttributes.outcome] === 'applied',
      ],
      [
        'worker bridge',
        (s) => s.service === 'casebridge-workflow-worker' && s.name === 'bridge transfer.receipt-signed',
      ],
      ['Temporal client signal', (s) => /^(SignalWorkflow|SignalWithStartWorkflow):caseEvent$/.test(s.name)],
      ['workflow signal handler', (s) => s.name === 'HandleSignal:caseEvent'],
      ['workflow schedules the activity', (s) => s.name === 'StartActivity:publishDeadlineEvents'],
      [
        'activity runs',
        (s) => s.service === 'casebridge-workflow-worker' && s.name === 'RunActivity:publishDeadlineEvents',
      ],
      [
        'worker relay publishes deadline.started',
        (s) =>
          s.service === 'casebridge-workflow-worker' &&
          s.kind === SPAN_KIND.producer &&
          s.attributes[TraceAttributes.eventId] === row.event_id,
      ],
      ['police consumer applies it to the inbox', isInboxSpan],
    ];
    let at = 0;
    for (const [what, matches] of hops) {
      const i = chain.findIndex((s, j) => j > at && matches(s));
      if (i < 0) throw new Error(`no span for "${what}" after "${names[at]}" in the chain:\n  ${names.join('\n  ')}`);
      at = i;
    }
    expect(at).toBe(chain.length - 1);

    // the linked case on the spans of every hop
    const labelled = chain.filter((s) => s.attributes[LINKED] === linkedCaseId).map((s) => `${s.service} ${s.name}`);
    expect(
      chain
        .filter((s) => s.kind === SPAN_KIND.producer || s.kind === SPAN_KIND.consumer)
        .every((s) => s.attributes[LINKED] === linkedCaseId),
    ).toBe(true);
    expect(labelled).toEqual(
      expect.arrayContaining([
        'casebridge-police POST /transfers/:transferId/receipt',
        'casebridge-workflow-worker bridge transfer.receipt-signed',
        'casebridge-workflow-worker HandleSignal:caseEvent',
        'casebridge-workflow-worker RunActivity:publishDeadlineEvents',
      ]),
    );
    expect(chain.find(isInboxSpan)!.attributes[TraceAttributes.outcome]).toBe('applied');

    // probes make no traces; the spans came as OTLP protobuf (the default protocol)
    expect(receiver.spans.some((s) => /\/(health|metrics)\b/.test(s.name))).toBe(false);
    expect(Object.keys(receiver.requests)).toEqual(['application/x-protobuf']);
    for (const service of ['enforcement', 'police', 'workflow-worker'] as const) {
      const log = readFileSync(sys.logFile(service), 'utf8');
      expect(log).toContain(
        `[tracing] casebridge-${service}: exporting spans to ${receiver.endpoint}/v1/traces (http/protobuf)`,
      );
      expect(log).not.toMatch(/OTLPExportDelegate|unregistered external sink/); // every export accepted, every workflow span sink call served
    }
  }, 180_000);
});

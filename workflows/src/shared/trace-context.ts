/**
 * The trace a signal arrived in. WORKFLOW CODE (deterministic).
 *
 * The OpenTelemetry workflow interceptor (workflows/src/workflow-tracing.ts) runs each signal handler in its
 * HandleSignal span, child of the bridge's signal. The runner applies the queued signal later, from its main loop,
 * whose context is the RunWorkflow span of whatever started the workflow. Keeping the signal's context with the
 * queued item and applying it there makes the activities it causes (StartActivity → RunActivity → the deadline
 * events' outbox rows) part of the trace of the act that sent the event. In memory only: nothing of it reaches the
 * history or the continue-as-new state, so commands and replay are unchanged; without the interceptor (workflow
 * tests without it) the API is the no-op one and the context is the empty root.
 */
import { context, trace, type Context } from '@opentelemetry/api';
import { TraceAttributes } from '@casebridge/contracts/trace-attributes';

/** The active context of a signal handler, its span labelled with the linked case. */
export function signalTraceContext(linkedCaseId: string): Context {
  trace.getActiveSpan()?.setAttribute(TraceAttributes.linkedCaseId, linkedCaseId);
  return context.active();
}

/** Runs `fn` in `ctx` (the context of the signal being applied), or in the current context when there is none. */
export function inTraceContext<T>(ctx: Context | undefined, fn: () => Promise<T>): Promise<T> {
  return ctx ? context.with(ctx, fn) : fn();
}

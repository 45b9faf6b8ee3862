/**
 * OpenTelemetry across Temporal (@temporalio/interceptors-opentelemetry), Node side — never imported by workflow code.
 *
 *  - WORKFLOW_INTERCEPTOR_MODULES: the workflow interceptors (spans RunWorkflow, HandleSignal, StartActivity … made in
 *    the sandbox, the context passed to activities in their headers). Bundled into every worker, the prebuilt bundle
 *    too, whether tracing is on or not: the workflow histories do not depend on a deployment setting.
 *  - workflowSpanSinks: where the sandbox hands its finished spans — the service's span processor when tracing is on,
 *    dropped otherwise (the sink must exist either way).
 *  - activityTracingInterceptors: the RunActivity span, child of the StartActivity span in the activity's headers
 *    (only when tracing is on).
 */
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';

export const WORKFLOW_INTERCEPTOR_MODULES: string[] = [
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
];

/** The span processor and resource of the running tracing (libs/platform `activeTracing()`). */
export interface WorkflowTracingTarget {
  spanProcessor: SpanProcessor;
  resource: Resource;
}

/** The `exporter` sink the workflow interceptors call: spans to `tracing`, or dropped when it is undefined. */
export function workflowSpanSinks(tracing?: WorkflowTracingTarget): InjectedSinks<OpenTelemetrySinks> {
  return {
    exporter: tracing
      ? makeWorkflowExporter(tracing.spanProcessor, tracing.resource)
      : { export: { fn: () => undefined } },
  };
}

/** Activity interceptors of a traced worker. */
export function activityTracingInterceptors(): ActivityInterceptorsFactory[] {
  return [
    (ctx) => ({
      inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
      outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
    }),
  ];
}

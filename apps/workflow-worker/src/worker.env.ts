import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { DEFAULT_WORKFLOW_CACHE_SIZE } from '@casebridge/workflows/worker-thread';
import { BaseEnv } from '@casebridge/platform';

export class WorkerEnv extends BaseEnv {
  /**
   * Prebuilt workflow bundle (workflows/src/build-bundle.ts). When unset: the compiled build's own bundle
   * (dist/workflows/workflow-bundle.js), or, from the TypeScript sources, a bundle made at start-up.
   */
  @IsOptional() @IsString() CASEBRIDGE_WORKFLOW_BUNDLE: string = '';
  /** Where the Temporal SDK serves its Prometheus metrics (host:port, or off); /metrics of the worker appends them. */
  @IsOptional()
  @Matches(/^([^\s:]+:\d{1,5}|off)$/, { message: 'CASEBRIDGE_TEMPORAL_METRICS_ADDRESS must be host:port or off' })
  CASEBRIDGE_TEMPORAL_METRICS_ADDRESS: string = '127.0.0.1:9464';
  /**
   * Workflow executions kept in the worker's sticky cache (integer ≥ 2; default 1,000 on Node 24+, 100 on a runtime whose
   * AsyncLocalStorage uses async hooks, where each cached execution makes every promise dearer: workflows/src/worker-thread.ts).
   */
  @IsOptional()
  @IsInt()
  @Min(2)
  CASEBRIDGE_WORKFLOW_CACHE_SIZE: number = DEFAULT_WORKFLOW_CACHE_SIZE;
}

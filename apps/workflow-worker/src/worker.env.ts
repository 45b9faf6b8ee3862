import { IsOptional, IsString } from 'class-validator';
import { BaseEnv } from '@casebridge/platform';

export class WorkerEnv extends BaseEnv {
  /**
   * Prebuilt workflow bundle (workflows/src/build-bundle.ts). When unset: the compiled build's own bundle
   * (dist/workflows/workflow-bundle.js), or, from the TypeScript sources, a bundle made at start-up.
   */
  @IsOptional() @IsString() CASEBRIDGE_WORKFLOW_BUNDLE: string = '';
}

import { IsOptional, IsString } from 'class-validator';
import { BaseEnv } from '@casebridge/platform';

export class WorkerEnv extends BaseEnv {
  /** Prebuilt workflow bundle (workflows/src/build-bundle.ts); when unset the worker bundles at start-up. */
  @IsOptional() @IsString() CASEBRIDGE_WORKFLOW_BUNDLE: string = '';
}

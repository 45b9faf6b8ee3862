import { IsInt, Max, Min } from 'class-validator';
import { BaseEnv } from '@casebridge/platform';

export class PoliceEnv extends BaseEnv {
  @IsInt() @Min(1) @Max(65535) PORT: number = 3002;
}

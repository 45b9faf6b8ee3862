import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BaseEnv } from '@casebridge/platform';

export class SupervisionEnv extends BaseEnv {
  @IsInt() @Min(1) @Max(65535) PORT: number = 3005;
  /** How often time-driven status changes (warning, overdue, idle) are applied, ms. */
  @IsInt() @Min(200) @Max(600_000) SUPERVISION_SWEEP_MS: number = 5000;
  /** Pressing the same step again within this many seconds is refused (STEP.PRESSED_RECENTLY); 0 = never. */
  @IsInt() @Min(0) @Max(86_400) SUPERVISION_PRESS_COOLDOWN_SECONDS: number = 600;
  /** Closed steps stay visible (case page, state=closed) for this many days. */
  @IsInt() @Min(1) @Max(3650) SUPERVISION_CLOSED_RETENTION_DAYS: number = 30;
  /** The idle (p95) rule applies to a rule once this many of its steps were observed closing. */
  @IsInt() @Min(2) @Max(100_000) SUPERVISION_IDLE_MIN_SAMPLES: number = 20;
  /** An event whose reference is still unknown after this many seconds is an orphan (cross-topic lag). */
  @IsInt() @Min(0) @Max(86_400) SUPERVISION_ORPHAN_GRACE_SECONDS: number = 60;
  /** Directory of the web console (index.html, app.js …); default apps/supervision/web. */
  @IsOptional() @IsString() SUPERVISION_WEB_DIR: string = '';
}

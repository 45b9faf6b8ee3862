import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { readEnv } from '@casebridge/platform';
import { SupervisionEnv } from './supervision.env';

/** The console's tunables, read once from the validated env. */
@Injectable()
export class SupervisionSettings {
  readonly sweepMs: number;
  readonly pressCooldownMs: number;
  readonly closedRetentionDays: number;
  readonly idleMinSamples: number;
  readonly orphanGraceMs: number;
  readonly webDir: string;

  constructor(config: ConfigService) {
    const env = readEnv(config, SupervisionEnv);
    this.sweepMs = Number(env.SUPERVISION_SWEEP_MS);
    this.pressCooldownMs = Number(env.SUPERVISION_PRESS_COOLDOWN_SECONDS) * 1000;
    this.closedRetentionDays = Number(env.SUPERVISION_CLOSED_RETENTION_DAYS);
    this.idleMinSamples = Number(env.SUPERVISION_IDLE_MIN_SAMPLES);
    this.orphanGraceMs = Number(env.SUPERVISION_ORPHAN_GRACE_SECONDS) * 1000;
    this.webDir = env.SUPERVISION_WEB_DIR;
  }
}

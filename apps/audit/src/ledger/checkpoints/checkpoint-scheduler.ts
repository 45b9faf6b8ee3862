import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { readEnv } from '@casebridge/platform';
import { AuditEnv } from '../../audit.env';
import type { SqlDatabase } from '../../shared/sql';
import { runCheckpointRound, type CheckpointRound } from '../ledger.store';
import { AUDIT_DB, CHECKPOINT_SIGNER } from '../ledger.tokens';
import type { CheckpointSigner } from '../signing/signing-key';

/** Every CASEBRIDGE_AUDIT_CHECKPOINT_INTERVAL_MS: signs the global head and every case head that moved. */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CheckpointScheduler.name);
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(AUDIT_DB) private readonly db: SqlDatabase,
    @Inject(CHECKPOINT_SIGNER) private readonly signer: CheckpointSigner,
    config: ConfigService,
  ) {
    this.intervalMs = readEnv(config, AuditEnv).CASEBRIDGE_AUDIT_CHECKPOINT_INTERVAL_MS;
  }

  onApplicationBootstrap(): void {
    const tick = () => {
      this.timer = setTimeout(async () => {
        await this.round();
        if (this.timer) tick();
      }, this.intervalMs);
      this.timer.unref();
    };
    tick();
    this.logger.log(`signing checkpoints every ${this.intervalMs} ms with key ${this.signer.keyId}`);
  }

  /** One round now (errors are logged: the next round signs what this one did not). */
  async round(): Promise<CheckpointRound | null> {
    const run = runCheckpointRound(this.db, this.signer).then(
      (r) => {
        if (r.global)
          this.logger.log(
            `checkpoint: global up to seq ${r.global.upToSeq}, ${r.cases} case head(s), ${r.entriesFolded} new entries`,
          );
        return r;
      },
      (e: unknown) => {
        this.logger.error(`checkpoint round failed: ${(e as Error).message}`);
        return null;
      },
    );
    this.running = run;
    return run;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}

import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@casebridge/contracts';
import { AUDIT_DB } from '../ledger/ledger.tokens';
import { AuditErrorCodes } from '../shared/audit.errors';
import type { SqlDatabase } from '../shared/sql';
import { rebuildProjection, type RebuildReport } from './rebuild-projection';

export class RebuildProjectionCommand extends Command<RebuildReport> {}

/** Replays the whole ledger into a fresh in-memory projection; one rebuild at a time. */
@CommandHandler(RebuildProjectionCommand)
export class RebuildProjectionHandler implements ICommandHandler<RebuildProjectionCommand> {
  private running = false;

  constructor(@Inject(AUDIT_DB) private readonly db: SqlDatabase) {}

  async execute(): Promise<RebuildReport> {
    if (this.running)
      throw new DomainError(
        AuditErrorCodes.rebuildRunning,
        'conflict',
        'A rebuild is already running; try again when it has finished.',
      );
    this.running = true;
    try {
      return await rebuildProjection(this.db);
    } finally {
      this.running = false;
    }
  }
}

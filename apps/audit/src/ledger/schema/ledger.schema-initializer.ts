import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { SqlDatabase } from '../../shared/sql';
import { AUDIT_DB } from '../ledger.tokens';
import { ensureLedgerSchema } from './ledger.schema';

/** Creates the ledger tables and their append-only triggers at start-up, before the consumer starts. */
@Injectable()
export class LedgerSchemaInitializer implements OnModuleInit {
  private readonly logger = new Logger(LedgerSchemaInitializer.name);

  constructor(@Inject(AUDIT_DB) private readonly db: SqlDatabase) {}

  async onModuleInit(): Promise<void> {
    await ensureLedgerSchema(this.db);
    this.logger.log('ledger schema ready (append-only triggers in place)');
  }
}

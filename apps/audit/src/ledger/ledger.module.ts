import { Global, Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { APP_CONSUMER_SOURCE } from '@casebridge/messaging';
import { readEnv } from '@casebridge/platform';
import { AuditEnv } from '../audit.env';
import { RebuildProjectionHandler } from '../rebuild/rebuild-projection.command';
import { databaseOfDataSource } from '../shared/sql';
import { CheckpointScheduler } from './checkpoints/checkpoint-scheduler';
import { LedgerIngestion } from './ingest/ledger-ingestion';
import { LedgerHttpController } from './ledger.http.controller';
import { AUDIT_DB, CHECKPOINT_SIGNER, TRUSTED_PUBLIC_KEYS } from './ledger.tokens';
import { GetPublicKeyHandler, ListCheckpointsHandler, VerifyLedgerHandler } from './queries/ledger-queries';
import { defaultKeyringFile, trustedPublicKeys } from './signing/key-rotation';
import { loadSigningKey, type CheckpointSigner } from './signing/signing-key';

/**
 * The append-only ledger (tables: apps/audit/src/migrations): the consumer that appends every integration event, the signed
 * checkpoints, verification and rebuild.
 */
@Global()
@Module({
  controllers: [LedgerHttpController],
  providers: [
    { provide: AUDIT_DB, inject: [DataSource], useFactory: (ds: DataSource) => databaseOfDataSource(ds) },
    {
      provide: CHECKPOINT_SIGNER,
      inject: [ConfigService],
      useFactory: (config: ConfigService): CheckpointSigner => {
        const env = readEnv(config, AuditEnv);
        const { signer, origin } = loadSigningKey({
          pem: env.CASEBRIDGE_AUDIT_SIGNING_KEY || undefined,
          file: env.CASEBRIDGE_AUDIT_KEY_FILE,
          generate: env.NODE_ENV !== 'production',
        });
        new Logger('AuditSigningKey').log(
          `Ed25519 key ${signer.keyId} (${origin === 'configuration' ? 'CASEBRIDGE_AUDIT_SIGNING_KEY' : `${origin} ${env.CASEBRIDGE_AUDIT_KEY_FILE}`})`,
        );
        return signer;
      },
    },
    {
      provide: TRUSTED_PUBLIC_KEYS,
      inject: [ConfigService, CHECKPOINT_SIGNER],
      useFactory: (config: ConfigService, signer: CheckpointSigner) => {
        const env = readEnv(config, AuditEnv);
        return trustedPublicKeys(
          signer.publicKeyPem,
          env.CASEBRIDGE_AUDIT_KEYRING_FILE || defaultKeyringFile(env.CASEBRIDGE_AUDIT_KEY_FILE),
        );
      },
    },
    LedgerIngestion,
    // the ledger's consumer in the casebridge_consumer_lag metric (MessagingMetrics looks the token up)
    { provide: APP_CONSUMER_SOURCE, useExisting: LedgerIngestion },
    CheckpointScheduler,
    GetPublicKeyHandler,
    VerifyLedgerHandler,
    ListCheckpointsHandler,
    RebuildProjectionHandler,
  ],
  exports: [AUDIT_DB, CHECKPOINT_SIGNER, TRUSTED_PUBLIC_KEYS, LedgerIngestion],
})
export class LedgerModule {}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates the `outbox` and `inbox` tables exactly as the entities describe them (so the schema diff
 * finds nothing to change afterwards; checked by test/migrations/drift.e2e-spec.ts). Idempotent (IF NOT EXISTS).
 */
export class CreateMessagingTables1764300000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS "outbox" (
        "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "event_id" uuid NOT NULL,
        "topic" text NOT NULL,
        "key" text NOT NULL,
        "type" text NOT NULL,
        "version" integer NOT NULL,
        "envelope" jsonb NOT NULL,
        "headers" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "published_at" TIMESTAMP WITH TIME ZONE,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        CONSTRAINT "PK_outbox" PRIMARY KEY ("seq"),
        CONSTRAINT "UQ_outbox_event_id" UNIQUE ("event_id")
      )`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS "IDX_outbox_unpublished" ON "outbox" ("seq") WHERE "published_at" IS NULL`,
    );
    await q.query(`
      CREATE TABLE IF NOT EXISTS "inbox" (
        "consumer_group" text NOT NULL,
        "event_id" uuid NOT NULL,
        "type" text NOT NULL,
        "topic" text NOT NULL,
        "partition" integer NOT NULL,
        "offset" bigint NOT NULL,
        "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox" PRIMARY KEY ("consumer_group", "event_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "inbox"`);
    await q.query(`DROP TABLE IF EXISTS "outbox"`);
  }
}

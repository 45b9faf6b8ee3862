import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates `parked_event` exactly as ParkedEvent describes it (checked by test/migrations/drift.e2e-spec.ts). Idempotent (IF NOT EXISTS). */
export class CreateParkedEvents1764900000000 implements MigrationInterface {
  name = 'CreateParkedEvents1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS "parked_event" (
        "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "consumer_group" text NOT NULL,
        "event_id" uuid NOT NULL,
        "type" text NOT NULL,
        "linked_case_id" text NOT NULL,
        "awaiting" text NOT NULL,
        "topic" text NOT NULL,
        "partition" integer NOT NULL,
        "offset" bigint NOT NULL,
        "envelope" jsonb NOT NULL,
        "parked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "applied_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_parked_event" PRIMARY KEY ("seq"),
        CONSTRAINT "UQ_parked_event_group_event" UNIQUE ("consumer_group", "event_id")
      )`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS "IDX_parked_event_waiting" ON "parked_event" ("consumer_group", "linked_case_id", "seq") WHERE "applied_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "parked_event"`);
  }
}

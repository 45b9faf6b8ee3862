import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CreateCooperationRecord: notifications, consultations and joint supervisions an agency of the service is party to. */
export class CreateCooperationRecord1796600000000 implements MigrationInterface {
  name = 'CreateCooperationRecord1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "cooperation_record" ("kind" character varying(32) NOT NULL, "id" uuid NOT NULL, "linked_case_id" uuid NOT NULL, "parties" jsonb NOT NULL, "view" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cooperation_record" PRIMARY KEY ("kind", "id"))`,
    );
    await q.query(`CREATE INDEX "IDX_cooperation_record_linked_case" ON "cooperation_record" ("linked_case_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_cooperation_record_linked_case"`);
    await q.query(`DROP TABLE "cooperation_record"`);
  }
}

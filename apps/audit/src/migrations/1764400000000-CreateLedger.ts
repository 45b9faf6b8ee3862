import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit ledger: hash-chained entries and signed checkpoints, append-only (triggers refuse UPDATE,
 * DELETE and TRUNCATE). Hand-written SQL: the ledger has no TypeORM entities, so no schema diff can ever
 * drop and re-add a ledger column. Every column of an entry is covered by a hash: the envelope columns by
 * contentHash (and checked against the envelope by the verifier), case_seq, ingested_at and the ids by
 * entryHash, seq by the global checkpoints.
 *
 * `IF NOT EXISTS` / `OR REPLACE` throughout: a ledger made before migrations existed (by the former
 * start-up DDL, identical to this) is adopted as it is, never rebuilt.
 */
const LEDGER_DDL = [
  `CREATE TABLE IF NOT EXISTS ledger_entry (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    linked_case_id text NOT NULL,
    case_seq integer NOT NULL CHECK (case_seq >= 1),
    event_id text NOT NULL,
    type text NOT NULL,
    version integer NOT NULL,
    producer_agency_id text NOT NULL,
    producer_kind text NOT NULL,
    actor_officer_id text NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    ingested_at timestamptz NOT NULL,
    envelope jsonb NOT NULL,
    content_hash char(64) NOT NULL,
    prev_hash char(64) NOT NULL,
    entry_hash char(64) NOT NULL,
    CONSTRAINT ledger_entry_event_id_key UNIQUE (event_id),
    CONSTRAINT ledger_entry_case_seq_key UNIQUE (linked_case_id, case_seq)
  )`,
  `COMMENT ON TABLE ledger_entry IS 'CaseBridge audit ledger: every integration event as received, hash-chained per linked case. Append-only (triggers).'`,
  `CREATE TABLE IF NOT EXISTS ledger_checkpoint (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope text NOT NULL,
    up_to_seq bigint NOT NULL,
    head_hash char(64) NOT NULL,
    created_at timestamptz NOT NULL,
    algorithm text NOT NULL,
    key_id text NOT NULL,
    signature text NOT NULL
  )`,
  `COMMENT ON TABLE ledger_checkpoint IS 'Signed heads of the ledger: scope = a linked case id (up_to_seq = case_seq) or global (up_to_seq = seq). Append-only.'`,
  `CREATE INDEX IF NOT EXISTS ledger_checkpoint_scope_idx ON ledger_checkpoint (scope, up_to_seq)`,
  `CREATE OR REPLACE FUNCTION audit_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'AUDIT.APPEND_ONLY: % on % is refused: the audit ledger is append-only', TG_OP, TG_TABLE_NAME
       USING ERRCODE = 'P0001', HINT = 'Entries and checkpoints are never changed or removed; corrections are new events.';
   END $$`,
  ...['ledger_entry', 'ledger_checkpoint'].flatMap((t) => [
    `CREATE OR REPLACE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION audit_ledger_refuse_change()`,
    `CREATE OR REPLACE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION audit_ledger_refuse_change()`,
  ]),
];

export class CreateLedger1764400000000 implements MigrationInterface {
  name = 'CreateLedger1764400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of LEDGER_DDL) await q.query(statement);
  }

  async down(): Promise<void> {
    throw new Error('the audit ledger is append-only: its migration is not reverted');
  }
}

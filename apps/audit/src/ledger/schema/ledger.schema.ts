import type { SqlDatabase, SqlRunner } from '../../shared/sql';

/** Advisory-lock keys (two-int4 key space) of the ledger. */
export const LOCKS = {
  /** (class, 0): appends hold it shared, a checkpoint round holds it exclusive — no append is in flight while the round reads. */
  global: [727_000, 0] as const,
  /** (class, hashtext(linkedCaseId)): one append at a time per linked case — the chain of a case is a line. */
  caseClass: 727_001,
  /** (class, 0): serialises the start-up DDL of several replicas. */
  schema: [727_002, 0] as const,
} as const;

/**
 * The ledger schema, created idempotently at start-up (not by TypeORM synchronize: a schema diff must
 * never be able to drop and re-add a ledger column). Every column of an entry is covered by a hash:
 * the envelope columns by contentHash (and checked against the envelope by the verifier), case_seq,
 * ingested_at and the ids by entryHash, seq by the global checkpoints.
 */
export const LEDGER_DDL = [
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

/** Creates the tables and the append-only triggers if missing (idempotent; safe with several replicas starting). */
export async function ensureLedgerSchema(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [...LOCKS.schema]);
    for (const statement of LEDGER_DDL) await tx.query(statement);
  });
}

/** Whether the database holds a ledger at all (the CLI refuses to work on a database without one). */
export async function ledgerExists(db: SqlRunner): Promise<boolean> {
  const rows = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_tables WHERE tablename IN ('ledger_entry', 'ledger_checkpoint') AND schemaname = current_schema()`);
  return rows[0]?.n === '2';
}

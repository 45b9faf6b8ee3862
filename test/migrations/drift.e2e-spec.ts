/**
 * Versioned migrations (issue 10, item 5): for every service, the migrations run on an empty database
 * give exactly the schema its entities describe — TypeORM's schema diff (the SQL `migration:generate`
 * would write) is empty. An entity changed without a migration fails here, naming the SQL it lacks.
 * Also: two instances migrating one database at once apply each migration once; the generator writes a
 * migration that closes the diff.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  entitiesOf,
  migrateDatabase,
  migrationsOf,
  runPendingMigrations,
  schemaDrift,
  type SchemaSet,
} from '@casebridge/platform/migrations';
import { SERVICE_SCHEMAS } from '../../scripts/migrations/catalogue';
import { generateMigration } from '../../scripts/migrations/generate';
import { createIsolatedDatabase, fixtureSchema, type IsolatedDatabase } from '../support/database';

async function driftAfterMigrations(db: IsolatedDatabase, sets: SchemaSet[]): Promise<string[]> {
  await migrateDatabase({ url: db.url }, sets);
  const ds = await new DataSource({
    type: 'postgres',
    url: db.url,
    entities: sets.flatMap((s) => s.entities),
  }).initialize();
  try {
    return (await schemaDrift(ds)).up.map((q) => q.query);
  } finally {
    await ds.destroy();
  }
}

async function onDatabase<T>(url: string, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}
const tableCount = (url: string) =>
  onDatabase(
    url,
    async (ds) =>
      (await ds.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`))[0].n as number,
  );
const dropMigrationsTable = (url: string, alsoSql?: string) =>
  onDatabase(url, async (ds) => {
    await ds.query('DROP TABLE migrations');
    if (alsoSql) await ds.query(alsoSql);
  });

describe('migrations describe the entities exactly (drift)', () => {
  const dbs: IsolatedDatabase[] = [];
  const fresh = async (prefix: string) => {
    const db = await createIsolatedDatabase(prefix);
    dbs.push(db);
    return db;
  };
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it.each(SERVICE_SCHEMAS.map((s) => [s.service, s] as const))(
    '%s: migrations on an empty database leave no schema diff',
    async (_name, schema) => {
      const db = await fresh(`drift_${schema.service}`);
      expect(await driftAfterMigrations(db, schema.sets)).toEqual([]);
      // every entity's table exists (the diff would not list a table it creates otherwise — belt and braces)
      const ds = await new DataSource({ type: 'postgres', url: db.url, entities: entitiesOf(schema) }).initialize();
      try {
        const tables = (
          (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)) as { tablename: string }[]
        ).map((r) => r.tablename);
        for (const meta of ds.entityMetadatas) expect(tables).toContain(meta.tableName);
        const applied = ((await ds.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]).map(
          (r) => r.name,
        );
        expect(applied.sort()).toEqual(
          migrationsOf(schema)
            .map((m) => new m().name)
            .sort(),
        );
      } finally {
        await ds.destroy();
      }
    },
  );

  it('an entity changed without a migration is caught, with the SQL it lacks', async () => {
    @Entity('drift_note')
    class DriftNote {
      @PrimaryColumn('uuid') id!: string;
      @Column('text') body!: string;
      /** the change nobody wrote a migration for */
      @Column('text', { name: 'added_later', nullable: true }) addedLater!: string | null;
    }
    const db = await fresh('drift_changed');
    const drift = await driftAfterMigrations(db, [
      fixtureSchema(
        'drift_note',
        [DriftNote],
        [
          `CREATE TABLE "drift_note" ("id" uuid NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_drift_note" PRIMARY KEY ("id"))`,
        ],
      ),
    ]);
    expect(drift).toEqual([`ALTER TABLE "drift_note" ADD "added_later" text`]);
  });

  it('two instances starting at once on one empty database: each migration applied once (advisory lock)', async () => {
    const db = await fresh('drift_race');
    const schema = SERVICE_SCHEMAS.find((s) => s.service === 'enforcement')!;
    const open = () =>
      new DataSource({
        type: 'postgres',
        url: db.url,
        entities: entitiesOf(schema),
        migrations: migrationsOf(schema),
      }).initialize();
    const [a, b] = await Promise.all([open(), open()]);
    try {
      const [ranA, ranB] = await Promise.all([runPendingMigrations(a), runPendingMigrations(b)]);
      const all = migrationsOf(schema)
        .map((m) => new m().name)
        .sort();
      expect([...ranA, ...ranB].map((m) => m.name).sort()).toEqual(all); // together exactly once each
      expect(Math.min(ranA.length, ranB.length)).toBe(0); // the second waited, then found nothing pending
      const rows = (await a.query('SELECT name, count(*)::int AS n FROM migrations GROUP BY name')) as {
        name: string;
        n: number;
      }[];
      expect(rows.every((r) => r.n === 1)).toBe(true);
      expect(rows).toHaveLength(all.length);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });

  it('a database made before migrations (tables, no migrations table) is adopted if it matches the entities, refused if not', async () => {
    const schema = SERVICE_SCHEMAS.find((s) => s.service === 'police')!;
    const matching = await fresh('drift_adopt');
    await migrateDatabase({ url: matching.url }, schema.sets);
    const before = await tableCount(matching.url);
    await dropMigrationsTable(matching.url); // what TypeORM's schema sync left: the tables, no record of migrations
    expect(await migrateDatabase({ url: matching.url }, schema.sets)).toEqual([]); // nothing run …
    const recorded = await onDatabase(matching.url, async (ds) =>
      ((await ds.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name),
    );
    expect(recorded.sort()).toEqual(
      migrationsOf(schema)
        .map((m) => new m().name)
        .sort(),
    ); // … every migration recorded
    expect(await tableCount(matching.url)).toBe(before);

    const differing = await fresh('drift_adopt_bad');
    await migrateDatabase({ url: differing.url }, schema.sets);
    await dropMigrationsTable(differing.url, 'ALTER TABLE agency_inbox_item DROP COLUMN read_at');
    await expect(migrateDatabase({ url: differing.url }, schema.sets)).rejects.toThrow(
      /made before migrations and differs[\s\S]*read_at/,
    );
  });

  it('`migration:generate` writes the migration that closes the diff, and lists it', async () => {
    @Entity('gen_note')
    class GenNote {
      @PrimaryColumn('uuid') id!: string;
      @Column('text') body!: string;
      @Column('integer', { name: 'page_count', default: 0 }) pageCount!: number;
    }
    const root = path.resolve(__dirname, '../..');
    const dir = `test-output/migrations-${randomBytes(4).toString('hex')}`;
    mkdirSync(path.join(root, dir), { recursive: true });
    try {
      writeFileSync(
        path.join(root, dir, 'index.ts'),
        `import type { MigrationInterface } from 'typeorm';\n\nexport const MIGRATIONS: (new () => MigrationInterface)[] = [\n];\n`,
      );
      const initial = fixtureSchema(
        'gen',
        [GenNote],
        [
          `CREATE TABLE "gen_note" ("id" uuid NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_gen_note" PRIMARY KEY ("id"))`,
        ],
      );
      const set: SchemaSet = { ...initial, migrationsDir: dir };
      const generated = await generateMigration({
        set,
        context: [set],
        name: 'AddPageCount',
        root,
        timestamp: 1800000000000,
      });
      expect(generated?.up.map((q) => q.query)).toEqual([
        `ALTER TABLE "gen_note" ADD "page_count" integer NOT NULL DEFAULT '0'`,
      ]);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file the generator just wrote
      const { MIGRATIONS } = require(path.join(root, dir, 'index.ts')) as { MIGRATIONS: SchemaSet['migrations'] };
      expect(MIGRATIONS.map((m) => new m().name)).toEqual(['AddPageCount1800000000000']);
      const closed: SchemaSet = { ...set, migrations: [...initial.migrations, ...MIGRATIONS] };
      expect(await driftAfterMigrations(await fresh('drift_generated'), [closed])).toEqual([]);
      expect(await generateMigration({ set: closed, context: [closed], name: 'Nothing', root })).toBeNull();
    } finally {
      rmSync(path.join(root, dir), { recursive: true, force: true });
    }
  });
});

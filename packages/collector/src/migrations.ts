import type { Database } from './database.js';

interface Migration {
  version: number;
  name: string;
  /** One statement per entry: parameterised queries cannot carry several. Plain PostgreSQL, no PGlite-only syntax. */
  statements: string[];
}

/** Append only: a released migration is never edited, a change is a new version. */
const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'create events',
    statements: [
      `CREATE TABLE events (
        message_id text PRIMARY KEY,
        site text NOT NULL,
        event text NOT NULL,
        anonymous_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        properties jsonb NOT NULL,
        context jsonb NOT NULL
      )`,
      `CREATE INDEX events_site_occurred_at ON events (site, occurred_at DESC)`,
    ],
  },
];

// Any constant works; it only has to be the same in every collector sharing a database.
const MIGRATION_LOCK_KEY = 0x76_69_74_72;

/** Applies every migration not yet recorded in `schema_migrations`; returns the versions it applied. */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Collectors scaled out on one PostgreSQL may start together: the lock lets exactly one of them migrate.
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const pending = MIGRATIONS.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    return pending.map((migration) => migration.version);
  });
}

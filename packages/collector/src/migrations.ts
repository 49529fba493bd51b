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
  {
    version: 2,
    name: 'orders and commission ledger',
    statements: [
      // Copied out of properties at ingest, so reports group by plain columns instead of walking jsonb.
      `ALTER TABLE events ADD COLUMN creator_id text, ADD COLUMN clip_id text, ADD COLUMN product_id text`,
      `CREATE TABLE touches (
        site text NOT NULL,
        click_id text NOT NULL,
        creator_id text NOT NULL,
        clip_id text,
        touched_at timestamptz NOT NULL,
        PRIMARY KEY (site, click_id)
      )`,
      `CREATE TABLE orders (
        site text NOT NULL,
        order_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'confirmed')),
        source text NOT NULL CHECK (source IN ('client', 'server')),
        currency text NOT NULL,
        creator_id text,
        clip_id text,
        click_id text,
        placed_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        PRIMARY KEY (site, order_id)
      )`,
      `CREATE INDEX orders_site_placed_at ON orders (site, placed_at DESC)`,
      `CREATE TABLE refunds (
        site text NOT NULL,
        refund_id text NOT NULL,
        order_id text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (site, refund_id)
      )`,
      // Money owed, append only: an order adds entries, a confirmation moves them from pending to confirmed with a
      // pair of entries, a refund adds negative ones. Amounts are integer minor units of currency.
      `CREATE TABLE ledger (
        entry_id bigserial PRIMARY KEY,
        site text NOT NULL,
        order_id text NOT NULL,
        line_no integer,
        product_id text,
        brand text,
        creator_id text,
        clip_id text,
        currency text NOT NULL,
        bucket text NOT NULL CHECK (bucket IN ('pending', 'confirmed', 'reversed')),
        reason text NOT NULL CHECK (reason IN ('order', 'confirmation', 'refund')),
        refund_id text,
        quantity integer NOT NULL,
        revenue bigint NOT NULL,
        commission bigint NOT NULL,
        rule_id text,
        rate_ppm integer,
        recorded_at timestamptz NOT NULL
      )`,
      `CREATE INDEX ledger_site_order ON ledger (site, order_id)`,
      `CREATE INDEX ledger_site_recorded_at ON ledger (site, recorded_at)`,
      `CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the ledger is append-only: add an entry instead of changing one';
        END
      $$`,
      `CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`,
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

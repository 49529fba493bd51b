import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';

export interface QueryResult<Row> {
  rows: Row[];
}

/** The one thing the collector asks of a database: PGlite and PostgreSQL (node-postgres) both answer it. */
export interface Queryable {
  /** One statement; values travel only as `$1, $2, ...` parameters, never spliced into the SQL. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://user:pass@host:5432/db`: PostgreSQL. Without it, PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite's folder, or `memory://`; unused with `databaseUrl`. */
  dataDir: string;
  /** Every table lives in this schema (created if missing), so several collectors can share one database. */
  schema?: string | undefined;
}

export interface PostgresOptions {
  schema?: string | undefined;
  /** Connections kept open; each request in flight holds one for the length of its statement. */
  poolSize?: number;
}

export const IN_MEMORY = 'memory://';
const DEFAULT_POOL_SIZE = 10;

/** PostgreSQL when a URL is given, else PGlite: the same migrations and queries run on both. */
export function openDatabase({ databaseUrl, dataDir, schema }: OpenDatabaseOptions): Promise<Database> {
  return databaseUrl ? openPostgres(databaseUrl, { schema }) : openPglite(dataDir, { schema });
}

/** Opens PGlite, Postgres compiled to WebAssembly, in `dataDir` (a folder, or `memory://` for a throwaway database). */
export async function openPglite(dataDir: string, { schema }: { schema?: string | undefined } = {}): Promise<Database> {
  const searchPath = schema === undefined ? undefined : quoteSchema(schema);
  let unlock = async () => {};
  if (!dataDir.startsWith(IN_MEMORY)) {
    // PGlite creates only the last folder of the path; create the parents so `--data var/lib/vitrine` just works.
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir);
    if (searchPath) {
      // One connection for the life of the database, so a session setting holds for every query.
      await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${searchPath}; SET search_path TO ${searchPath}`);
    }
  } catch (error) {
    await unlock();
    if (dataDir.startsWith(IN_MEMORY)) throw error;
    // A damaged folder makes PGlite say only "Aborted()": name the folder and the way out.
    throw new Error(
      `the database folder ${resolve(dataDir)} could not be opened (${(error as Error).message}); if a collector was stopped while writing it, move the folder away to start with an empty database`,
      { cause: error },
    );
  }
  const asQueryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const { rows } = await target.query<Row>(sql, [...params]);
      return { rows };
    },
  });
  return {
    ...asQueryable(pglite),
    transaction: (work) => pglite.transaction((tx) => work(asQueryable(tx))),
    async close() {
      try {
        await pglite.close();
      } finally {
        await unlock();
      }
    },
  };
}

/**
 * Opens a pool of connections to PostgreSQL. Commits wait for the server's WAL flush (PostgreSQL's
 * default `synchronous_commit = on`), so an answered write survives a crash of either process.
 */
export async function openPostgres(url: string, { schema, poolSize = DEFAULT_POOL_SIZE }: PostgresOptions = {}): Promise<Database> {
  const searchPath = schema === undefined ? undefined : quoteSchema(schema);
  if (searchPath) await createSchema(url, searchPath);
  // The connection's default search_path; the name was checked to be plain, so it needs no quotes here.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: { getTypeParser: getTypeParser as pg.CustomTypesConfig['getTypeParser'] },
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  // A connection the server drops while idle is discarded by the pool; without a listener it would crash the process.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  const asQueryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const { rows } = await target.query(sql, [...params]);
      return { rows: rows as Row[] };
    },
  });
  return {
    ...asQueryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        // A connection that could not even roll back is in an unknown state: destroy it rather than reuse it.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * node-postgres answers int8 as a string and a date as local midnight; PGlite answers a JS number (a
 * BigInt past 2^53) and UTC midnight. Matching PGlite here keeps one shape for the collector's code.
 * Set per pool, never on pg's global parsers, which other code in the process may rely on.
 */
function getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (format !== 'binary') {
    if (oid === INT8_OID) return parseInt8;
    if (oid === DATE_OID) return parseDate;
  }
  return pg.types.getTypeParser(oid, format ?? 'text');
}

function parseInt8(text: string): number | bigint {
  const value = BigInt(text);
  return value < Number.MIN_SAFE_INTEGER || value > Number.MAX_SAFE_INTEGER ? value : Number(value);
}

function parseDate(text: string): Date | number {
  if (text === 'infinity') return Infinity;
  if (text === '-infinity') return -Infinity;
  return new Date(text);
}

async function createSchema(url: string, searchPath: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${searchPath}`);
  } catch (error) {
    // Two collectors creating the same schema at once: the loser sees a duplicate, which is what it wanted.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

/** Schema names reach SQL as identifiers, which cannot be parameters: accept only plain lowercase names. */
function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new TypeError(`[collector] schema: expected a lowercase SQL name like vitrine_test_1, got ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}

import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';

export interface QueryResult<Row> {
  rows: Row[];
}

/** The one thing the collector asks of a database, so PostgreSQL (node-postgres) can replace PGlite later. */
export interface Queryable {
  /** One statement; values travel only as `$1, $2, ...` parameters, never spliced into the SQL. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const IN_MEMORY = 'memory://';

/** Opens PGlite, Postgres compiled to WebAssembly, in `dataDir` (a folder, or `memory://` for a throwaway database). */
export async function openPglite(dataDir: string): Promise<Database> {
  let unlock = async () => {};
  if (!dataDir.startsWith(IN_MEMORY)) {
    // PGlite creates only the last folder of the path; create the parents so `--data var/lib/vitrine` just works.
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir);
  } catch (error) {
    await unlock();
    throw error;
  }
  const asQueryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const { rows } = await target.query<Row>(sql, [...params]);
      return { rows };
    },
  });
  return {
    ...asQueryable(pg),
    transaction: (work) => pg.transaction((tx) => work(asQueryable(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        await unlock();
      }
    },
  };
}

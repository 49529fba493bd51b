import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test, { type TestContext } from 'node:test';
import { openPglite, openPostgres, type Database } from '../src/database.js';
import { TEST_DATABASE_URL, dropSchema, freshSchemaName } from './helpers.js';

const SHAPES_SQL = `SELECT 1::bigint AS count, 9007199254740993::bigint AS huge, now() AS at, '2024-05-01'::date AS day,
  '{"a":1}'::jsonb AS doc, 19.90::numeric AS amount, 7::int AS small`;

interface Opened {
  db: Database;
  schema?: string;
  drop?: () => Promise<void>;
}

const databases: Array<{ name: string; open: () => Promise<Opened> }> = [
  { name: 'PGlite', open: async () => ({ db: await openPglite('memory://') }) },
];
if (TEST_DATABASE_URL) {
  databases.push({
    name: 'PostgreSQL',
    async open() {
      const schema = freshSchemaName();
      const db = await openPostgres(TEST_DATABASE_URL!, { schema });
      return { db, schema, drop: () => dropSchema(TEST_DATABASE_URL!, schema) };
    },
  });
}

async function opened(t: TestContext, open: () => Promise<Opened>): Promise<Opened> {
  const result = await open();
  t.after(async () => {
    await result.db.close();
    await result.drop?.();
  });
  return result;
}

for (const { name, open } of databases) {
  test(`${name} answers bigint, timestamptz, date, jsonb and numeric in the collector's shapes`, async (t) => {
    const { db } = await opened(t, open);
    const [row] = (await db.query<Record<string, unknown>>(SHAPES_SQL)).rows;
    assert.equal(row!.count, 1);
    assert.equal(row!.huge, 9007199254740993n);
    assert.ok(row!.at instanceof Date && Math.abs(row!.at.getTime() - Date.now()) < 60_000);
    assert.equal((row!.day as Date).toISOString(), '2024-05-01T00:00:00.000Z');
    assert.deepEqual(row!.doc, { a: 1 });
    assert.equal(row!.amount, '19.90');
    assert.equal(row!.small, 7);
  });

  test(`${name} commits a transaction that resolves and rolls back one that throws`, async (t) => {
    const { db } = await opened(t, open);
    await db.query('CREATE TABLE notes (id integer PRIMARY KEY)');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id) VALUES ($1)', [1]);
    });
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO notes (id) VALUES ($1)', [2]);
        throw new Error('changed my mind');
      }),
      { message: 'changed my mind' },
    );
    assert.deepEqual((await db.query('SELECT id FROM notes ORDER BY id')).rows, [{ id: 1 }]);
  });
}

if (TEST_DATABASE_URL) {
  test('PGlite and PostgreSQL answer the same query with the same JavaScript values', async (t) => {
    const [pglite, postgres] = await Promise.all(databases.map(({ open }) => opened(t, open)));
    const [fromPglite] = (await pglite!.db.query<Record<string, unknown>>(SHAPES_SQL)).rows;
    const [fromPostgres] = (await postgres!.db.query<Record<string, unknown>>(SHAPES_SQL)).rows;
    const comparable = (row: Record<string, unknown>) => ({ ...row, at: row.at instanceof Date });
    assert.deepEqual(comparable(fromPostgres!), comparable(fromPglite!));
  });

  test('a PostgreSQL schema keeps its tables apart from the same tables in another schema', async (t) => {
    const postgres = databases.find((database) => database.name === 'PostgreSQL')!;
    const [first, second] = await Promise.all([opened(t, postgres.open), opened(t, postgres.open)]);
    for (const { db } of [first!, second!]) await db.query('CREATE TABLE notes (id integer PRIMARY KEY)');
    await first!.db.query('INSERT INTO notes (id) VALUES ($1)', [1]);
    assert.deepEqual((await second!.db.query('SELECT count(*)::int AS n FROM notes')).rows, [{ n: 0 }]);
    assert.deepEqual((await first!.db.query('SELECT current_schema() AS schema')).rows, [{ schema: first!.schema }]);
  });
}

test('a schema name that is not a plain SQL name is refused before it reaches SQL', async () => {
  await assert.rejects(openPglite('memory://', { schema: 'x"; DROP TABLE events; --' }), /schema: expected a lowercase SQL name/);
});

test('a damaged PGlite folder is refused with its path and the way out, and left unlocked for the next try', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-damaged-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'PG_VERSION'), 'not a version\n');
  const opening = () => openPglite(dir);
  await assert.rejects(opening, (error: Error) => {
    assert.match(error.message, new RegExp(`^the database folder ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be opened \\(.+\\); if a collector was stopped while writing it, move the folder away`));
    return true;
  });
  // The lock went with the failure: the same message again, not "in use by another collector".
  await assert.rejects(opening, /could not be opened/);
});

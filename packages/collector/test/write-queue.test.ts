import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../src/database.js';
import { createWriteQueue } from '../src/write-queue.js';

test('writes arriving together share one transaction; each promise settles after its commit; a bad item fails alone', async (t) => {
  const db = await openDatabase({ dataDir: 'memory://' });
  t.after(() => db.close());
  await db.query('CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)');
  const groups: number[][] = [];
  const write = createWriteQueue<number, number>(db, (database, ids) =>
    database.transaction(async (tx) => {
      groups.push(ids);
      for (const id of ids) await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [id, id === 13 ? null : `note ${id}`]);
      return ids.map((id) => id * 10);
    }),
  );

  const first = write(1);
  const burst = [2, 3, 13, 4].map((id) => write(id).then((result) => ({ result }), (error: Error) => ({ error: error.message })));
  assert.equal(await first, 10);
  const settled = await Promise.all(burst);

  assert.deepEqual(settled.map((outcome) => ('result' in outcome ? outcome.result : 'failed')), [20, 30, 'failed', 40]);
  assert.match((settled[2] as { error: string }).error, /null value/);
  assert.deepEqual(groups[0], [1], 'the first write does not wait for company');
  assert.deepEqual(groups[1], [2, 3, 13, 4], 'the burst went as one transaction, which failed on 13');
  const { rows } = await db.query<{ id: number }>('SELECT id FROM notes ORDER BY id');
  assert.deepEqual(rows.map((row) => row.id), [1, 2, 3, 4], 'written again one by one, all but the bad one are stored');
});

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPglite } from '../src/database.js';
import { TEST_DATABASE_URL, batchOf, dropSchema, freshSchemaName, trackMessage } from './helpers.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const SENDERS = 6;
const EVENTS_PER_BATCH = 20;

interface RunningCli {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** The real CLI on a free port; resolves once it prints its URL. */
async function startCli(t: TestContext, dataDir: string, env: Record<string, string>): Promise<RunningCli> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--data', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, VITRINE_PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the CLI printed no URL within 30 s:\n${output}`)), 30_000);
    void exited.then(({ code, signal }) => reject(new Error(`the CLI exited (${signal ?? code}) before listening:\n${output}`)));
    child.stdout!.on('data', () => {
      const match = /^Vitrine collector listening on (http:\/\/\S+)$/m.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!);
    });
  });
  return { child, url, exited, output: () => output };
}

function postBatch(url: string, messages: Array<Record<string, unknown>>, site: string): Promise<Response> {
  return fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify(batchOf(messages, site)),
  });
}

/**
 * Several senders post batches back to back; after `killAfterAcks` answered batches the collector gets
 * SIGKILL while the other senders' requests are in flight. Returns every message id that was answered 200.
 */
async function loadUntilKilled(cli: RunningCli, site: string, killAfterAcks: number) {
  const acknowledged: string[] = [];
  let acks = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  let killed = false;
  const sender = async () => {
    while (!killed) {
      const messages = Array.from({ length: EVENTS_PER_BATCH }, () => trackMessage());
      inFlight += 1;
      try {
        const response = await postBatch(cli.url, messages, site);
        if (response.status !== 200) throw new Error(`POST /v1/batch answered ${response.status}: ${await response.text()}`);
        // Counted only once the whole answer has arrived: that is when a tracker forgets its events.
        await response.arrayBuffer();
        if (killed) return;
        for (const message of messages) acknowledged.push(message.messageId as string);
        acks += 1;
        if (acks === killAfterAcks) {
          killed = true;
          inFlightAtKill = inFlight - 1;
          cli.child.kill('SIGKILL');
        }
      } catch (error) {
        if (!killed) throw error;
      } finally {
        inFlight -= 1;
      }
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  return { acknowledged, inFlightAtKill };
}

interface Target {
  name: string;
  /** Environment for the CLI, and a reader of the stored message ids once the CLI has stopped. */
  prepare(t: TestContext, dataDir: string): Promise<{ env: Record<string, string>; storedIds(site: string): Promise<Set<string>> }>;
}

const targets: Target[] = [
  {
    name: 'PGlite',
    async prepare(_t, dataDir) {
      return {
        env: { DATABASE_URL: '' },
        async storedIds(site) {
          const db = await openPglite(dataDir);
          try {
            return idsOf((await db.query<{ message_id: string }>('SELECT message_id FROM events WHERE site = $1', [site])).rows);
          } finally {
            await db.close();
          }
        },
      };
    },
  },
];
if (TEST_DATABASE_URL) {
  targets.push({
    name: 'PostgreSQL',
    async prepare(t) {
      // The schema travels inside the URL (libpq's `options`), as any deployment could set it.
      const schema = freshSchemaName();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`CREATE SCHEMA "${schema}"`);
      t.after(async () => {
        await client.end();
        await dropSchema(TEST_DATABASE_URL!, schema);
      });
      const url = new URL(TEST_DATABASE_URL!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        env: { DATABASE_URL: url.toString() },
        async storedIds(site) {
          const tables = await client.query('SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2', [schema, 'events']);
          assert.equal(tables.rowCount, 1, 'the CLI did not store into PostgreSQL: it must read DATABASE_URL');
          return idsOf((await client.query(`SELECT message_id FROM "${schema}".events WHERE site = $1`, [site])).rows);
        },
      };
    },
  });
}

function idsOf(rows: Array<{ message_id: string }>): Set<string> {
  return new Set(rows.map((row) => row.message_id));
}

for (const target of targets) {
  test(`${target.name}: every acknowledged event survives a SIGKILL mid-load and a restart`, { timeout: 120_000 }, async (t) => {
    const root = await mkdtemp(join(tmpdir(), 'vitrine-kill-'));
    t.after(() => rm(root, { recursive: true, force: true }));
    const dataDir = join(root, 'data');
    const { env, storedIds } = await target.prepare(t, dataDir);
    const site = `kill-${randomBytes(4).toString('hex')}`;
    const killAfterAcks = 30 + Math.floor(Math.random() * 90);
    t.diagnostic(`SIGKILL after ${killAfterAcks} acknowledged batches of ${EVENTS_PER_BATCH}`);

    const first = await startCli(t, dataDir, env);
    const { acknowledged, inFlightAtKill } = await loadUntilKilled(first, site, killAfterAcks);
    assert.deepEqual(await first.exited, { code: null, signal: 'SIGKILL' });
    assert.equal(acknowledged.length, killAfterAcks * EVENTS_PER_BATCH);
    assert.ok(inFlightAtKill > 0, 'no request was in flight when the collector was killed');

    // The killed process left its pid lock behind: the restarted collector takes it over and serves.
    const second = await startCli(t, dataDir, env);
    const afterRestart = [trackMessage()];
    assert.equal((await postBatch(second.url, afterRestart, site)).status, 200);
    second.child.kill('SIGTERM');
    assert.deepEqual(await second.exited, { code: 0, signal: null }, second.output());

    const stored = await storedIds(site);
    const lost = acknowledged.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged events are missing`);
    assert.ok(stored.has(afterRestart[0]!.messageId as string));
  });
}

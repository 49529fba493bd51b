// Collector ingest, side by side in one run: a bare Node HTTP server that only reads and parses the same batches
// (the ceiling), the collector on PGlite, and the collector on PostgreSQL when DATABASE_URL is set.
// Batches of 20 events from a load generator in its own process, over loopback keep-alive connections.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { createCollector, parseConfig, type Collector } from '../../packages/collector/src/index.js';

const LOAD = fileURLToPath(new URL('./collector/load.mjs', import.meta.url));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WARM_UP_MS = 2000;
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const GOAL = 0.5;

interface Result { requests: number; eventsPerSecond: number; p50: number; p99: number; errors: number }
interface Target { name: string; url: string; close(): Promise<void> }

async function bareServer(): Promise<Target> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { batch: unknown[] };
      const body = JSON.stringify({ accepted: batch.batch.length, rejected: [] });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    name: 'bare Node server (parse and discard)',
    url: `http://127.0.0.1:${port}/v1/batch`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const unlimited = { requests: 1_000_000_000, windowSeconds: 60 };
const config = parseConfig({ sites: { bench: {} }, rateLimits: { perIp: unlimited, perSite: unlimited } });

async function collectorTarget(name: string, collector: Collector, cleanup: () => Promise<void>): Promise<Target> {
  const { url } = await collector.listen(0, '127.0.0.1');
  return { name, url: `${url}/v1/batch`, close: async () => (await collector.close(), await cleanup()) };
}

async function pgliteTarget(): Promise<Target> {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-bench-'));
  const collector = await createCollector({ dataDir: join(root, 'data'), config, log: false });
  return collectorTarget('collector on PGlite (data folder)', collector, () => rm(root, { recursive: true, force: true }));
}

async function postgresTarget(databaseUrl: string): Promise<Target> {
  const schema = `vitrine_bench_${randomBytes(4).toString('hex')}`;
  const collector = await createCollector({ databaseUrl, databaseSchema: schema, config, log: false });
  return collectorTarget('collector on PostgreSQL', collector, async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });
}

async function load(url: string): Promise<Result> {
  const { stdout } = await promisify(execFile)(process.execPath, [LOAD, url, String(CONNECTIONS), String(WARM_UP_MS), String(MEASURE_MS)]);
  return JSON.parse(stdout) as Result;
}

const databaseUrl = process.env.DATABASE_URL?.trim();
const makers: Array<() => Promise<Target>> = [bareServer, pgliteTarget, ...(databaseUrl ? [() => postgresTarget(databaseUrl)] : [])];
const runs = new Map<string, Result[]>();
console.log(`\nCollector ingest: batches of 20 events, ${CONNECTIONS} keep-alive connections, ${MEASURE_MS / 1000} s after ${WARM_UP_MS / 1000} s warm-up, ${ROUNDS} rounds in turn.`);
console.log(`This machine has ${availableParallelism()} cores shared by the load generator, the server and the database.`);
for (let round = 0; round < ROUNDS; round += 1) {
  for (const make of makers) {
    const target = await make();
    try {
      const result = await load(target.url);
      if (result.errors > 0) throw new Error(`${target.name}: ${result.errors} requests failed`);
      runs.set(target.name, [...(runs.get(target.name) ?? []), result]);
    } finally {
      await target.close();
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summary = [...runs].map(([name, results]) => ({
  name,
  eventsPerSecond: median(results.map((r) => r.eventsPerSecond)),
  p50: median(results.map((r) => r.p50)),
  p99: median(results.map((r) => r.p99)),
}));
const ceiling = summary[0]!.eventsPerSecond;
console.log('');
console.log(`${'target'.padEnd(40)} ${'events/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'of ceiling'.padStart(11)}`);
for (const row of summary) {
  const share = row.eventsPerSecond / ceiling;
  console.log(`${row.name.padEnd(40)} ${Math.round(row.eventsPerSecond).toString().padStart(10)} ${row.p50.toFixed(1).padStart(8)} ${row.p99.toFixed(1).padStart(8)} ${`${(share * 100).toFixed(0)}%`.padStart(11)}`);
}
const onPostgres = summary.find((row) => row.name.includes('PostgreSQL'));
if (onPostgres) {
  const share = onPostgres.eventsPerSecond / ceiling;
  console.log(`\nGoal: PostgreSQL at ≥ ${GOAL * 100}% of the ceiling: ${share >= GOAL ? 'met' : 'not met'} (${(share * 100).toFixed(0)}%).`);
} else {
  console.log('\nPostgreSQL part skipped: set DATABASE_URL=postgres://user:password@host:5432/database to include it.');
}

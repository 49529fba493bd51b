import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { createCollector, type Collector, type CollectorOptions } from '../src/index.js';

export interface RunningCollector {
  collector: Collector;
  url: string;
  logs: string[];
  postBatch(body: unknown, init?: { headers?: Record<string, string> }): Promise<Response>;
  getEvents(query: string): Promise<Response>;
}

/** The database this run targets: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;
export const TEST_DATABASE_NAME = TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/**
 * Options to spread into `createCollector` for the database this run targets: a fresh schema on
 * PostgreSQL (dropped when `t` ends, so tests sharing one database never see each other's rows), or
 * an in-memory PGlite.
 */
export function testDatabaseOptions(t: TestContext): DatabaseOptions {
  const { options, drop } = testDatabase();
  // Idle connections hold no locks, so the drop does not wait for a collector closed after it.
  t.after(drop);
  return options;
}

type DatabaseOptions = Pick<CollectorOptions, 'dataDir' | 'databaseUrl' | 'databaseSchema'>;

function testDatabase(): { options: DatabaseOptions; drop: () => Promise<void> } {
  if (!TEST_DATABASE_URL) return { options: { dataDir: 'memory://' }, drop: async () => {} };
  const databaseSchema = freshSchemaName();
  return { options: { databaseUrl: TEST_DATABASE_URL, databaseSchema }, drop: () => dropSchema(TEST_DATABASE_URL!, databaseSchema) };
}

export function freshSchemaName(): string {
  return `vitrine_test_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A collector on a free port with this run's database (see `testDatabaseOptions`), closed when the test `t` ends. */
export async function startCollector(t: TestContext, options: CollectorOptions = {}): Promise<RunningCollector> {
  const logs: string[] = [];
  const database = testDatabase();
  let collector: Collector | undefined;
  t.after(async () => {
    await collector?.close();
    await database.drop();
  });
  collector = await createCollector({ ...database.options, log: (line) => logs.push(line), ...options });
  const { url } = await collector.listen(0, '127.0.0.1');
  return {
    collector,
    url,
    logs,
    postBatch: (body, init = {}) =>
      fetch(`${url}/v1/batch`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', ...init.headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    getEvents: (query) => fetch(`${url}/v1/events?${query}`),
  };
}

let counter = 0;

/** A valid track message, as the tracker builds it. */
export function trackMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    messageId: `msg-${process.pid}-${counter}`,
    type: 'track',
    event: 'Product Viewed',
    timestamp: '2024-05-01T12:00:00.000Z',
    anonymousId: 'anon-1',
    properties: { product_id: 'sku-1', price: 1999, currency: 'EUR' },
    context: {
      page: { url: 'https://shop.example/clip?utm_source=tt', path: '/clip', referrer: '', title: 'Clip' },
      locale: 'en-GB',
      library: { name: 'vitrine', version: '0.1.0' },
      campaign: { source: 'tt' },
    },
    ...overrides,
  };
}

export function batchOf(messages: unknown[], site = 'demo'): Record<string, unknown> {
  return { batch: messages, sentAt: '2024-05-01T12:00:01.000Z', site };
}

export async function storedEvents(running: RunningCollector, site = 'demo'): Promise<Array<Record<string, any>>> {
  const response = await running.getEvents(`site=${site}&limit=1000`);
  if (response.status !== 200) throw new Error(`GET /v1/events answered ${response.status}`);
  return ((await response.json()) as { events: Array<Record<string, any>> }).events;
}

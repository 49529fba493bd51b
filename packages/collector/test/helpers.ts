import type { TestContext } from 'node:test';
import { createCollector, type Collector, type CollectorOptions } from '../src/index.js';

export interface RunningCollector {
  collector: Collector;
  url: string;
  logs: string[];
  postBatch(body: unknown, init?: { headers?: Record<string, string> }): Promise<Response>;
  getEvents(query: string): Promise<Response>;
}

/** A collector on a free port with an in-memory database, closed when the test `t` ends. */
export async function startCollector(t: TestContext, options: CollectorOptions = {}): Promise<RunningCollector> {
  const logs: string[] = [];
  const collector = await createCollector({ dataDir: 'memory://', log: (line) => logs.push(line), ...options });
  const { url } = await collector.listen(0, '127.0.0.1');
  t.after(() => collector.close());
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

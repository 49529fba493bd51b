// Starts the examples server and collector on free ports with a throwaway database, and a Chromium to drive them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without type declarations
import { startExamples } from '../../examples/serve.mjs';
// @ts-expect-error: plain ESM scripts without type declarations
import { chromiumArgs, chromiumPath } from '../tooling/chromium.mjs';

/** The demo site's brand key, from examples/collector.config.json. */
export const DEMO_BRAND_KEY = 'demo-brand-key-for-local-use-only';

export interface Harness {
  examplesUrl: string;
  collectorUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-e2e-'));
  const examples = await startExamples({ port: 0, collectorPort: 0, dataDir, log: false });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return {
    examplesUrl: examples.examplesUrl,
    collectorUrl: examples.collectorUrl,
    browser,
    async close() {
      await browser.close();
      await examples.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface StoredEvent {
  messageId: string;
  event: string;
  properties: Record<string, unknown>;
  context: { page: { path: string } };
}

/** Polls the collector's read-back endpoint until `accept` is satisfied (or fails after `timeout` ms). */
export async function waitForEvents(
  collectorUrl: string,
  accept: (events: StoredEvent[]) => boolean,
  { timeout = 10_000 } = {},
): Promise<StoredEvent[]> {
  const deadline = Date.now() + timeout;
  let events: StoredEvent[] = [];
  while (Date.now() < deadline) {
    const response = await fetch(`${collectorUrl}/v1/events?site=demo&limit=1000`, { headers: { authorization: `Bearer ${DEMO_BRAND_KEY}` } });
    events = ((await response.json()) as { events: StoredEvent[] }).events;
    if (accept(events)) return events;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the collector never held the expected events; it has: ${events.map((e) => e.event).join(', ') || 'none'}`);
}

/** Collects what would make a host page's developer unhappy: uncaught errors, console errors, failed requests. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // A failed request is reported below with its URL; the console's copy of it says less.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console.error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  return problems;
}

/**
 * A send still in flight when a page navigates shows as aborted from that page; its messages stay queued and the next
 * page sends them again (the collector keeps each message id once). Only that is not a problem.
 */
export const realProblems = (problems: string[]) => problems.filter((problem) => !/^request failed: .*\/v1\/batch \(net::ERR_ABORTED\)$/.test(problem));

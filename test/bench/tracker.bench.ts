// `npm run bench` (tracker part): the main-thread time the tracker costs per 1,000 events, from the calls until the
// collector has answered for every one, on an example page (examples/checkout) that sends to the local collector.
import { chromium, type CDPSession, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without type declarations
import { startExamples } from '../../examples/serve.mjs';
// @ts-expect-error: plain ESM scripts without type declarations
import { chromiumArgs, chromiumPath } from '../tooling/chromium.mjs';

const EVENTS = 1_000;
const RUNS = Number(process.env.RUNS ?? 7);

/**
 * Chromium's own count of main-thread script time, in ms. It leaves out the script a test runs in the page itself, so
 * around the calls below it measures what the tracker does afterwards: timers, batching, sending, reading answers.
 */
async function scriptTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'ScriptDuration')!.value * 1000;
}

const TRACK_AND_DELIVER = `(async () => {
  const start = performance.now();
  for (let i = 0; i < ${EVENTS}; i++) Vitrine.track('Product Viewed', { product_id: 'p' + i, position: i, price: 49, price_minor: 4900, currency: 'EUR' });
  const calls = performance.now() - start;
  await Vitrine.flush();
  // Until every event is through (the flush sends batch after batch).
  while (Vitrine.stats().queued > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  return calls;
})()`;

// An ad blocker refusing the collector: the queue fills to its capacity (1,000) and stays full, so every event drops
// the oldest. What each call then costs the page.
const TRACK_INTO_FULL_QUEUE = `(() => {
  for (let i = 0; i < ${EVENTS}; i++) Vitrine.track('Product Viewed', { product_id: 'filler' + i });
  const start = performance.now();
  for (let i = 0; i < ${EVENTS}; i++) Vitrine.track('Product Viewed', { product_id: 'p' + i, position: i, price: 49, price_minor: 4900, currency: 'EUR' });
  return performance.now() - start;
})()`;

async function measure(tab: Page, cdp: CDPSession, url: string): Promise<{ calls: number; script: number }> {
  await tab.goto(url);
  await tab.waitForFunction('window.Vitrine && Vitrine.stats() !== undefined');
  await tab.waitForTimeout(200);
  const before = await scriptTime(cdp);
  const calls = (await tab.evaluate(TRACK_AND_DELIVER)) as number;
  return { calls, script: (await scriptTime(cdp)) - before };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const examples = await startExamples({ port: 0, collectorPort: 0, dataDir: 'memory://', log: false });
const origin = new URL(examples.examplesUrl).origin;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  // Playwright evaluates its own script in the page, which the examples' strict CSP would refuse.
  const context = await browser.newContext({ bypassCSP: true });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const calls: number[] = [];
  const script: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const result = await measure(tab, cdp, `${origin}/examples/checkout/`);
    // The first run warms caches and compiles the code; it is not counted.
    if (run === 0) continue;
    calls.push(result.calls);
    script.push(result.script);
  }
  const blocked = await browser.newContext({ bypassCSP: true });
  await blocked.route('**/v1/batch', (route) => route.abort('blockedbyclient'));
  const blockedTab = await blocked.newPage();
  const fullQueue: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    await blockedTab.goto(`${origin}/examples/checkout/`);
    await blockedTab.waitForFunction('window.Vitrine && Vitrine.stats() !== undefined');
    const ms = (await blockedTab.evaluate(TRACK_INTO_FULL_QUEUE)) as number;
    if (run > 0) fullQueue.push(ms);
  }
  console.log(`\nMain-thread time per ${EVENTS.toLocaleString('en')} events, median of ${RUNS} runs:\n`);
  console.table({
    'Vitrine.track() calls (the synchronous part)': { ms: median(calls).toFixed(1) },
    'afterwards, until the collector has every event (batching, sending, answers)': { ms: median(script).toFixed(1) },
    'Vitrine.track() calls while the collector is blocked and the queue is full': { ms: median(fullQueue).toFixed(1) },
  });
} finally {
  await browser.close();
  await examples.close();
}

// `npm run bench` (tracker part): the main-thread time the tracker costs per 1,000 events, from the call to the
// collector's answer, beside the same page with no destination (events are then only DOM events), in one run.
import { chromium, type CDPSession, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without type declarations
import { startExamples } from '../../examples/serve.mjs';
// @ts-expect-error: plain ESM scripts without type declarations
import { chromiumArgs, chromiumPath } from '../tooling/chromium.mjs';

const EVENTS = 1_000;
const RUNS = 7;

const page = (scriptTag: string) => `<!doctype html><html lang="en"><head>${scriptTag}</head><body></body></html>`;

/** Chromium's own count of main-thread script time, in ms: everything the tracker did, timers and callbacks too. */
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
  while (Vitrine.config.endpoint && Vitrine.stats().queued > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  return calls;
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
  const context = await browser.newContext();
  const pages: Record<string, string> = {
    'to the collector': page(`<script src="/dist/vitrine.js" data-endpoint="${examples.collectorUrl}/v1/batch" data-site="demo"></script>`),
    'no destination (DOM events only)': page('<script src="/dist/vitrine.js" data-site="demo"></script>'),
  };
  await context.route(`${origin}/bench/**`, (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).searchParams.get('page')!);
    return route.fulfill({ body: pages[name], contentType: 'text/html' });
  });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const results = Object.fromEntries(Object.keys(pages).map((name) => [name, { calls: [] as number[], script: [] as number[] }]));
  for (let run = 0; run <= RUNS; run++) {
    for (const name of Object.keys(pages)) {
      const { calls, script } = await measure(tab, cdp, `${origin}/bench/tracker.html?page=${encodeURIComponent(name)}`);
      // The first round warms caches and compiles the code; it is not counted.
      if (run > 0) {
        results[name]!.calls.push(calls);
        results[name]!.script.push(script);
      }
    }
  }
  console.log(`\nMain-thread time per ${EVENTS.toLocaleString('en')} events, median of ${RUNS} runs (ms):\n`);
  console.table(
    Object.fromEntries(
      Object.entries(results).map(([name, { calls, script }]) => [
        name,
        { 'Vitrine.track() calls': median(calls).toFixed(1), 'all script until delivered': median(script).toFixed(1) },
      ]),
    ),
  );
} finally {
  await browser.close();
  await examples.close();
}

// `npm run bench`: how <vitrine-catalog> scales with the size of a feed, beside a baseline that renders every
// card at once, in one run of one browser. Reports DOM nodes, time to render, and the cost of scrolling to the end;
// the DOM left after scrolling there and back; and a page of 20 catalogs on one feed (downloads, time, long tasks).
import { chromium, type CDPSession, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without type declarations
import { startExamples } from '../../examples/serve.mjs';
// @ts-expect-error: plain ESM scripts without type declarations
import { chromiumArgs, chromiumPath } from '../tooling/chromium.mjs';

const SIZES = [100, 1_000, 10_000];
const IMAGES = ['linen-shirt', 'denim-jacket', 'canvas-tote', 'wool-beanie', 'sun-hat', 'silk-scarf'];

function feed(count: number) {
  return {
    title: `${count} products`,
    products: Array.from({ length: count }, (_, i) => ({
      id: `p${i}`,
      title: `Product number ${i + 1}`,
      url: `/examples/brand-catalog/product.html?id=p${i}`,
      images: [`/examples/images/${IMAGES[i % IMAGES.length]}.svg`],
      price: { amount: 1000 + i, currency: 'EUR' },
    })),
  };
}

/** The widget as a host uses it. */
const catalogPage = (count: number) => `<!doctype html><html lang="en"><head>
  <script src="/dist/vitrine.js" async></script></head>
  <body><vitrine-catalog src="/bench/feed-${count}.json"></vitrine-catalog></body></html>`;

/** A brand's page: many catalogs on one feed, as a host lays out rows of one brand. */
const manyCatalogsPage = (count: number, catalogs: number) => `<!doctype html><html lang="en"><head>
  <script src="/dist/vitrine.js" async></script></head>
  <body>${Array.from({ length: catalogs }, (_, i) => `<vitrine-catalog src="/bench/feed-${count}.json" list-id="row-${i}"></vitrine-catalog>`).join('')}</body></html>`;

/** Baseline: every product as a card in a plain scrolling row, no virtualisation. */
const allCardsPage = () => `<!doctype html><html lang="en"><head>
  <script src="/dist/vitrine.js" async></script><script src="/bench/all-cards.js" defer></script></head>
  <body><div id="row" style="display:flex;gap:16px;overflow-x:auto"></div></body></html>`;

const allCardsScript = `
  const count = Number(new URLSearchParams(location.search).get('count'));
  // vitrine.js is async: the feed can arrive before it has run.
  const vitrineReady = window.Vitrine ? Promise.resolve() : new Promise((resolve) => document.querySelector('script[src="/dist/vitrine.js"]').addEventListener('load', resolve, { once: true }));
  fetch('/bench/feed-' + count + '.json').then((r) => r.json()).then(async (data) => {
    await vitrineReady;
    await window.Vitrine.load('vitrine-product-card');
    await customElements.whenDefined('vitrine-product-card');
    const row = document.getElementById('row');
    for (const [i, raw] of data.products.entries()) {
      const card = document.createElement('vitrine-product-card');
      card.product = { ...raw, images: raw.images.map((url) => ({ url: new URL(url, location.href).href })), url: new URL(raw.url, location.href).href, variants: [], availability: 'in_stock' };
      card.setAttribute('position', String(i + 1));
      row.append(card);
    }
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    document.dispatchEvent(new CustomEvent('vitrine-load'));
  });
`;

// Page-side code is passed as source text: tsx would otherwise wrap named functions in a helper the page lacks.
const COUNT_NODES = `(() => {
  const count = (root) => [...root.querySelectorAll('*')].reduce((sum, el) => sum + 1 + (el.shadowRoot ? count(el.shadowRoot) : 0), 0);
  return count(document);
})()`;

/** Jumps the scroller to its end and waits two frames: the cost of rendering what comes into view. */
const SCROLL_TO_END = (selector: string) => `(async () => {
  const find = (root) => {
    const hit = root.querySelector(${JSON.stringify(selector)});
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const inner = el.shadowRoot && find(el.shadowRoot);
      if (inner) return inner;
    }
    return undefined;
  };
  const scroller = find(document);
  const t0 = performance.now();
  scroller.scrollLeft = scroller.scrollWidth;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return Math.round(performance.now() - t0);
})()`;

/** Scrolls the first carousel through `cards` cards and back, four a frame: DOM nodes (Chromium's count, after a GC) before and after. */
const SCROLL_THERE_AND_BACK = (cards: number) => `(async () => {
  const find = (root) => root.querySelector('[part~="track"]') ?? [...root.querySelectorAll('*')].map((el) => el.shadowRoot && find(el.shadowRoot)).find(Boolean);
  const track = find(document);
  const stride = track.querySelector('.item').getBoundingClientRect().width + parseFloat(getComputedStyle(track).columnGap);
  for (const direction of [1, -1]) {
    for (let i = 0; i < ${cards} / 4; i++) {
      track.scrollLeft += direction * 4 * stride;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
})()`;

async function domNodes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'Nodes')!.value;
}

/** Many catalogs on one feed: feed downloads, time until every one has loaded, long tasks on the way. */
async function measureManyCatalogs(page: Page, url: string, catalogs: number) {
  let feedRequests = 0;
  const count = (request: { url(): string }) => void (/\/bench\/feed-/.test(request.url()) && feedRequests++);
  page.on('request', count);
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.evaluate(`Promise.race([window.__allLoaded(${catalogs}), new Promise((_, reject) => setTimeout(() => reject(new Error('not every catalog loaded')), 60000))])`);
  const loadedMs = Date.now() - start;
  const longTasks = (await page.evaluate('window.__longTasks')) as number[];
  page.off('request', count);
  return { feedRequests, loadedMs, longTaskMs: longTasks.reduce((sum, ms) => sum + ms, 0), longTasks: longTasks.length };
}

async function measure(page: Page, url: string, scrollTarget: string) {
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  // A page that never signals fails the run instead of hanging it.
  await page.evaluate(`Promise.race([window.__loaded, new Promise((_, reject) => setTimeout(() => reject(new Error('no vitrine-load from ${url}')), 30000))])`);
  // Wait for the frame after load so layout and paint are counted.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))');
  const renderMs = Date.now() - start;
  const nodes = (await page.evaluate(COUNT_NODES)) as number;
  const scrollMs = (await page.evaluate(SCROLL_TO_END(scrollTarget))) as number;
  return { renderMs, nodes, scrollMs };
}

const examples = await startExamples({ port: 0, collectorPort: 0, dataDir: 'memory://', log: false });
const origin = new URL(examples.examplesUrl).origin;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route(`${origin}/bench/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    const feedMatch = /feed-(\d+)\.json$/.exec(pathname);
    if (feedMatch) return route.fulfill({ json: feed(Number(feedMatch[1])) });
    if (pathname.endsWith('all-cards.js')) return route.fulfill({ body: allCardsScript, contentType: 'text/javascript' });
    if (pathname.includes('all-cards')) return route.fulfill({ body: allCardsPage(), contentType: 'text/html' });
    const manyMatch = /many-(\d+)-(\d+)\.html$/.exec(pathname);
    if (manyMatch) return route.fulfill({ body: manyCatalogsPage(Number(manyMatch[1]), Number(manyMatch[2])), contentType: 'text/html' });
    const pageMatch = /catalog-(\d+)\.html$/.exec(pathname);
    return route.fulfill({ body: catalogPage(Number(pageMatch?.[1] ?? 100)), contentType: 'text/html' });
  });
  // Set before any page script runs, so the load event cannot be missed.
  await context.addInitScript(`window.__loaded = new Promise((resolve) => document.addEventListener('vitrine-load', resolve, { once: true, capture: true }));
    let loads = 0;
    const waiting = [];
    document.addEventListener('vitrine-load', () => { loads++; waiting.forEach((check) => check()); }, true);
    window.__allLoaded = (count) => new Promise((resolve) => { const check = () => loads >= count && resolve(); waiting.push(check); check(); });
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.__longTasks.push(Math.round(entry.duration)))).observe({ type: 'longtask', buffered: true });`);
  const page = await context.newPage();
  // A first, unrecorded run, so neither side pays for the browser's cold start or empty caches.
  await measure(page, `${origin}/bench/catalog-100.html`, '[part~="track"]');
  await measure(page, `${origin}/bench/all-cards.html?count=100`, '#row');
  const rows: Array<Record<string, string | number>> = [];
  for (const size of SIZES) {
    const vitrine = await measure(page, `${origin}/bench/catalog-${size}.html`, '[part~="track"]');
    const baseline = await measure(page, `${origin}/bench/all-cards.html?count=${size}`, '#row');
    rows.push({
      products: size,
      'vitrine DOM nodes': vitrine.nodes,
      'all-cards DOM nodes': baseline.nodes,
      'vitrine render ms': vitrine.renderMs,
      'all-cards render ms': baseline.renderMs,
      'vitrine scroll-to-end ms': vitrine.scrollMs,
      'all-cards scroll-to-end ms': baseline.scrollMs,
    });
  }
  console.log('\n<vitrine-catalog> (virtualised carousel) beside every card rendered at once, same feed, same browser:\n');
  console.table(rows);

  // The DOM a carousel leaves behind as it scrolls: it should end where it started.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await measure(page, `${origin}/bench/catalog-10000.html`, '[part~="track"]');
  const nodesBefore = await domNodes(cdp);
  await page.evaluate(SCROLL_THERE_AND_BACK(2_000));
  const nodesAfter = await domNodes(cdp);
  console.log('\nDOM nodes of a 10,000-product catalog page before and after scrolling 2,000 cards there and back:\n');
  console.table([{ before: nodesBefore, after: nodesAfter }]);

  const many: Array<Record<string, string | number>> = [];
  for (const size of [1_000, 10_000]) many.push({ products: size, ...(await measureManyCatalogs(page, `${origin}/bench/many-${size}-20.html`, 20)) });
  console.log('\n20 catalogs on one feed (one brand page):\n');
  console.table(many);
} finally {
  await browser.close();
  await examples.close();
}

// Load generator, run in its own process so it does not share the event loop it measures:
//   node load.mjs <batch URL> <connections> <warm-up ms> <measure ms>
// Posts batches of 20 tracker events (text/plain, as sendBeacon sends them) back to back on keep-alive
// connections, every message id fresh, and prints one JSON line: requests, events, p50/p99 ms, errors.
import { Agent, request } from 'node:http';

const [url, connections = '32', warmUpMs = '2000', measureMs = '8000'] = process.argv.slice(2);
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: Number(connections) });
const EVENTS = ['Product Viewed', 'Product Viewed', 'Product Viewed', 'Product Clicked', 'Video Playback Progress'];

// One template per run; only the message ids change per request, so building a body costs a string join.
const template = JSON.stringify({
  site: 'bench',
  sentAt: new Date().toISOString(),
  batch: Array.from({ length: 20 }, (_, index) => ({
    messageId: `@ID${index}@`,
    type: 'track',
    event: EVENTS[index % EVENTS.length],
    timestamp: new Date().toISOString(),
    anonymousId: '6a3c1f0e-2b7d-4c8e-9f10-1a2b3c4d5e6f',
    properties: { product_id: `sku-${index}`, price: 49.9, price_minor: 4990, currency: 'EUR', position: index + 1, creator_id: 'mia-outdoors', clip_id: 'summer-lookbook' },
    context: {
      page: { url: 'https://shop.example/clips/summer?utm_source=tiktok', path: '/clips/summer', referrer: 'https://www.tiktok.com/', title: 'Summer lookbook' },
      locale: 'en-GB',
      library: { name: 'vitrine', version: '0.1.0' },
      campaign: { source: 'tiktok' },
    },
  })),
}).split(/@ID(\d+)@/);

let sequence = 0;
function body() {
  const prefix = `${process.pid}-${++sequence}-`;
  return template.map((part, index) => (index % 2 === 1 ? prefix + part : part)).join('');
}

function post() {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' } }, (res) => {
      res.resume();
      res.once('end', () => resolve({ ok: res.statusCode === 200, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.once('error', () => resolve({ ok: false, ms: 0 }));
    req.end(body());
  });
}

const latencies = [];
let requests = 0;
let errors = 0;
let measuring = false;
let stopped = false;
const worker = async () => {
  while (!stopped) {
    const { ok, ms } = await post();
    if (!measuring) continue;
    if (!ok) errors += 1;
    else {
      requests += 1;
      latencies.push(ms);
    }
  }
};
const workers = Array.from({ length: Number(connections) }, worker);
await new Promise((resolve) => setTimeout(resolve, Number(warmUpMs)));
measuring = true;
const start = process.hrtime.bigint();
await new Promise((resolve) => setTimeout(resolve, Number(measureMs)));
measuring = false;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
stopped = true;
await Promise.all(workers);
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
console.log(JSON.stringify({ requests, eventsPerSecond: (requests * 20) / seconds, p50: at(0.5), p99: at(0.99), errors }));

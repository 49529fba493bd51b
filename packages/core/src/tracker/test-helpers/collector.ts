import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { CollectorTransport, Tracker, type TrackerOptions, type TrackMessage } from '@vitrine/core';

export const ENDPOINT = 'https://collector.example/v1/batch';
export const worker = setupWorker();

/** One request that reached the collector, whatever it answered. */
export interface CollectorRequest {
  at: number;
  status: number;
  batch: TrackMessage[];
  contentType: string | null;
}

export interface Collector {
  site: string;
  /** Picks each answer, from the number of requests before it; may be changed at any time. */
  answer: (request: number) => Answer;
  requests: CollectorRequest[];
  /** Batches answered 200, in arrival order. */
  readonly delivered: TrackMessage[][];
  /** Message ids the collector stored (answered 200), in arrival order, copies included. */
  readonly ids: string[];
}

/** `body`: a JSON answer, like our collector's `{accepted, rejected}`; none by default. */
export type Answer = number | { status: number; headers?: Record<string, string>; delayMs?: number; body?: unknown };

let sites = 0;
const made: Tracker[] = [];

/**
 * A scripted collector for one test's site (200 unless `answer` says otherwise). Batches of other sites, from
 * trackers left over by earlier tests, are answered 200 and not recorded.
 */
export function collector(answer: Collector['answer'] = () => 200): Collector {
  const c: Collector = {
    site: `site-${++sites}`,
    answer,
    requests: [],
    get delivered() {
      return this.requests.filter((r) => r.status === 200).map((r) => r.batch);
    },
    get ids() {
      return this.delivered.flat().map((m) => m.messageId);
    },
  };
  worker.use(
    http.post(ENDPOINT, async ({ request }) => {
      const body = JSON.parse(await request.text()) as { batch: TrackMessage[]; site: string };
      if (body.site !== c.site) return new HttpResponse(null, { status: 200 });
      const chosen = c.answer(c.requests.length);
      const { status, headers, delayMs = 0, body: answerBody } = typeof chosen === 'number' ? { status: chosen } : chosen;
      const received: CollectorRequest = { at: performance.now(), status, batch: body.batch, contentType: request.headers.get('content-type') };
      await delay(delayMs);
      c.requests.push(received);
      return answerBody === undefined ? new HttpResponse(null, { status, headers }) : HttpResponse.json(answerBody, { status, headers });
    }),
  );
  return c;
}

/** A tracker posting to `to`'s site, keeping its queue in this page's sessionStorage unless told otherwise. */
export function tracker(to: Collector, options: Partial<TrackerOptions> = {}): Tracker {
  const created = new Tracker({
    site: to.site,
    transports: [new CollectorTransport({ endpoint: ENDPOINT, site: to.site })],
    storage: sessionStorage,
    flushInterval: 50,
    ...options,
  });
  made.push(created);
  return created;
}

/** Silences every tracker a test made (revoking consent stops sending) and empties this page's storage. */
export function forgetTrackers(): void {
  for (const t of made.splice(0)) t.revokeConsent();
  sessionStorage.clear();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `vitrine:*` keys in `storage`. */
export function vitrineKeys(storage: Storage = sessionStorage): string[] {
  return Object.keys(storage).filter((key) => key.startsWith('vitrine:'));
}

import type { TrackMessage } from './envelope.js';

export interface SendOptions {
  /** The page is going away: only a beacon (or a keepalive fetch) survives. */
  unloading: boolean;
}

/**
 * Thrown (or rejected with) by a transport when the batch should be tried again later: a network error, a 5xx, 408
 * or 429. `retryAfterMs` comes from the answer's Retry-After header, when it has one.
 */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** `rejected`: the endpoint refused the batch for good (a 4xx), so it is counted and not retried. */
export type SendResult = 'delivered' | 'rejected';

/** Where a batch goes. Our collector is one transport; Segment, GA4 and host functions are others. */
export interface Transport {
  /** Resolves once the batch is delivered or refused for good; rejects when it should be retried. */
  send(messages: TrackMessage[], options: SendOptions): Promise<SendResult>;
}

export interface CollectorTransportOptions {
  endpoint: string;
  site: string;
}

/**
 * Posts `{batch, sentAt, site}` to a Vitrine collector (or any Segment-spec `/v1/batch`).
 * The body is sent as text/plain, a CORS-safelisted type, so neither beacons nor fetches need a preflight.
 */
export class CollectorTransport implements Transport {
  constructor(private readonly options: CollectorTransportOptions) {}

  async send(messages: TrackMessage[], { unloading }: SendOptions): Promise<SendResult> {
    const body = JSON.stringify({ batch: messages, sentAt: new Date().toISOString(), site: this.options.site });
    // A beacon is queued by the browser and outlives the page; its answer cannot be read, so use it only when leaving.
    if (unloading && typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(this.options.endpoint, body)) return 'delivered';
    const response = await fetch(this.options.endpoint, {
      method: 'POST',
      body,
      keepalive: unloading,
      credentials: 'omit',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    // 4xx other than 408/429 will never succeed; retrying would only block the queue.
    if (response.ok) return 'delivered';
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) return 'rejected';
    throw new Error(`collector answered ${response.status}`);
  }
}

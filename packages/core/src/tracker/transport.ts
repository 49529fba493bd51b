import type { TrackMessage } from './envelope.js';

export interface SendOptions {
  /**
   * The page may be going away: only a beacon (or a keepalive fetch) survives. Whatever the answer, the tracker keeps
   * these messages queued and sends them again later (from this page if it comes back, else from the next page of
   * the site), since a beacon's answer cannot be read. A destination that cannot deduplicate by messageId should
   * ignore such a send and take the messages on the later one.
   */
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

/**
 * `rejected`: the endpoint refused the batch for good (a 4xx), so it is counted and not retried. A number: the batch
 * was taken but that many of its events were refused (our collector lists them in its 200 answer).
 */
export type SendResult = 'delivered' | 'rejected' | number;

/** Where a batch goes. Our collector is one transport; Segment, GA4 and host functions are others. */
export interface Transport {
  /** Resolves once the batch is delivered or refused for good; rejects when it should be retried. */
  send(messages: TrackMessage[], options: SendOptions): Promise<SendResult>;
}

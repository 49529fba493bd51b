import type { TrackMessage } from './envelope.js';
import { postBatch } from './http-answer.js';
import type { SendOptions, SendResult, Transport } from './transport.js';

export interface SegmentTransportOptions {
  /** A Segment-spec batch endpoint: `https://api.segment.io/v1/batch`, a RudderStack data plane's, Jitsu's. */
  endpoint: string;
  writeKey: string;
}

/**
 * Posts `{batch, sentAt, writeKey}` to a Segment-spec `/v1/batch`. Our messages already are what Segment's HTTP
 * Tracking API asks of a track call inside a batch: a `type` (a batch mixes call types, so each call names its own),
 * an `event` name, an `anonymousId` (it needs that or a `userId`), a `messageId` it deduplicates retries by, and an
 * ISO 8601 `timestamp`. It takes the write key in the body instead of a Basic auth header, and text/plain as
 * Segment's own browser library sends it; calls over 32 KB or batches over 500 KB are refused, and the tracker's
 * limits stay under both.
 */
export class SegmentTransport implements Transport {
  readonly #options: SegmentTransportOptions;

  constructor(options: SegmentTransportOptions) {
    this.#options = options;
  }

  send(messages: TrackMessage[], { unloading }: SendOptions): Promise<SendResult> {
    const { endpoint, writeKey } = this.#options;
    return postBatch(endpoint, messages, { writeKey }, unloading);
  }
}

import type { TrackMessage } from './envelope.js';
import { postBatch } from './http-answer.js';
import type { SendOptions, SendResult, Transport } from './transport.js';

export interface CollectorTransportOptions {
  endpoint: string;
  site: string;
}

/** Posts `{batch, sentAt, site}` to a Vitrine collector (or any Segment-spec `/v1/batch`), which keeps each messageId once. */
export class CollectorTransport implements Transport {
  readonly #options: CollectorTransportOptions;

  constructor(options: CollectorTransportOptions) {
    this.#options = options;
  }

  send(messages: TrackMessage[], { unloading }: SendOptions): Promise<SendResult> {
    const { endpoint, site } = this.#options;
    return postBatch(endpoint, messages, { site }, unloading);
  }
}

import { logOnce } from '../log.js';
import type { TrackMessage } from './envelope.js';
import type { SendOptions, SendResult, Transport } from './transport.js';
import { unseen } from './unseen.js';

/**
 * Hands batches to a host function (`Vitrine.addDestination(fn)`), as copies it may change freely, and awaits it
 * when it returns a promise. Each message reaches it once per page: a batch sent again (another destination failed)
 * carries only what is new, and sends while the page unloads are left to the later send the tracker always makes.
 * A function that throws or rejects is a bug in the page, which retrying cannot fix and which must not hold the
 * queue for every other destination: it is logged once and the batch counts as refused.
 */
export class FunctionTransport implements Transport {
  readonly #destination: (messages: TrackMessage[]) => unknown;
  readonly #seen = new Set<string>();

  constructor(destination: (messages: TrackMessage[]) => unknown) {
    this.#destination = destination;
  }

  async send(messages: TrackMessage[], options: SendOptions): Promise<SendResult> {
    const fresh = unseen(this.#seen, messages, options);
    if (!fresh.length) return 'delivered';
    try {
      await this.#destination(structuredClone(fresh));
      return 'delivered';
    } catch (error) {
      logOnce('error', `a destination function failed, its events are dropped: ${error instanceof Error ? error.message : String(error)}`);
      return 'rejected';
    }
  }
}

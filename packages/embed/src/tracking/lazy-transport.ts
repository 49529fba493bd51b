import type { Transport } from '@vitrine/core';

/**
 * A destination whose code is a chunk of its own. The download starts at once, so it is normally there before the
 * first batch; until then a batch waits in the queue (stored like any other), and a failed download is tried again.
 */
export function lazyTransport(load: () => Promise<Transport>): Transport {
  let transport: Promise<Transport> | undefined;
  const get = () =>
    (transport ??= load().catch((error: unknown) => {
      transport = undefined;
      throw error;
    }));
  get().catch(() => undefined);
  return { send: (messages, options) => get().then((loaded) => loaded.send(messages, options)) };
}

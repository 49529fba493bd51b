import type { Transport } from '@vitrine/core';

/** Loads once and shares the result; a load that failed is forgotten, so the next call tries again. */
export function retryable<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * A destination whose code is a chunk of its own. The download starts at once, so it is normally there before the
 * first batch; until then a batch waits in the queue (stored like any other), and a failed download is tried again.
 */
export function lazyTransport(load: () => Promise<Transport>): Transport {
  const get = retryable(load);
  get().catch(() => undefined);
  return { send: (messages, options) => get().then((loaded) => loaded.send(messages, options)) };
}

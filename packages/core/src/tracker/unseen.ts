import type { TrackMessage } from './envelope.js';
import type { SendOptions } from './transport.js';
// Its own module: only the destinations that need it (in their own chunk) carry it.

/**
 * For destinations that cannot deduplicate by messageId (GA4's dataLayer, a host function): the messages of a batch
 * they have not had yet, remembered in `seen`. Nothing while the page unloads: the tracker sends those messages again
 * later (see `SendOptions.unloading`), and a batch sent again because another destination failed brings only what is new.
 */
export function unseen(seen: Set<string>, messages: TrackMessage[], { unloading }: SendOptions): TrackMessage[] {
  return unloading ? [] : messages.filter(({ messageId }) => !seen.has(messageId) && seen.add(messageId));
}

import { logOnce } from '../log.js';
import { createMessage, type TrackMessage } from './envelope.js';
import { MESSAGE_EVENT, TRACK_EVENT, URGENT_EVENTS, type TrackDetail, type TrackProperties } from './events.js';
import { randomId } from './random-id.js';
import { MemoryStorage, defaultStorage, storageRefused, type Store } from './store.js';
import type { RetryLater, Transport } from './transport.js';

declare global {
  interface WindowEventMap {
    'vitrine-event': CustomEvent<TrackMessage>;
  }
}

export interface TrackerOptions {
  /** The site id (letters, digits, "-", "_"): part of every storage key, so sites sharing an origin keep apart. */
  site: string;
  /** Where batches go; `addTransport` adds more. Without any, events are only DOM events. */
  transports?: Transport[];
  /**
   * Where waiting events survive reloads: localStorage by default, or another Web Storage object (its keys are listed
   * with `Object.keys`, as Web Storage enumerates its items); `null` keeps them in memory for this page.
   */
  storage?: Storage | null;
  /** `pending`: nothing is stored or sent until `grantConsent()`; events wait in memory meanwhile. */
  consent?: 'granted' | 'pending';
  /** The clock, in ms since the epoch. */
  now?: () => number;
  /** Send when this many events are waiting. */
  batchSize?: number;
  /** Send at most this long after an event is tracked, in ms. */
  flushInterval?: number;
  /** A batch stays under this many bytes of JSON, so it fits one beacon (browsers cap a page's beacons at 64 KB). */
  maxBatchBytes?: number;
  /** An event over this size is dropped and counted: it could never be delivered. */
  maxEventBytes?: number;
  /** At most this many events wait; past it the oldest are dropped and counted, with a sixteenth of this more. */
  queueCapacity?: number;
}

export interface TrackerStats {
  /** Events of this site waiting, from every tab. */
  queued: number;
  /** Events this tracker delivered. */
  delivered: number;
  /** Events this tracker's destinations refused for good. */
  rejected: number;
  /** Events dropped because the queue was full or they were too large, across page loads. */
  dropped: number;
}

const MAX_RETRY_DELAY = 60_000;
/** A random id per browser, so attribution can join a click to a later purchase; nothing else identifies the shopper. */
const ANONYMOUS_ID = 'vitrine:aid';

// TextEncoder, not Blob: a Blob per event cost about 0.2 ms each, most of what tracking an event cost (npm run bench).
const encoder = new TextEncoder();
const byteSize = (json: string) => encoder.encode(json).length;
type StoreMethod = (...args: string[]) => string | null;

/**
 * Records track messages and delivers them in batches to every transport, losing none on the way.
 *
 * Storage keys, all under `vitrine:` so that revoking consent finds them:
 * - `vitrine:m:<site>:<time in µs, base 36>:<messageId>`: one waiting message, as JSON. Tabs only ever add and remove
 *   keys, never rewrite each other's, so no read-modify-write race can lose a message.
 * - `vitrine:d:<site>`: how many events were dropped (queue full, or too large).
 * - `vitrine:aid`: the anonymous id.
 *
 * Sending holds a Web Lock per site: one tab sends the site's whole queue, its own messages and those other tabs (or
 * closed ones) left. Where Web Locks are missing every tab sends on its own, and a message may reach the collector
 * twice, which its messageId makes harmless.
 */
export class Tracker {
  readonly #options: Required<Omit<TrackerOptions, 'site' | 'transports' | 'storage' | 'consent'>>;
  readonly #transports: Transport[];
  readonly #prefix: string;
  readonly #droppedKey: string;
  readonly #lock: string;
  readonly #storage: Storage | null;
  #store!: Store;
  #pending!: boolean;
  #anonymousId!: string;
  /** This page's messages not yet sent by beacon. */
  #unbeaconed = new Set<string>();
  #queued = 0;
  #lastKeyTime = 0;
  #attempt = 0;
  #counts = { delivered: 0, rejected: 0 };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #draining: Promise<void> | undefined;

  constructor({ site, transports = [], storage = defaultStorage(), consent, ...options }: TrackerOptions) {
    this.#options = { batchSize: 20, flushInterval: 2000, maxBatchBytes: 60_000, maxEventBytes: 32_000, queueCapacity: 1000, now: Date.now, ...options };
    this.#transports = [...transports];
    this.#prefix = `vitrine:m:${site}:`;
    this.#droppedKey = `vitrine:d:${site}`;
    this.#lock = `vitrine:send:${site}`;
    this.#storage = storage;
    this.#use((consent !== 'pending' && storage) || new MemoryStorage(), consent === 'pending');
    // What earlier pages left waiting goes out soon.
    this.#wait(this.#options.flushInterval);
  }

  get stats(): TrackerStats {
    return { queued: this.#keys().length, ...this.#counts, dropped: +this.#io('getItem', this.#droppedKey)! };
  }

  /** Records an event; returns its message, or undefined when it is too large to ever be delivered. */
  track(event: string, properties: TrackProperties = {}): TrackMessage | undefined {
    const { now, maxEventBytes, queueCapacity, batchSize, flushInterval } = this.#options;
    const message = createMessage(event, properties, this.#anonymousId, new Date(now()));
    const json = JSON.stringify(message);
    if (byteSize(json) > maxEventBytes) {
      this.#drop(1);
      logOnce('warn', `dropped a "${event}" event over ${maxEventBytes} bytes`);
      return undefined;
    }
    dispatchEvent(new CustomEvent(MESSAGE_EVENT, { detail: message }));
    if (!this.#transports.length) return message;
    // Microseconds, and one more than the last key's, so this tab's keys sort in the order they were tracked.
    this.#lastKeyTime = Math.max(this.#lastKeyTime + 1, now() * 1000);
    const key = `${this.#prefix}${this.#lastKeyTime.toString(36).padStart(11, '0')}:${message.messageId}`;
    this.#io('setItem', key, json);
    this.#unbeaconed.add(key);
    if (++this.#queued > queueCapacity) this.#keys();
    // While retrying, the backoff alone decides when to try again. The timer also catches what a drain that was
    // just finishing missed.
    if (!this.#attempt && (URGENT_EVENTS.has(event) || this.#queued >= batchSize)) void this.flush();
    if (!this.#timer) this.#wait(flushInterval);
    return message;
  }

  /**
   * Sends what is waiting; resolves when the queue is empty, when delivery failed (it is retried later) or at once
   * when another tab is sending (it sends this tab's events too). While unloading, this page's messages go out
   * synchronously by beacon.
   */
  async flush({ unloading = false } = {}): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending || !this.#transports.length) return;
    if (unloading) return this.#beacon();
    // One drain at a time keeps batches in order; a drain also sends what is queued while it runs.
    return (this.#draining ??= this.#sendLocked().finally(() => (this.#draining = undefined)));
  }

  /** One more destination, for the events not yet sent. */
  addTransport(transport: Transport): void {
    this.#transports.push(transport);
  }

  /** Events tracked while consent was pending move into storage and start going out. */
  grantConsent(): void {
    if (!this.#pending) return;
    const memory = this.#store;
    if (this.#storage) {
      this.#store = this.#storage;
      for (const key of Object.keys(memory)) {
        const value = memory.getItem(key)!;
        // An anonymous id already stored wins; drop counts add up.
        const stored = this.#io('getItem', key);
        this.#io('setItem', key, key === this.#droppedKey ? String(+stored! + +value) : (stored ?? value));
      }
    }
    this.#use(this.#store, false);
    void this.flush();
  }

  /** Forgets everything: every `vitrine:*` key in storage, whoever wrote it, and the events waiting in memory. */
  revokeConsent(): void {
    try {
      for (const key of Object.keys(this.#storage ?? {})) if (key.startsWith('vitrine:')) this.#storage!.removeItem(key);
    } catch {
      // Storage that throws holds nothing of ours.
    }
    this.#unbeaconed.clear();
    this.#use(new MemoryStorage(), true);
  }

  /**
   * Listens for the elements' `vitrine-track` events, the page going away and the network coming back. The capture
   * listener on window sees every event before a host handler could stop its propagation. Returns the disconnect.
   */
  connect(target: Window = window): () => void {
    const onTrack = (event: Event) => {
      const detail = (event as CustomEvent<TrackDetail>).detail;
      if (typeof detail?.event === 'string') this.track(detail.event, detail.properties);
    };
    const onHide = () => this.flush({ unloading: true });
    const onVisibility = () => target.document.visibilityState === 'hidden' && onHide();
    const onOnline = () => this.flush();
    const listen = (method: 'addEventListener' | 'removeEventListener') => {
      target[method](TRACK_EVENT, onTrack, true);
      target[method]('pagehide', onHide);
      target[method]('online', onOnline);
      target.document[method]('visibilitychange', onVisibility);
    };
    listen('addEventListener');
    return () => {
      listen('removeEventListener');
      clearTimeout(this.#timer);
    };
  }

  #use(store: Store, pending: boolean): void {
    this.#store = store;
    this.#pending = pending;
    let id = this.#io('getItem', ANONYMOUS_ID);
    if (!id) this.#io('setItem', ANONYMOUS_ID, (id = randomId()));
    this.#anonymousId = id;
  }

  /** Calls a store method; storage that throws (blocked, full) is swapped for memory, never thrown to the host. */
  #io(method: keyof Store, ...args: string[]): string | null {
    try {
      return (this.#store[method] as StoreMethod)(...args);
    } catch {
      storageRefused();
      return ((this.#store = new MemoryStorage())[method] as StoreMethod)(...args);
    }
  }

  /**
   * The site's waiting messages, oldest first, once the oldest past capacity are dropped and counted. A sixteenth of
   * the capacity goes with them, so a queue kept full (an ad blocker refusing the endpoint) is not listed and sorted
   * again at every event.
   */
  #keys(): string[] {
    const keys = Object.keys(this.#store).filter((key) => key.startsWith(this.#prefix)).sort();
    const capacity = this.#options.queueCapacity;
    if (keys.length > capacity) {
      const dropped = keys.splice(0, keys.length - capacity + (capacity >> 4));
      dropped.forEach(this.#remove, this);
      this.#drop(dropped.length);
    }
    this.#queued = keys.length;
    return keys;
  }

  #remove(key: string): void {
    this.#unbeaconed.delete(key);
    this.#io('removeItem', key);
  }

  /** Read-modify-write: two tabs dropping at the same instant may count one drop short, which a counter can bear. */
  #drop(count: number): void {
    this.#io('setItem', this.#droppedKey, String(+this.#io('getItem', this.#droppedKey)! + count));
  }

  /** Takes one batch off the front of `keys`: at most `batchSize` messages and `maxBatchBytes` of JSON. */
  #take(keys: string[]): [string[], TrackMessage[]] {
    const { batchSize, maxBatchBytes } = this.#options;
    const taken: string[] = [];
    const messages: TrackMessage[] = [];
    let bytes = 0;
    for (let key; (key = keys[0]) && taken.length < batchSize; keys.shift()) {
      const json = this.#io('getItem', key);
      // Gone: another tab delivered it.
      if (!json) continue;
      bytes += byteSize(json) + 1;
      if (taken.length && bytes > maxBatchBytes) break;
      try {
        messages.push(JSON.parse(json));
        taken.push(key);
      } catch {
        this.#remove(key);
      }
    }
    return [taken, messages];
  }

  /** Sends under the site's lock; a tab that does not get it leaves sending to the holder and looks again later. */
  #sendLocked(): Promise<void> {
    const locks = navigator.locks;
    if (!locks) return this.#drain();
    // A lock that cannot be requested (an opaque origin) is no reason to keep events back.
    return locks.request(this.#lock, { ifAvailable: true }, (lock) => (lock ? this.#drain() : this.#wait(this.#options.flushInterval))).catch(() => this.#drain());
  }

  async #drain(): Promise<void> {
    // Offline, nothing is tried: the `online` event (or the next event tracked) starts again.
    while (!this.#pending && navigator.onLine) {
      const [keys, messages] = this.#take(this.#keys());
      if (!messages.length) return;
      try {
        const results = await Promise.all(this.#transports.map((t) => t.send(messages, { unloading: false })));
        const refused = Math.max(0, ...results.map((result) => (result === 'rejected' ? messages.length : +result || 0)));
        this.#counts.rejected += refused;
        this.#counts.delivered += messages.length - refused;
        keys.forEach(this.#remove, this);
        this.#attempt = 0;
      } catch (error) {
        // Once per page and reason: the browser's own line names the request, not that the events are kept.
        logOnce('warn', `events kept to retry: ${(error as Error).message}`);
        // The endpoint's Retry-After, or else exponential backoff with full jitter.
        const backoff = Math.random() * Math.min(MAX_RETRY_DELAY, 1000 * 2 ** this.#attempt++);
        this.#wait((error as RetryLater | undefined)?.retryAfterMs ?? backoff);
        return;
      }
    }
  }

  /**
   * The page may be going away: its messages not yet beaconed leave by beacon, synchronously. A beacon's answer
   * cannot be read, so they stay queued: the next page of the site (or this one, if it comes back) sends them again,
   * and the collector keeps each messageId once. A copy on the wire is the price of never losing one.
   */
  #beacon(): void {
    const keys = [...this.#unbeaconed];
    this.#unbeaconed.clear();
    while (keys.length) {
      const [, messages] = this.#take(keys);
      if (messages.length) for (const t of this.#transports) t.send(messages, { unloading: true }).catch(() => {});
    }
  }

  #wait(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), delay);
  }
}

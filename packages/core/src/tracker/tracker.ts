import { logOnce } from '../log.js';
import { createMessage, type TrackMessage } from './envelope.js';
import { TRACK_EVENT, URGENT_EVENTS, type TrackDetail, type TrackProperties } from './events.js';
import { anonymousId } from './identity.js';
import { MessageQueue, byteLength } from './queue.js';
import type { Transport } from './transport.js';

export interface TrackerOptions {
  transports: Transport[];
  /** Send when this many events are waiting. */
  batchSize?: number;
  /** Send at most this long after the first waiting event, in ms. */
  flushInterval?: number;
  /** A batch stays under this many bytes of JSON, so it fits one beacon (browsers cap a page's beacons at 64 KB). */
  maxBatchBytes?: number;
  /** An event over this size is dropped and counted: it could never be delivered. */
  maxEventBytes?: number;
  queueCapacity?: number;
}

export interface TrackerStats {
  queued: number;
  delivered: number;
  rejected: number;
  dropped: number;
}

const MAX_RETRY_DELAY = 60_000;

/**
 * Collects track messages and delivers them in batches to every transport.
 * Failed batches go back to the front of the queue and are retried with a growing delay.
 */
export class Tracker {
  private readonly queue: MessageQueue;
  private readonly options: Required<Omit<TrackerOptions, 'queueCapacity'>>;
  private readonly anonymousId = anonymousId();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private draining: Promise<void> | undefined;
  private retryDelay = 0;
  private counts = { delivered: 0, rejected: 0, oversized: 0 };

  constructor(options: TrackerOptions) {
    this.options = { batchSize: 20, flushInterval: 2000, maxBatchBytes: 60_000, maxEventBytes: 32_000, ...options };
    this.queue = new MessageQueue(options.queueCapacity);
  }

  get stats(): TrackerStats {
    return { queued: this.queue.size, delivered: this.counts.delivered, rejected: this.counts.rejected, dropped: this.queue.dropped + this.counts.oversized };
  }

  track(event: string, properties: TrackProperties = {}): TrackMessage | undefined {
    const message = createMessage(event, properties, this.anonymousId);
    if (byteLength(message) > this.options.maxEventBytes) {
      this.counts.oversized++;
      logOnce('warn', `dropped a "${event}" event larger than ${this.options.maxEventBytes} bytes`);
      return undefined;
    }
    this.queue.push(message);
    if (URGENT_EVENTS.has(event)) void this.flush({ unloading: true });
    else if (this.queue.size >= this.options.batchSize) void this.flush();
    else this.schedule(this.options.flushInterval);
    return message;
  }

  /**
   * Sends everything waiting; resolves when the queue is empty or delivery failed (it is retried later).
   * While unloading, batches go out synchronously by beacon, without waiting for answers.
   */
  flush({ unloading = false } = {}): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (unloading) {
      while (this.queue.size > 0) void this.sendBatch(true);
      return Promise.resolve();
    }
    // One drain at a time keeps batches in order; a drain also sends what is queued while it runs.
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.size > 0 && (await this.sendBatch(false)));
  }

  /**
   * Listens for the elements' `vitrine-track` events and for the page going away. The capture listener on
   * window sees every event before a host handler could stop its propagation. Returns the matching disconnect.
   */
  connect(target: Window = window): () => void {
    const onTrack = (event: Event) => {
      const detail = (event as CustomEvent<TrackDetail>).detail;
      if (detail && typeof detail.event === 'string') this.track(detail.event, detail.properties);
    };
    const onHide = () => void this.flush({ unloading: true });
    const onVisibility = () => {
      if (target.document.visibilityState === 'hidden') onHide();
    };
    target.addEventListener(TRACK_EVENT, onTrack, true);
    target.addEventListener('pagehide', onHide);
    target.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      target.removeEventListener(TRACK_EVENT, onTrack, true);
      target.removeEventListener('pagehide', onHide);
      target.document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(this.timer);
    };
  }

  /** Returns whether the batch left the queue for good (delivered or refused), false when it was put back. */
  private async sendBatch(unloading: boolean): Promise<boolean> {
    const batch = this.queue.take(this.options.batchSize, this.options.maxBatchBytes);
    try {
      const results = await Promise.all(this.options.transports.map((t) => t.send(batch, { unloading })));
      if (results.includes('rejected')) {
        this.counts.rejected += batch.length;
        logOnce('warn', `the endpoint refused ${batch.length} event(s); they will not be retried`);
      } else {
        this.counts.delivered += batch.length;
      }
      this.retryDelay = 0;
      return true;
    } catch (error) {
      this.queue.restore(batch);
      this.retryDelay = Math.min(MAX_RETRY_DELAY, Math.max(1000, this.retryDelay * 2));
      logOnce('warn', `could not deliver events, retrying (${error instanceof Error ? error.message : String(error)})`);
      this.schedule(this.retryDelay);
      return false;
    }
  }

  private schedule(delay: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }
}

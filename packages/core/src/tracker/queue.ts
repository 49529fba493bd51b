import type { TrackMessage } from './envelope.js';

/**
 * A bounded FIFO of messages waiting for delivery. When full, the oldest message is dropped and counted:
 * a page that cannot reach its endpoint must not grow memory without limit.
 */
export class MessageQueue {
  private items: TrackMessage[] = [];
  dropped = 0;

  constructor(readonly capacity = 1000) {}

  get size(): number {
    return this.items.length;
  }

  push(message: TrackMessage): void {
    this.items.push(message);
    const excess = this.items.length - this.capacity;
    if (excess > 0) {
      this.items.splice(0, excess);
      this.dropped += excess;
    }
  }

  /** Takes messages from the front while they fit in `maxBytes` of JSON (at least one, whatever its size). */
  take(maxCount: number, maxBytes: number): TrackMessage[] {
    let bytes = 0;
    let count = 0;
    while (count < this.items.length && count < maxCount) {
      const size = byteLength(this.items[count]!);
      if (count > 0 && bytes + size > maxBytes) break;
      bytes += size;
      count++;
    }
    return this.items.splice(0, count);
  }

  /** Puts messages that could not be delivered back at the front, in their order. */
  restore(messages: TrackMessage[]): void {
    this.items.unshift(...messages);
    const excess = this.items.length - this.capacity;
    if (excess > 0) {
      this.items.splice(0, excess);
      this.dropped += excess;
    }
  }
}

const encoder = new TextEncoder();

export function byteLength(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

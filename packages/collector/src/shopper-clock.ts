/**
 * A shopper's clock can run fast, and anyone can send a batch: an event time that has not come yet would sort first
 * in every list and stretch attribution windows. Such a time is moved back by how far the batch's `sentAt` is ahead
 * of the collector's clock (the shopper's clock error), and never left later than the moment the batch arrived.
 */

/** Latency and ordinary clock drift: a time this little ahead is kept as sent. */
export const CLOCK_TOLERANCE_MS = 60_000;

export function eventTimeOf(timestamp: string, sentAt: string | undefined, receivedAt: Date): string {
  const received = receivedAt.getTime();
  const time = Date.parse(timestamp);
  if (time <= received + CLOCK_TOLERANCE_MS) return timestamp;
  const clockError = sentAt === undefined ? 0 : Date.parse(sentAt) - received;
  return new Date(Math.min(time - Math.max(clockError, 0), received)).toISOString();
}

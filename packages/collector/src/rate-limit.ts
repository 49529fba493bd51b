import { unmapped } from './client-address.js';
import type { RateLimit } from './config.js';

/** Seconds until the caller may try again, or 0 when the request may go ahead. */
export type RateLimiter = (key: string, nowMs: number) => number;

interface Bucket {
  tokens: number;
  updatedMs: number;
}

// Past this many callers, full buckets are dropped: a caller with a full bucket is the same as one never seen.
const PRUNE_AT = 10_000;

/**
 * A token bucket per key: `requests` may arrive at once, then they refill evenly over `windowSeconds`. Kept in memory,
 * so each collector process limits on its own; behind a load balancer the limit is per process.
 */
export function createRateLimiter({ requests, windowSeconds }: RateLimit): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = requests / (windowSeconds * 1000);
  const refill = (bucket: Bucket, nowMs: number) => {
    bucket.tokens = Math.min(requests, bucket.tokens + Math.max(0, nowMs - bucket.updatedMs) * perMs);
    bucket.updatedMs = nowMs;
  };
  return (key, nowMs) => {
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= PRUNE_AT) {
        for (const [other, entry] of buckets) {
          refill(entry, nowMs);
          if (entry.tokens >= requests) buckets.delete(other);
        }
      }
      bucket = { tokens: requests, updatedMs: nowMs };
      buckets.set(key, bucket);
    }
    refill(bucket, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  };
}

/**
 * The key a caller is limited by: its IPv4 address, or its IPv6 /64, since one IPv6 host is given a whole /64 and
 * could otherwise take a fresh address per request.
 */
export function callerKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const ip = unmapped(address);
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => group.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

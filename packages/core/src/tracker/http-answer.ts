import type { TrackMessage } from './envelope.js';
import { RetryLater, type SendResult } from './transport.js';

/**
 * Reads a batch endpoint's answer. 2xx: delivered. 4xx other than 408 and 429: refused for good, since sending the
 * same batch again cannot succeed. Anything else throws RetryLater, carrying the Retry-After delay when there is one.
 */
export async function answerOf(response: Response): Promise<SendResult> {
  const { status } = response;
  // Our collector answers 200 with the events it refused listed: those are lost, not delivered. Segment lists none.
  if (response.ok) return ((await response.json().catch(() => null)) as { rejected?: unknown[] } | null)?.rejected?.length || 'delivered';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'rejected';
  throw new RetryLater(`the endpoint answered ${status}`, retryAfterMs(response.headers.get('retry-after')));
}

/** Retry-After is either whole seconds or an HTTP date (RFC 9110 §10.2.3); a date in the past means "now". */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  // Seconds are read first: Date.parse would read "120" as the year 120.
  const seconds = Number(header);
  const delay = Number.isNaN(seconds) ? Date.parse(header) - now : seconds * 1000;
  return Number.isNaN(delay) ? undefined : Math.max(0, delay);
}

/**
 * POSTs a Segment-spec batch, `{batch, sentAt, ...fields}` (our collector adds `site`, Segment `writeKey`), as
 * text/plain, a CORS-safelisted type, so no preflight is needed. While the page unloads a beacon goes first: the
 * browser sends it after the page is gone, though its answer can never be read.
 */
export async function postBatch(endpoint: string, messages: TrackMessage[], fields: Record<string, string>, unloading: boolean): Promise<SendResult> {
  const body = JSON.stringify({ batch: messages, sentAt: new Date().toISOString(), ...fields });
  if (unloading && typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(endpoint, body)) return 'delivered';
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      body,
      keepalive: unloading,
      credentials: 'omit',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
  } catch (error) {
    throw new RetryLater(`could not reach the endpoint (${(error as Error).message})`);
  }
  return answerOf(response);
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `Vitrine-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. Several `v1` may be sent while a
 * secret is being rotated; one match is enough. The timestamp is signed with the body, so a captured call cannot be
 * replayed once the window has passed.
 */
export const SIGNATURE_HEADER = 'vitrine-signature';
export const REPLAY_WINDOW_SECONDS = 300;

export type SignatureProblem = 'missing' | 'malformed' | 'expired' | 'mismatch';

export function signatureOf(secret: string, timestamp: number, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The header for a body, as a merchant's server makes it. */
export function signatureHeader(secret: string, body: Buffer | string, now = Date.now()): string {
  const timestamp = Math.floor(now / 1000);
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/** `undefined` when one of `secrets` signed `body` within the replay window around `now`. */
export function checkSignature(header: string | undefined, body: Buffer, secrets: readonly string[], now: number): SignatureProblem | undefined {
  if (header === undefined || header.trim() === '') return 'missing';
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [name, value = ''] = part.trim().split('=', 2) as [string, string | undefined];
    if (name === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (name === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || signatures.length === 0) return 'malformed';
  if (Math.abs(now / 1000 - timestamp) > REPLAY_WINDOW_SECONDS) return 'expired';
  for (const secret of secrets) {
    const expected = Buffer.from(signatureOf(secret, timestamp, body), 'hex');
    if (signatures.some((signature) => timingSafeEqual(signature, expected))) return undefined;
  }
  return 'mismatch';
}

import { VitrineError, logOnce, type VitrineErrorCode } from '@vitrine/core';

/** The fatal playback failures the engine reports; the element turns each into its error state. */
export type MediaErrorCode = Extract<VitrineErrorCode, `media-${string}`>;

export function mediaError(code: MediaErrorCode, message: string, cause?: unknown): VitrineError {
  return new VitrineError(code, message, cause === undefined ? {} : { cause });
}

/** Statuses that mean "this clip does not exist", as opposed to a network that failed to bring it. */
export function isNotFoundStatus(status: number | undefined): boolean {
  return status === 404 || status === 410;
}

/**
 * What a `<video>` playing by itself (native HLS or a progressive file) failed with. The browser says
 * SRC_NOT_SUPPORTED both for a format it cannot play and for a URL that 404s, so `status` (when known) tells them apart.
 */
export function elementErrorCode(error: MediaError, status?: number): MediaErrorCode {
  switch (error.code) {
    case MediaError.MEDIA_ERR_NETWORK:
      return 'media-network';
    case MediaError.MEDIA_ERR_DECODE:
      return 'media-decode';
    default:
      return isNotFoundStatus(status) ? 'media-not-found' : 'media-unsupported';
  }
}

/** The HTTP status of `src`, or undefined when it cannot be known (CORS, CSP, offline). */
export async function probeStatus(src: string): Promise<number | undefined> {
  try {
    const response = await fetch(src, { method: 'HEAD', cache: 'no-store', credentials: 'omit' });
    return response.status;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onRefused` when the page's Content-Security-Policy refuses `url` as media: a `media-src` without `blob:` stops
 * every hls.js stream (url 'blob'), and the video's error only says "Media load rejected". Chromium reports the
 * violation on the document, just before that error. Returns the function that stops listening.
 */
export function onPolicyRefusal(url: string, onRefused: () => void): () => void {
  const listener = (event: SecurityPolicyViolationEvent) => {
    // A refusal of a redirect names only the origin of where it went.
    if (event.effectiveDirective === 'media-src' && url.startsWith(event.blockedURI)) onRefused();
  };
  document.addEventListener('securitypolicyviolation', listener);
  return () => document.removeEventListener('securitypolicyviolation', listener);
}

/** What a refusal by the page's policy is reported as, naming what was refused. */
export const policyRefusal = (what: string) => `the page's Content-Security-Policy refuses ${what} (media-src)`;

/** Calls a host-facing callback without letting it throw into hls.js or a media event listener. */
export function safely(name: string, callback: () => void): void {
  try {
    callback();
  } catch (error) {
    logOnce('error', `media engine ${name} callback threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}

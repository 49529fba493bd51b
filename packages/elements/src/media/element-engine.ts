import type { EngineCallbacks, MediaEngine } from './engine.js';
import { elementErrorCode, mediaError, onPolicyRefusal, policyRefusal, probeStatus, safely } from './media-errors.js';

/** Empties a `<video>` so the browser drops its decoder and stops downloading. */
export function releaseMedia(video: HTMLVideoElement): void {
  video.removeAttribute('src');
  video.load();
}

/**
 * The browser plays `src` itself: a progressive file, or HLS where MSE is missing (older iOS). Native HLS exposes no
 * EXT-X-DATERANGE we can read everywhere (Chromium exposes none; Safari's DataCues are its own shape), so this engine
 * reports no in-band pins: clips that need them must come with JSON cues on those browsers.
 */
export function playNatively(video: HTMLVideoElement, src: string, kind: 'native' | 'progressive', callbacks: EngineCallbacks): MediaEngine {
  let reloaded = false;
  let finished = false;
  let tornDown = false;
  // The page's policy refused the file: the error event only says "rejected", this says by what.
  let refusal: string | undefined;
  const stopWatchingPolicy = onPolicyRefusal(src, () => (refusal = policyRefusal(src)));

  const onError = () => {
    const error = video.error;
    // ABORTED is a load we cancelled ourselves (a new src, teardown); nothing went wrong.
    if (finished || !error || error.code === MediaError.MEDIA_ERR_ABORTED) return;
    if (error.code === MediaError.MEDIA_ERR_NETWORK && !reloaded) {
      reloaded = true;
      resumeAfterReload(video);
      return;
    }
    finished = true;
    const report = (status?: number) => {
      if (tornDown) return;
      const code = refusal ? 'media-unsupported' : elementErrorCode(error, status);
      safely('onFatalError', () => callbacks.onFatalError(mediaError(code, refusal ?? `${kind} playback failed (${code}): ${error.message || src}`)));
    };
    // The browser says SRC_NOT_SUPPORTED for a 404 too; only the status can tell "missing" from "unplayable".
    if (error.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED) void probeStatus(src).then(report);
    else report();
  };

  video.addEventListener('error', onError);
  video.src = src;

  return {
    kind,
    teardown() {
      if (tornDown) return;
      tornDown = true;
      video.removeEventListener('error', onError);
      stopWatchingPolicy();
      releaseMedia(video);
    },
  };
}

/** One retry for a dropped connection: reload and carry on from the same second. */
function resumeAfterReload(video: HTMLVideoElement): void {
  const position = video.currentTime;
  const wasPlaying = !video.paused;
  video.load();
  video.currentTime = position;
  if (wasPlaying) video.play().catch(() => undefined);
}

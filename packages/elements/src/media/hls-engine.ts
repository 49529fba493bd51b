import type Hls from 'hls.js';
import type { ErrorData, LevelDetails, ManifestLoadedData } from 'hls.js';
import { pinCues, sameCues } from './date-range-cues.js';
import { releaseMedia } from './element-engine.js';
import type { DateRangeCue, EngineCallbacks, MediaEngine } from './engine.js';
import { isNotFoundStatus, mediaError, onPolicyRefusal, policyRefusal, safely, type MediaErrorCode } from './media-errors.js';

type HlsClass = typeof Hls;

/**
 * How often hls.js asks again for a segment that failed. Its default (6 times, up to 8 s apart) keeps a viewer looking
 * at a spinner for ~30 s; with 3 (0.5, 1, 2 s) plus our one restart a segment that is gone for good fails in ~8 s.
 */
export const SEGMENT_RETRIES = 3;

/**
 * Plays `src` through hls.js (MSE). hls.js already retries what is worth retrying (5xx, timeouts); on top of that a
 * fatal network error restarts loading once and a fatal media error rebuilds the MediaSource once, then we give up.
 * Given `needsFullBuild` (hls.js's light build is playing), a playlist that only the full build plays calls it
 * instead of loading further.
 */
export function playWithHls(HlsPlayer: HlsClass, video: HTMLVideoElement, src: string, callbacks: EngineCallbacks, needsFullBuild?: () => void): MediaEngine {
  const { Events, ErrorTypes, ErrorDetails } = HlsPlayer;
  const hls = new HlsPlayer({
    // Pins are read from the playlist itself; metadata text tracks would only sit next to the captions.
    enableDateRangeMetadataCues: false,
    enableEmsgMetadataCues: false,
    enableID3MetadataCues: false,
    // An embed is rarely large; no point downloading a 1080p rendition into a 400px box.
    capLevelToPlayerSize: true,
    // Our DATERANGE tags are product pins, not ad breaks: the interstitials controller has nothing to schedule.
    enableInterstitialPlayback: false,
    fragLoadPolicy: {
      default: { ...HlsPlayer.DefaultConfig.fragLoadPolicy.default, errorRetry: { maxNumRetry: SEGMENT_RETRIES, retryDelayMs: 500, maxRetryDelayMs: 2000 } },
    },
  });
  let pins: DateRangeCue[] | undefined;
  let restartedLoading = false;
  let recoveredMedia = false;
  let failed = false;
  let tornDown = false;

  const fail = (code: MediaErrorCode, message: string, cause?: unknown) => {
    if (failed) return;
    failed = true;
    hls.stopLoad();
    safely('onFatalError', () => callbacks.onFatalError(mediaError(code, message, cause)));
  };

  const recoverMedia = (reason: string, cause?: unknown) => {
    if (recoveredMedia) return fail('media-decode', `the stream could not be decoded (${reason})`, cause);
    recoveredMedia = true;
    hls.recoverMediaError();
  };

  const onNetworkError = (data: ErrorData) => {
    const status = data.response?.code;
    const isPlaylist = data.details === ErrorDetails.MANIFEST_LOAD_ERROR || data.details === ErrorDetails.LEVEL_LOAD_ERROR;
    if (isPlaylist && isNotFoundStatus(status)) return fail('media-not-found', `the playlist was not found (HTTP ${status}): ${data.url ?? src}`, data.error);
    if (data.details === ErrorDetails.MANIFEST_PARSING_ERROR || data.details === ErrorDetails.LEVEL_PARSING_ERROR) {
      return fail('media-unsupported', `not a playable HLS playlist: ${data.error?.message ?? src}`, data.error);
    }
    if (restartedLoading) return fail('media-network', `the stream stopped loading (${data.details}${status ? `, HTTP ${status}` : ''})`, data.error);
    restartedLoading = true;
    // Before the first playlist arrived there is nothing to resume: ask for it again.
    if (hls.levels.length === 0) hls.loadSource(src);
    else hls.startLoad();
  };

  const onError = (_event: unknown, data: ErrorData) => {
    if (!data.fatal || failed) return;
    switch (data.type) {
      case ErrorTypes.NETWORK_ERROR:
        return onNetworkError(data);
      case ErrorTypes.MEDIA_ERROR:
        if (isCodecError(data, ErrorDetails)) return fail('media-unsupported', `this browser cannot play the stream's codecs (${data.details})`, data.error);
        return recoverMedia(data.details, data.error);
      case ErrorTypes.KEY_SYSTEM_ERROR:
        return fail('media-unsupported', `the stream is encrypted in a way this player cannot play (${data.details})`, data.error);
      default:
        return fail('media-decode', `the stream could not be played (${data.type}/${data.details})`, data.error);
    }
  };

  // A decode error inside the <video> itself (not an append error) reaches us only as the element's error event.
  const onVideoError = () => {
    if (failed || !video.error || video.error.code === MediaError.MEDIA_ERR_ABORTED) return;
    recoverMedia(`video error ${video.error.code}: ${video.error.message}`);
  };

  // Loading went fine again after a restart, so a later outage gets its own restart.
  const onFragmentBuffered = () => {
    restartedLoading = false;
  };

  const onDetails = (_event: unknown, data: { details: LevelDetails; networkDetails?: unknown }) => {
    // No license server is configured, so hls.js would wait for keys for ever: say so at once instead.
    const drm = drmKeyFormat(data.details, data.networkDetails);
    if (drm) return fail('media-unsupported', `the stream is protected by DRM (${drm}), which this player does not play`);
    const next = pinCues(data.details.dateRanges);
    if (pins && sameCues(pins, next)) return;
    pins = next;
    const report = callbacks.onDateRanges;
    if (report) safely('onDateRanges', () => report(next.map((cue) => ({ ...cue }))));
  };

  const onManifest = (_event: unknown, data: ManifestLoadedData) => {
    // Out of hls.js's own dispatch before it is destroyed.
    if (needsFullBuild && needsMoreThanLight(data)) queueMicrotask(() => tornDown || failed || needsFullBuild());
  };

  // One table for on() and off(), so every listener added is removed. LEVEL_LOADED serves VOD, LEVEL_UPDATED a
  // sliding live window, LEVEL_PTS_UPDATED the moment real timestamps correct the estimated ones.
  const listeners = [
    [Events.ERROR, onError],
    [Events.MANIFEST_LOADED, onManifest],
    [Events.FRAG_BUFFERED, onFragmentBuffered],
    [Events.LEVEL_LOADED, onDetails],
    [Events.LEVEL_UPDATED, onDetails],
    [Events.LEVEL_PTS_UPDATED, onDetails],
  ] as const;
  for (const [event, listener] of listeners) hls.on(event, listener as never);
  video.addEventListener('error', onVideoError);
  // Refused by the page's policy, the MediaSource fails like a bad decode: the policy's own report says why.
  const stopWatchingPolicy = onPolicyRefusal('blob', () => fail('media-unsupported', `${policyRefusal('blob: media')}, which HLS streams play through`));
  hls.loadSource(src);
  hls.attachMedia(video);

  return {
    kind: 'hls.js',
    teardown() {
      if (tornDown) return;
      tornDown = true;
      failed = true;
      for (const [event, listener] of listeners) hls.off(event, listener as never);
      video.removeEventListener('error', onVideoError);
      stopWatchingPolicy();
      hls.destroy();
      releaseMedia(video);
    },
  };
}

/**
 * What the light build leaves out and a playlist can ask for: audio in renditions of its own (the light build would
 * play the picture without sound), subtitles, and HEVC or AC-3 audio, which it cannot read from MPEG-2 TS.
 */
function needsMoreThanLight(data: ManifestLoadedData): boolean {
  return data.audioTracks.some((track) => track.url) || !!data.subtitles?.length || data.levels.some((level) => /hvc1|hev1|ac-3|ec-3/i.test(level.attrs.CODECS ?? ''));
}

/**
 * The key system of the first segment locked by DRM; AES-128 and SAMPLE-AES with plain keys ("identity") play. The
 * light build skips such keys (and would feed the decoder locked segments), so their playlist's own text is read too.
 */
function drmKeyFormat(details: LevelDetails, networkDetails: unknown): string | undefined {
  for (const fragment of details.encryptedFragments) {
    const format = Object.keys(fragment.levelkeys ?? {}).find((keyFormat) => keyFormat !== 'identity');
    if (format) return format;
  }
  // hls.js fetches playlists as text through an XMLHttpRequest; anything else has no text to read.
  if (!(networkDetails instanceof XMLHttpRequest) || (networkDetails.responseType !== '' && networkDetails.responseType !== 'text')) return undefined;
  return /#EXT-X-KEY:[^\n]*KEYFORMAT="(?!identity")([^"]*)"/.exec(networkDetails.responseText)?.[1];
}

function isCodecError(data: ErrorData, details: HlsClass['ErrorDetails']): boolean {
  return (
    data.details === details.MANIFEST_INCOMPATIBLE_CODECS_ERROR ||
    data.details === details.BUFFER_INCOMPATIBLE_CODECS_ERROR ||
    data.details === details.BUFFER_ADD_CODEC_ERROR
  );
}

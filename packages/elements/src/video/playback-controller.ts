import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CueTimeline, TimedCue } from './cue-timeline.js';
import { playVideo } from './engine-session.js';
import type { PlaybackAnalytics } from './playback-analytics.js';

const MEDIA_EVENTS = ['play', 'playing', 'pause', 'waiting', 'ended', 'timeupdate', 'seeking', 'seeked', 'durationchange', 'volumechange', 'resize'];

/**
 * What the player shows of one playing `<video>` (the engine feeds it): its state for the controls, the product cues
 * active at the current time (checked every frame while playing, since timeupdate comes only about four times a
 * second), captions, and the analytics of each playback session.
 */
export class PlaybackController implements ReactiveController {
  paused = true;
  muted = false;
  /** Waiting for data: a spinner shows. */
  waiting = false;
  /** Whole seconds played: what the time display and the seek bar's valuetext show. */
  second = 0;
  duration = 0;
  /** The cues showing at the current time. */
  active: readonly TimedCue[] = [];
  captionsOn = false;
  caption = '';
  /** Set while the viewer drags the seek bar, which then is not moved under the pointer. */
  scrubbing = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #timeline: CueTimeline;
  readonly #analytics: PlaybackAnalytics;
  #video: HTMLVideoElement | undefined;
  #frame: number | undefined;
  #captionTrack: TextTrack | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, timeline: CueTimeline, analytics: PlaybackAnalytics) {
    this.#host = host;
    this.#timeline = timeline;
    this.#analytics = analytics;
    host.addController(this);
  }

  get video(): HTMLVideoElement | undefined {
    return this.#video;
  }

  hostConnected(): void {
    // Moved in the page while playing: the video plays on, and so must the loop.
    if (this.#video && !this.#video.paused) this.#startLoop();
  }

  hostDisconnected(): void {
    this.#stopLoop();
  }

  /**
   * Follows `video`, which the engine may already be loading (the player's code arrives in parallel): its state is
   * read as it is now, then kept up to date by its events.
   */
  attach(video: HTMLVideoElement): void {
    this.stop();
    this.#video = video;
    for (const type of MEDIA_EVENTS) video.addEventListener(type, this);
    // The engine may have started before the player arrived: its playing event is gone, so the state is read.
    const waiting = !video.paused && (video.seeking || video.readyState < HTMLMediaElement.HAVE_FUTURE_DATA);
    Object.assign(this, { paused: video.paused, muted: video.muted, waiting, duration: Number.isFinite(video.duration) ? video.duration : 0 });
    if (!video.paused) {
      this.#startLoop();
      if (video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) this.#analytics.onPlaying(video);
    }
    this.tick();
  }

  /** Lets go of the `<video>`; the next play is a new analytics session. */
  stop(): void {
    this.#analytics.end();
    this.#stopLoop();
    for (const type of MEDIA_EVENTS) this.#video?.removeEventListener(type, this);
    this.#video = undefined;
    this.#selectCaptions(undefined);
    this.captionsOn = false;
    this.paused = true;
    this.second = 0;
    this.active = [];
  }

  play(): Promise<void> {
    return this.#video ? playVideo(this.#video) : Promise.resolve();
  }

  toggleMute(): void {
    if (this.#video) this.#video.muted = !this.#video.muted;
  }

  seekTo(time: number): void {
    const video = this.#video;
    if (!video) return;
    video.currentTime = Math.min(Math.max(time, 0), this.duration || Math.max(time, 0));
    this.tick();
  }

  /** Turns captions on (the track in `language`, else the first) or off. We draw them ourselves, above our controls. */
  toggleCaptions(language: string): void {
    this.captionsOn = !this.captionsOn;
    const tracks = [...(this.#video?.querySelectorAll('track') ?? [])].map((element) => element.track);
    const chosen = this.captionsOn ? (tracks.find((track) => track.language.split('-')[0] === language) ?? tracks[0]) : undefined;
    // 'hidden' loads and times the cues without the browser drawing them.
    for (const track of tracks) track.mode = track === chosen ? 'hidden' : 'disabled';
    this.#selectCaptions(chosen);
    this.#host.requestUpdate();
  }

  /** Reads the current time: active cues, the displayed second, the seek bar, progress milestones. */
  readonly tick = (): void => {
    const video = this.#video;
    if (!video) return;
    const time = video.currentTime;
    const active = this.#timeline.activeAt(time);
    if (active.map((cue) => cue.key).join() !== this.active.map((cue) => cue.key).join() || Math.floor(time) !== this.second) {
      this.active = active;
      this.second = Math.floor(time);
      this.#host.requestUpdate();
    }
    this.syncSeekBar();
    if (!video.paused) this.#analytics.onProgress(video);
  };

  syncSeekBar(): void {
    const video = this.#video;
    const seek = this.#host.shadowRoot?.querySelector<HTMLInputElement>('.seek-input');
    if (!video || !seek) return;
    if (!this.scrubbing) seek.value = String(video.currentTime);
    // The rail follows the input (controls.ts): no second search of the player on every frame.
    (seek.nextElementSibling as HTMLElement).style.setProperty('--_progress', String(this.duration > 0 ? Math.min(video.currentTime / this.duration, 1) : 0));
  }

  /** The `<video>`'s events, through one listener object. */
  handleEvent(event: Event): void {
    const video = event.target as HTMLVideoElement;
    switch (event.type) {
      case 'playing':
        this.waiting = false;
        this.#analytics.onPlaying(video);
        this.#onPlay();
        break;
      case 'play':
        this.#onPlay();
        break;
      case 'pause':
        this.paused = true;
        this.#stopLoop();
        this.#analytics.onPause(video);
        break;
      case 'ended':
        this.paused = true;
        this.#analytics.onEnded(video);
        break;
      case 'waiting':
        this.waiting = true;
        break;
      case 'durationchange':
        this.duration = Number.isFinite(video.duration) ? video.duration : 0;
        break;
      case 'volumechange':
        this.muted = video.muted;
        break;
      case 'resize':
        // The picture's size is known (this fires with the first metadata too) or changed: the tags layer follows.
        break;
      default:
        // timeupdate, seeking, seeked: only the position moved.
        return this.tick();
    }
    this.tick();
    this.#host.requestUpdate();
  }

  #onPlay(): void {
    this.paused = false;
    this.#startLoop();
  }

  #startLoop(): void {
    this.#frame ??= requestAnimationFrame(() => {
      this.#frame = undefined;
      this.tick();
      if (this.#video && !this.#video.paused) this.#startLoop();
    });
  }

  #stopLoop(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }

  #selectCaptions(track: TextTrack | undefined): void {
    this.#captionTrack?.removeEventListener('cuechange', this.#onCueChange);
    track?.addEventListener('cuechange', this.#onCueChange);
    this.#captionTrack = track;
    this.#onCueChange();
  }

  readonly #onCueChange = (): void => {
    const cues = Array.from(this.#captionTrack?.activeCues ?? []) as VTTCue[];
    // Cue text as text: getCueAsHTML parses WebVTT markup (<v>, <i>) into nodes, of which only the text is kept.
    this.caption = cues.map((cue) => cue.getCueAsHTML().textContent ?? '').join('\n');
    this.#host.requestUpdate();
  };
}

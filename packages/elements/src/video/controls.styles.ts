import { css } from 'lit';

/** The control bar: seek bar with cue markers, buttons, time. Adopted with the player. */
export const controlsStyles = css`
  .controls {
    container-type: inline-size;
    place-self: end stretch;
    position: relative;
    z-index: 2;
    padding: 0 calc(0.5 * var(--vitrine-rem)) calc(0.25 * var(--vitrine-rem));
    background: var(--_bar);
    color: var(--_bar-color);
    transition: opacity 0.3s ease;
  }

  /* Only keyboard focus holds the bar up: a mouse click leaves focus on the control it pressed. */
  .idle .controls:not(:has(:focus-visible)) {
    opacity: 0;
  }

  .idle {
    cursor: none;
  }

  /* A range input moves on the press, before the click that a waking tap swallows: faded, it takes no presses. */
  .idle .seek-input {
    pointer-events: none;
  }

  .seek {
    position: relative;
    display: flex;
    align-items: center;
    block-size: calc(1.5 * var(--vitrine-rem));
    --_thumb: calc(0.875 * var(--vitrine-rem));
    --_track: rgb(255 255 255 / 40%);
    --_knob: #fff;
    --_mark: #ffd166;
  }

  /* An invisible range input over a drawn rail: it keeps the keyboard, the pointer and the semantics, and the
     drawing is the same in every engine and can take system colours in forced-colors mode. */
  .seek-input {
    position: relative;
    z-index: 1;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .seek:has(:focus-visible) {
    outline: var(--vitrine-focus-ring-width, 3px) solid var(--vitrine-video-focus-ring-color, #fff);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--vitrine-focus-ring-color, #1a56db);
  }

  /* The thumb's centre travels from half a thumb in to half a thumb from the end, as the input's does. The progress
     (set on .rail every frame) and the cue markers are siblings, so a frame restyles two pseudo-elements, not every
     marker; presses go through both to the input. */
  .rail,
  .rail-marks {
    position: absolute;
    inset: 0 calc(var(--_thumb) / 2);
    pointer-events: none;
  }

  .seek::before,
  .rail::before,
  .rail::after {
    content: '';
    position: absolute;
    inset-block-start: calc(50% - 0.125 * var(--vitrine-rem));
    block-size: calc(0.25 * var(--vitrine-rem));
    border-radius: 2px;
    background: var(--_track);
  }

  .seek::before {
    inset-inline: 0;
  }

  /* Progress, up to the thumb's centre. */
  .rail::before {
    inset-inline-start: calc(var(--_thumb) / -2);
    inline-size: calc(var(--_progress, 0) * 100% + var(--_thumb) / 2);
    background: var(--_accent);
  }

  /* The thumb is drawn over the markers. */
  .rail::after {
    z-index: 1;
    inset-inline-start: calc(var(--_progress, 0) * 100% - var(--_thumb) / 2);
    inset-block-start: calc(50% - var(--_thumb) / 2);
    inline-size: var(--_thumb);
    block-size: var(--_thumb);
    border-radius: 50%;
    background: var(--_knob);
  }

  .marker {
    position: absolute;
    inset-block-start: calc(50% - 0.3125 * var(--vitrine-rem));
    inset-inline-start: calc(var(--_at, 0) * 100% - 0.125 * var(--vitrine-rem));
    inline-size: calc(0.25 * var(--vitrine-rem));
    block-size: calc(0.625 * var(--vitrine-rem));
    border-radius: 1px;
    background: var(--_mark);
  }

  /* System colours that stand apart on the bar; markers are ringed so they show on the track and on progress. */
  @media (forced-colors: active) {
    .controls {
      background: Canvas;
    }

    /* The drawing only: the ring around the focused bar takes the system's colours like every other. */
    .seek::before,
    .rail,
    .rail-marks {
      forced-color-adjust: none;
    }

    .seek {
      --_track: GrayText;
      --_accent: Highlight;
      --_knob: Highlight;
      --_mark: CanvasText;
    }

    .marker {
      box-shadow: 0 0 0 1px Canvas;
    }
  }

  .buttons {
    display: flex;
    align-items: center;
    gap: calc(0.125 * var(--vitrine-rem));
  }

  .spacer {
    flex: 1;
  }

  /* Wraps, "0:02 /" over "0:12", rather than push the last button out of a narrow player (WCAG 1.4.10, 1.4.12). */
  .time {
    padding-inline: calc(0.375 * var(--vitrine-rem));
    font-size: calc(0.8125 * var(--vitrine-rem));
    font-variant-numeric: tabular-nums;
  }

  .control {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(0.375 * var(--vitrine-rem));
    min-inline-size: calc(2.5 * var(--vitrine-rem));
    block-size: calc(2.5 * var(--vitrine-rem));
    padding: 0 calc(0.5 * var(--vitrine-rem));
    border: 0;
    border-radius: calc(0.375 * var(--vitrine-rem));
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: calc(0.8125 * var(--vitrine-rem));
    font-weight: 600;
    white-space: nowrap;
    cursor: pointer;
  }

  /* Only where a pointer hovers: a finger's tap would leave it lit. */
  @media (hover: hover) {
    .control:hover {
      background: rgb(255 255 255 / 15%);
    }
  }

  .control svg {
    flex: none;
    inline-size: calc(1.25 * var(--vitrine-rem));
    block-size: calc(1.25 * var(--vitrine-rem));
  }

  /* A bar under the icon too: the colour alone is too close to white, and forced colors drop it. */
  [aria-pressed='true'] {
    color: #ffd166;
    border-block-end: 3px solid;
  }

  .tray-count {
    display: none;
  }

  /* A narrow player (a vertical clip in a feed): the tray button shows its count only, the time goes last. */
  @container (max-width: 26em) {
    /* The time stays on one line in a 320px player. */
    .buttons {
      gap: 0;
    }

    .tray-label {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }

    .tray-count {
      display: inline;
    }
  }

  @container (max-width: 16em) {
    .time {
      display: none;
    }
  }
`;

import { css } from 'lit';

/** The control bar: seek bar with cue markers, buttons, time. Adopted with the player. */
export const controlsStyles = css`
  .controls {
    container-type: inline-size;
    place-self: end stretch;
    position: relative;
    z-index: 2;
    padding: 0 0.5rem 0.25rem;
    background: var(--_bar);
    color: var(--_bar-color);
    transition: opacity 0.3s ease;
  }

  .idle .controls:not(:focus-within) {
    opacity: 0;
  }

  .idle {
    cursor: none;
  }

  .seek {
    position: relative;
    display: flex;
    align-items: center;
    block-size: 1.5rem;
    --_thumb: 0.875rem;
  }

  .seek-input {
    inline-size: 100%;
    block-size: 1.5rem;
    margin: 0;
    background: transparent;
    appearance: none;
    cursor: pointer;
  }

  .seek-input::-webkit-slider-runnable-track {
    block-size: 0.25rem;
    border-radius: 2px;
    background: linear-gradient(
      to right,
      var(--_accent) calc(var(--_progress, 0) * 100%),
      rgb(255 255 255 / 40%) calc(var(--_progress, 0) * 100%)
    );
  }

  .seek-input::-moz-range-track {
    block-size: 0.25rem;
    border-radius: 2px;
    background: rgb(255 255 255 / 40%);
  }

  .seek-input::-moz-range-progress {
    block-size: 0.25rem;
    background: var(--_accent);
  }

  .seek-input::-webkit-slider-thumb {
    inline-size: var(--_thumb);
    block-size: var(--_thumb);
    margin-block-start: calc((0.25rem - var(--_thumb)) / 2);
    border: 0;
    border-radius: 50%;
    background: #fff;
    appearance: none;
  }

  .seek-input::-moz-range-thumb {
    inline-size: var(--_thumb);
    block-size: var(--_thumb);
    border: 0;
    border-radius: 50%;
    background: #fff;
  }

  .markers {
    position: absolute;
    inset: 0 calc(var(--_thumb) / 2);
    pointer-events: none;
  }

  .marker {
    position: absolute;
    inset-block-start: calc(50% - 0.3125rem);
    inset-inline-start: calc(var(--_at, 0) * 100% - 0.125rem);
    inline-size: 0.25rem;
    block-size: 0.625rem;
    border-radius: 1px;
    background: #ffd166;
  }

  .buttons {
    display: flex;
    align-items: center;
    gap: 0.125rem;
  }

  .spacer {
    flex: 1;
  }

  .time {
    padding-inline: 0.375rem;
    font-size: 0.8125rem;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .control {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375rem;
    min-inline-size: 2.5rem;
    block-size: 2.5rem;
    padding: 0 0.5rem;
    border: 0;
    border-radius: 0.375rem;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 0.8125rem;
    font-weight: 600;
    white-space: nowrap;
    cursor: pointer;
  }

  .control:hover {
    background: rgb(255 255 255 / 15%);
  }

  .control svg {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  [aria-pressed='true'] {
    color: #ffd166;
  }

  .tray-count {
    display: none;
  }

  /* A narrow player (a vertical clip in a feed): the tray button shows its count only, the time goes last. */
  @container (max-width: 26rem) {
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

  @container (max-width: 16rem) {
    .time {
      display: none;
    }
  }
`;

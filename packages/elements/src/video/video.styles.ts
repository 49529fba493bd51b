import { css } from 'lit';

/**
 * The frame is sized by the aspect ratio alone (`--_ratio`, set through CSSOM), so the facade, the loading and error
 * states and the playing video are one and the same box: nothing around the player moves.
 */
export const videoStyles = css`
  /* Text on the player's own surfaces (tags, tray, messages over the frame). */
  :host {
    display: block;
    color: var(--vitrine-color-text, #1a1a1a);
    --_accent: var(--vitrine-video-accent, var(--vitrine-color-accent, #1a56db));
    --_on-accent: var(--vitrine-video-on-accent, var(--vitrine-color-on-accent, #fff));
    --_surface: var(--vitrine-video-tag-background, var(--vitrine-color-surface, #fff));
    --_bar: var(--vitrine-video-controls-background, rgb(0 0 0 / 65%));
    --_bar-color: var(--vitrine-video-controls-color, #fff);
    --_radius: var(--vitrine-video-radius, var(--vitrine-radius, calc(0.5 * var(--vitrine-rem))));
  }

  .frame {
    position: relative;
    display: grid;
    /* Quick taps on play, tags and controls never zoom the host page. */
    touch-action: manipulation;
    /* One cell of exactly the frame's size: a long tray scrolls inside it rather than stretching it. */
    grid-template: minmax(0, 1fr) / minmax(0, 1fr);
    aspect-ratio: var(--_ratio, 16 / 9);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--vitrine-video-background, #111);
    color: #fff;
    outline-offset: -3px;
    /* The tray's layout follows the player's width (player.styles.ts). */
    container: player / inline-size;
  }

  .frame > * {
    grid-area: 1 / 1;
  }

  /* Over the picture, which is positioned (and so would paint above items that are not). */
  .big-play,
  .badge,
  .message,
  .spinner {
    position: relative;
    z-index: 1;
  }

  .picture {
    position: relative;
    overflow: hidden;
  }

  .poster,
  .video {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
  }

  /* In full screen the picture keeps its ratio, centred, so hotspots stay on the products they point at. */
  :host(:fullscreen) .frame {
    block-size: 100%;
    aspect-ratio: auto;
    border-radius: 0;
    container-type: size;
    place-items: center;
  }

  :host(:fullscreen) .picture {
    inline-size: min(100cqw, 100cqh * var(--_ratio, 16 / 9));
    aspect-ratio: var(--_ratio, 16 / 9);
  }

  .big-play {
    place-self: stretch;
    display: grid;
    place-items: center;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_on-accent);
    cursor: pointer;
  }

  .big-play svg {
    inline-size: calc(4.5 * var(--vitrine-rem));
    block-size: calc(4.5 * var(--vitrine-rem));
    padding: calc(1.1 * var(--vitrine-rem)) var(--vitrine-rem) calc(1.1 * var(--vitrine-rem)) calc(1.2 * var(--vitrine-rem));
    border-radius: 50%;
    background: var(--_accent);
    box-shadow: 0 2px 12px rgb(0 0 0 / 35%);
    transition: transform 0.15s ease;
  }

  @media (hover: hover) {
    .big-play:hover svg {
      transform: scale(1.08);
    }
  }

  .badge {
    place-self: start end;
    margin: calc(0.75 * var(--vitrine-rem));
    padding: calc(0.25 * var(--vitrine-rem)) calc(0.625 * var(--vitrine-rem));
    border-radius: 999px;
    background: rgb(0 0 0 / 72%);
    color: #fff;
    font-size: calc(0.8125 * var(--vitrine-rem));
    font-weight: 600;
    pointer-events: none;
  }

  /* Over the poster: the shared status message on a dark veil. */
  .message {
    place-self: stretch;
    background: rgb(0 0 0 / 72%);
    color: #fff;
  }

  .frame :focus-visible {
    outline-color: var(--vitrine-video-focus-ring-color, #fff);
    box-shadow: 0 0 0 5px var(--vitrine-focus-ring-color, #1a56db);
  }

  /* Inward, as the player clips the outer ring: blue, white, blue shows on any poster. */
  .big-play:focus-visible {
    outline-offset: -6px;
    box-shadow: inset 0 0 0 9px var(--vitrine-focus-ring-color, #1a56db);
  }

  .spinner {
    place-self: center;
    inline-size: calc(3 * var(--vitrine-rem));
    block-size: calc(3 * var(--vitrine-rem));
    border: 4px solid rgb(255 255 255 / 30%);
    border-block-start-color: #fff;
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
    pointer-events: none;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
`;

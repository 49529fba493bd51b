import { css } from 'lit';

/** Product tags, hotspots, captions and the tray, drawn over the picture. Adopted with the player. */
export const playerStyles = css`
  /* The picture's own rectangle, letterboxed in the box when their ratios differ: x/y are percentages of it. */
  .tags {
    --_picture-ratio: var(--_video-ratio, var(--_ratio, 16 / 9));
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(0.5 * var(--vitrine-rem));
    inline-size: min(100cqw, 100cqh * (var(--_picture-ratio)));
    block-size: min(100cqh, 100cqw / (var(--_picture-ratio)));
    margin: auto;
    padding: calc(0.75 * var(--vitrine-rem));
    container-type: size;
    pointer-events: none;
    color: var(--vitrine-color-text, #1a1a1a);
    --_tag-width: var(--vitrine-video-tag-width, calc(13 * var(--vitrine-rem)));
  }

  .tag {
    pointer-events: auto;
    animation: tag-in 0.25s ease-out;
  }

  /* x/y place the product in the picture, which does not mirror: left to right in every language; the card itself
     reads in the page's direction. */
  .spot {
    position: absolute;
    left: var(--_x);
    top: var(--_y);
    direction: ltr;
    display: flex;
    align-items: flex-start;
    gap: calc(0.375 * var(--vitrine-rem));
    translate: var(--_shift-x, calc(-0.5 * var(--vitrine-rem))) var(--_shift-y, calc(-0.5 * var(--vitrine-rem)));
  }

  .spot.flip-x {
    flex-direction: row-reverse;
    --_shift-x: calc(0.5 * var(--vitrine-rem) - 100%);
  }

  .spot.flip-y {
    align-items: flex-end;
    --_shift-y: calc(0.5 * var(--vitrine-rem) - 100%);
  }

  :host(:dir(rtl)) .spot .link {
    direction: rtl;
  }

  .dot {
    flex: none;
    inline-size: var(--vitrine-rem);
    block-size: var(--vitrine-rem);
    border: 3px solid #fff;
    border-radius: 50%;
    background: var(--_accent);
    box-shadow: 0 0 0 0 rgb(255 255 255 / 70%);
    animation: pulse 1.6s ease-out infinite;
  }

  .tag .link {
    display: grid;
    grid-template-columns: calc(2.75 * var(--vitrine-rem)) 1fr;
    align-items: center;
    gap: calc(0.125 * var(--vitrine-rem)) calc(0.5 * var(--vitrine-rem));
    inline-size: var(--_tag-width);
    max-inline-size: 60cqi;
    padding: calc(0.375 * var(--vitrine-rem));
    border-radius: calc(0.5 * var(--vitrine-rem));
    /* Seen only in forced colours, which drop the shadow that edges the card over the picture. */
    outline: 1px solid transparent;
    background: var(--_surface);
    color: inherit;
    box-shadow: 0 2px 10px rgb(0 0 0 / 30%);
    text-decoration: none;
  }

  .tag .thumb {
    grid-row: span 2;
    inline-size: calc(2.75 * var(--vitrine-rem));
    block-size: calc(2.75 * var(--vitrine-rem));
    border-radius: calc(0.25 * var(--vitrine-rem));
    object-fit: cover;
    background: var(--vitrine-color-surface-muted, #f3f4f6);
  }

  /* A long unbroken word (a title, a label) wraps inside the card rather than run out of it. */
  .tag-text,
  .tray-text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .tag-text {
    font-size: calc(0.8125 * var(--vitrine-rem));
    line-height: 1.25;
  }

  .tag-label {
    color: var(--vitrine-color-text-muted, #595959);
    font-size: calc(0.75 * var(--vitrine-rem));
  }

  .tag-title {
    overflow: hidden;
    font-weight: 600;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  /* Product names and captions read in their own direction (a Latin name on an Arabic page, or the reverse): cut at
     their end, not their start, their full stop last; aligned as the page (captions stay centred, below). */
  .tag-title,
  .tray-text .link,
  .captions {
    unicode-bidi: plaintext;
    text-align: -webkit-match-parent;
  }

  .tag-cta {
    justify-self: start;
    padding: calc(0.125 * var(--vitrine-rem)) calc(0.5 * var(--vitrine-rem));
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: calc(0.75 * var(--vitrine-rem));
    font-weight: 600;
  }

  @keyframes tag-in {
    from {
      opacity: 0;
      transform: translateY(calc(0.5 * var(--vitrine-rem)));
    }
  }

  @keyframes tag-fade {
    from {
      opacity: 0;
    }
  }

  @keyframes pulse {
    to {
      box-shadow: 0 0 0 calc(0.75 * var(--vitrine-rem)) rgb(255 255 255 / 0%);
    }
  }

  .captions {
    position: absolute;
    inset-inline: 10%;
    inset-block-end: calc(4.75 * var(--vitrine-rem));
    text-align: center;
    white-space: pre-line;
    overflow-wrap: anywhere;
    pointer-events: none;
    font-size: clamp(0.875 * var(--vitrine-rem), 4cqi, 1.5 * var(--vitrine-rem));
    line-height: 1.35;
    /* On the control bar's backdrop, hugging the text: readable on the brightest picture (WCAG 1.4.3). */
    inline-size: fit-content;
    margin-inline: auto;
    padding-inline: 0.25em;
    background: var(--_bar);
  }

  .picture {
    container: picture / size;
  }

  /* Stacked corner cards: a fourth would reach the captions of a 16:9 player, so the newest three show. */
  .corner:nth-last-child(n + 4 of .corner) {
    display: none;
  }

  /* A medium or short picture with a corner tag showing: stacked, the cards would run under the captions and the
     controls, and a hotspot card beside its dot would cover them. The newest two tags, hotspot cards too, sit side by
     side along the top; the dots stay on their products. */
  @container picture (max-width: 44em) or (max-height: 21em) {
    .tags:has(> .corner) {
      flex-direction: row;
    }

    .tags:has(> .corner) > .tag {
      min-inline-size: 0;
    }

    .tags:has(> .corner) > .tag:nth-last-child(n + 3) {
      display: none;
    }

    /* No transform: it would make the tag, not the layer, the frame the dot is placed in. */
    .tags:has(> .corner) > .spot {
      position: static;
      translate: none;
      animation-name: tag-fade;
    }

    .tags:has(> .corner) .dot {
      position: absolute;
      left: var(--_x);
      top: var(--_y);
      translate: -50% -50%;
    }

    .tags:has(> .corner) .link {
      max-inline-size: 100%;
    }
  }

  /* A narrow picture: the newest two tags, compact, side by side along the top, clear of the captions and the
     controls; hotspot dots stay on their products. */
  @container picture (max-width: 26em) {
    .tags {
      flex-direction: row;
    }

    .tag {
      min-inline-size: 0;
      /* No transform: it would make the tag, not the layer, the frame the dot is placed in. */
      animation-name: tag-fade;
    }

    .tag:nth-last-child(n + 3) {
      display: none;
    }

    .spot {
      position: static;
      translate: none;
    }

    .dot {
      position: absolute;
      left: var(--_x);
      top: var(--_y);
      translate: -50% -50%;
    }

    .tag .link {
      grid-template-columns: calc(2 * var(--vitrine-rem)) 1fr;
      max-inline-size: 100%;
      padding: calc(0.25 * var(--vitrine-rem));
      padding-inline-end: calc(0.5 * var(--vitrine-rem));
    }

    .tag .thumb {
      inline-size: calc(2 * var(--vitrine-rem));
      block-size: calc(2 * var(--vitrine-rem));
    }

    .tag-label,
    .tag-cta {
      display: none;
    }
  }

  .tray {
    place-self: stretch end;
    position: relative;
    z-index: 3;
    display: flex;
    flex-direction: column;
    inline-size: min(var(--vitrine-video-tray-width, calc(20 * var(--vitrine-rem))), 100%);
    /* Clear of the control bar (seek bar + buttons + padding): focus on a control is never hidden under it. */
    margin-block-end: calc(4.25 * var(--vitrine-rem));
    background: var(--_surface);
    color: var(--vitrine-color-text, #1a1a1a);
    box-shadow: calc(-4px * var(--_inline)) 0 16px rgb(0 0 0 / 30%);
    animation: tray-in 0.2s ease-out;
    /* 1 where the tray sits on the right, -1 on a right-to-left page, where it sits on the left. */
    --_inline: 1;
  }

  :host(:dir(rtl)) .tray {
    --_inline: -1;
  }

  .tray[hidden] {
    display: none;
  }

  /* Tags under an open tray would take keyboard focus out of sight; the tray lists the same products. */
  .frame:has(> .tray:not([hidden])) .tags {
    visibility: hidden;
  }

  /* A player hardly wider than the tray: the tray would cover the controls, so they step out of sight and out of the
     tab order while it is open, and the tray keeps the whole height for its list. Close and Escape still close it. */
  @container player (max-width: 26em) {
    .tray {
      margin-block-end: 0;
    }

    .frame:has(> .tray:not([hidden])) .controls {
      visibility: hidden;
    }
  }

  .tray:focus-visible {
    outline-color: var(--vitrine-focus-ring-color, #1a56db);
    outline-offset: -3px;
    box-shadow: none;
  }

  @keyframes tray-in {
    from {
      transform: translateX(calc(1.5 * var(--vitrine-rem) * var(--_inline)));
      opacity: 0;
    }
  }

  .tray-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: calc(0.25 * var(--vitrine-rem));
    padding-inline-start: calc(0.875 * var(--vitrine-rem));
    border-block-end: 1px solid var(--vitrine-color-border, #d0d5dd);
    font-weight: 700;
  }

  @media (hover: hover) {
    .tray-close:hover {
      background: var(--vitrine-color-surface-muted, #f3f4f6);
    }
  }

  .tray-list {
    flex: 1;
    margin: 0;
    padding: calc(0.25 * var(--vitrine-rem)) 0;
    overflow-y: auto;
    list-style: none;
  }

  .tray-item {
    position: relative;
    display: grid;
    grid-template-columns: calc(3.5 * var(--vitrine-rem)) 1fr;
    gap: calc(0.25 * var(--vitrine-rem)) calc(0.75 * var(--vitrine-rem));
    align-items: center;
    padding: calc(0.5 * var(--vitrine-rem)) calc(0.875 * var(--vitrine-rem));
  }

  .tray-item .thumb {
    grid-row: span 2;
    inline-size: calc(3.5 * var(--vitrine-rem));
    block-size: calc(3.5 * var(--vitrine-rem));
    border-radius: calc(0.375 * var(--vitrine-rem));
    object-fit: cover;
    background: var(--vitrine-color-surface-muted, #f3f4f6);
  }

  .tray-text {
    font-size: calc(0.875 * var(--vitrine-rem));
  }

  .tray-text .link {
    color: inherit;
    font-weight: 600;
  }

  /* The whole row, picture included, opens the product: a title line alone is a small target for a finger. */
  .tray-text .link::after {
    content: '';
    position: absolute;
    inset: 0;
  }

  .jump {
    position: relative;
    justify-self: start;
    min-block-size: calc(2 * var(--vitrine-rem));
    padding: 0 calc(0.75 * var(--vitrine-rem));
    border: 1px solid var(--_accent);
    border-radius: 999px;
    background: transparent;
    color: var(--_accent);
    font: inherit;
    font-size: calc(0.8125 * var(--vitrine-rem));
    font-weight: 600;
    cursor: pointer;
  }

  .tray :focus-visible {
    outline-color: var(--vitrine-focus-ring-color, #1a56db);
    box-shadow: none;
  }
`;

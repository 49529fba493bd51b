import { css } from 'lit';

/**
 * The status message and its "Try again" button, shared by every element that loads something. An element
 * can tint the button through `--_accent` / `--_on-accent`; otherwise the global tokens apply.
 */
export const statusStyles = css`
  .message {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: calc(0.75 * var(--vitrine-rem));
    margin: 0;
    padding: var(--vitrine-rem);
    text-align: center;
  }

  .message p {
    margin: 0;
  }

  .retry {
    min-block-size: calc(2.75 * var(--vitrine-rem));
    padding: 0 calc(1.25 * var(--vitrine-rem));
    border: 0;
    border-radius: var(--vitrine-radius, calc(0.5 * var(--vitrine-rem)));
    background: var(--_accent, var(--vitrine-color-accent, #1a56db));
    color: var(--_on-accent, var(--vitrine-color-on-accent, #fff));
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
`;

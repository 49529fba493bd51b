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
    gap: 0.75rem;
    margin: 0;
    padding: 1rem;
    text-align: center;
  }

  .message p {
    margin: 0;
  }

  .retry {
    min-block-size: 2.75rem;
    padding: 0 1.25rem;
    border: 0;
    border-radius: var(--vitrine-radius, 0.5rem);
    background: var(--_accent, var(--vitrine-color-accent, #1a56db));
    color: var(--_on-accent, var(--vitrine-color-on-accent, #fff));
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
`;

import { css } from 'lit';

export const signInFormStyles = css`
  :host {
    inline-size: 100%;
    max-inline-size: 28rem;
    margin-inline: auto;
  }
  .card {
    padding: 1.5rem;
  }
  h1 {
    margin: 0 0 0.5rem;
    font-size: 1.5rem;
    line-height: 2rem;
  }
  form {
    display: flex;
    flex-direction: column;
    margin-block-start: 1.25rem;
  }
  label {
    font-weight: 600;
  }
  input {
    min-block-size: 2.75rem;
    margin-block-start: 0.375rem;
    padding: 0 0.75rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  /* Error lines keep their height when empty, so a message never pushes the form down. */
  .field-error,
  .form-error {
    min-block-size: 1.5rem;
    margin: 0.25rem 0 0.5rem;
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .form-error {
    min-block-size: 3rem;
    font-weight: 600;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
  }
`;

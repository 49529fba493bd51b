import { css } from 'lit';

export const recentOrdersStyles = css`
  .card-head {
    min-block-size: 2.75rem;
  }
  th.text,
  td.text {
    text-align: start;
  }
  .skeleton {
    display: grid;
    grid-auto-rows: 3rem;
    align-items: center;
  }
  .empty {
    padding: 2rem 0;
  }
  /* Status is a word in a pill; the colour only repeats it. */
  .status {
    display: inline-block;
    padding: 0 0.5rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.8125rem;
    line-height: 1.375rem;
    white-space: nowrap;
  }
  .status.confirmed {
    color: var(--vitrine-color-success, #1b6e37);
  }
  .status.pending {
    color: var(--vitrine-color-notice, #8a4500);
  }
  .unattributed {
    color: var(--_muted);
  }

  .refunded {
    color: var(--_danger);
  }
`;

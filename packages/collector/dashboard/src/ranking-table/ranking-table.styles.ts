import { css } from 'lit';

export const rankingTableStyles = css`
  :host {
    --_row: 2.5rem;
    /* A header and a full list of rows (collapsed borders add one pixel), reserved while loading and kept when the list is shorter. */
    --_rows: calc(var(--_row) * 6 + 1px);
  }
  .card-head {
    min-block-size: 2.75rem;
  }
  .rows {
    min-block-size: var(--_rows);
  }
  tr {
    block-size: var(--_row);
  }
  .empty {
    display: grid;
    place-items: center;
    min-block-size: var(--_rows);
    padding: 0;
  }
  /* On a phone, pending commission moves under the confirmed amount to leave room for the names. */
  .merged {
    display: none;
  }
  @container (max-width: 21rem) {
    .pending {
      display: none;
    }
    .merged {
      display: block;
    }
  }
  .skeleton {
    display: grid;
    grid-auto-rows: var(--_row);
    align-items: center;
  }
`;

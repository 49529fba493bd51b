import type { Dimension } from './report.js';

export interface CsvRequestDetail {
  dimension: Dimension;
}

export const CSV_REQUEST = 'vitrine-csv-request';

/** A table asks the page for its CSV: only the page holds the key the download needs. */
export function requestCsv(element: HTMLElement, dimension: Dimension): void {
  element.dispatchEvent(new CustomEvent<CsvRequestDetail>(CSV_REQUEST, { detail: { dimension }, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-csv-request': CustomEvent<CsvRequestDetail>;
  }
}

import { Tag } from '../internal/constants.js';
import { defineElement } from '../internal/define.js';
import type { ErrorDetail } from '../internal/report-error.js';
import { VitrineCatalog, type LoadDetail } from './catalog.component.js';

export * from './catalog.component.js';

defineElement(Tag.catalog, VitrineCatalog);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-catalog': VitrineCatalog;
  }
  interface GlobalEventHandlersEventMap {
    'vitrine-load': CustomEvent<LoadDetail>;
    'vitrine-error': CustomEvent<ErrorDetail>;
  }
}

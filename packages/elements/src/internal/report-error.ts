import { logOnce, type VitrineError } from '@vitrine/core';
import { VitrineEvent } from './constants.js';
import { emit } from './events.js';

export interface ErrorDetail {
  code: VitrineError['code'];
  message: string;
  fatal: boolean;
  path?: string;
}

/** The one way an element reports trouble: an event for the host, one `[vitrine]` console line, never a throw. */
export function reportError(element: HTMLElement, error: VitrineError): void {
  const detail: ErrorDetail = { code: error.code, message: error.message, fatal: error.fatal };
  if (error.path !== undefined) detail.path = error.path;
  emit<ErrorDetail>(element, VitrineEvent.error, detail);
  logOnce(error.fatal ? 'error' : 'warn', `<${element.localName}> ${error.code}: ${error.message}`);
}

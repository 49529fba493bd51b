import { VitrineError, logOnce } from '@vitrine/core';
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

/** An attribute value the element cannot use: a non-fatal report, and the element carries on as `fallback` says. */
export function reportAttribute(element: HTMLElement, name: string, expected: string, fallback = 'the attribute is ignored'): void {
  reportError(element, new VitrineError('invalid-attribute', `${name}: expected ${expected}; ${fallback}`, { path: name, fatal: false }));
}

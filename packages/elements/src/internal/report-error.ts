import { VitrineError, logOnce, type VitrineErrorCode } from '@vitrine/core';
import type { ReactiveElement } from 'lit';
import { VitrineEvent } from './constants.js';
import { emit } from './events.js';

export interface ErrorDetail {
  code: VitrineError['code'];
  message: string;
  fatal: boolean;
  path?: string;
}

/**
 * The one way an element reports trouble: an event for the host, one `[vitrine]` console line, never a throw.
 * An element out of the page hears only late answers to what it loaded before it was removed: those only log. (One
 * not yet inserted reports nothing before it is: Lit updates an element, and so reads its input, once connected.)
 */
export function reportError(element: HTMLElement, error: VitrineError): void {
  const detail: ErrorDetail = { code: error.code, message: error.message, fatal: error.fatal };
  if (error.path !== undefined) detail.path = error.path;
  if (element.isConnected) emit<ErrorDetail>(element, VitrineEvent.error, detail);
  logOnce(error.fatal ? 'error' : 'warn', `<${element.localName}> ${error.code}: ${error.message}`);
}

/** A bad attribute, a file that is not what it should be or a codec the browser lacks stays so: "Try again" cannot help. */
const FINAL = ['invalid-attribute', 'invalid-data', 'source-invalid-feed', 'source-not-json', 'media-unsupported'] as const satisfies readonly VitrineErrorCode[];

/** A network or a server having a bad moment, or a stream not published yet. Named for the compiler only (below). */
type PassingCode = 'source-unreachable' | 'source-http-status' | 'clip-unreachable' | 'media-not-found' | 'media-network' | 'media-decode' | 'element-unavailable';

// Every code is placed on one side: one added to core fails the type check here until someone decides which.
const everyCodePlaced: [Exclude<VitrineErrorCode, PassingCode | (typeof FINAL)[number]>] extends [never] ? true : never = true;
void everyCodePlaced;

/** Only after a failure that may pass on its own is a person offered "Try again". */
export function mayPass(error: VitrineError | undefined): boolean {
  return !!error && !(FINAL as readonly VitrineErrorCode[]).includes(error.code);
}

/** An attribute value the element cannot use: a non-fatal report, and the element carries on as `fallback` says. */
export function reportAttribute(element: HTMLElement, name: string, expected: string, fallback = 'the attribute is ignored'): void {
  reportError(element, new VitrineError('invalid-attribute', `${name}: expected ${expected}; ${fallback}`, { path: name, fatal: false }));
}

const checked = new WeakSet<Element>();

/**
 * Data (products, a source, strings) is given as a property. A framework that renders an element before its code has
 * defined it sets an attribute instead (React 19; Vue without `.prop`), which holds only "[object Object]": on first
 * connection, each such attribute is reported rather than the element quietly showing nothing.
 */
export function reportDataAttributes(element: ReactiveElement): void {
  if (checked.has(element)) return;
  checked.add(element);
  for (const [name, options] of (element.constructor as typeof ReactiveElement).elementProperties) {
    if (options.attribute === false && !options.state && element.hasAttribute(name as string)) {
      reportAttribute(element, name as string, `the ${String(name)} property, not an attribute (was the element rendered before Vitrine defined it?)`);
    }
  }
}

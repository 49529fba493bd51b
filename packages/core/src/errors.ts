/** Every failure Vitrine reports to a host carries one of these codes; README.md (Events) says what each means. */
export type VitrineErrorCode =
  | 'source-unreachable'
  | 'source-http-status'
  | 'source-not-json'
  | 'source-invalid-feed'
  | 'invalid-data'
  | 'invalid-attribute'
  | 'clip-unreachable'
  | 'media-not-found'
  | 'media-network'
  | 'media-decode'
  | 'media-unsupported'
  /** vitrine.js could not load an element's code: its chunk was not served, or the page's policy refused it. */
  | 'element-unavailable';

export interface VitrineErrorOptions {
  /** A fatal error leaves the widget without content; a non-fatal one only lost part of it. */
  fatal?: boolean;
  /** Where in the input the problem is, e.g. `products[3].price.currency`. */
  path?: string;
  cause?: unknown;
}

export class VitrineError extends Error {
  override readonly name = 'VitrineError';
  readonly code: VitrineErrorCode;
  readonly fatal: boolean;
  readonly path: string | undefined;

  constructor(code: VitrineErrorCode, message: string, options: VitrineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fatal = options.fatal ?? true;
    this.path = options.path;
  }
}

export function isVitrineError(value: unknown): value is VitrineError {
  return value instanceof VitrineError;
}

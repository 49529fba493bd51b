/** Checks shared by every input the collector reads: each failure names the field and what was expected. */

export class ValidationError extends Error {
  constructor(
    readonly path: string,
    expected: string,
    ...received: [value?: unknown]
  ) {
    super(`${path}: ${expected}${received.length > 0 ? `, got ${describe(received[0])}` : ''}`);
    this.name = 'ValidationError';
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectText(value: unknown, path: string, min: number, max: number): string {
  if (typeof value !== 'string' || value.length < min || value.length > max) {
    throw new ValidationError(path, `expected a string of ${min === max ? min : `${min}-${max}`} characters`, value);
  }
  expectStorableText(value, path);
  return value;
}

// Postgres refuses NUL in text and jsonb, and an unpaired surrogate cannot be encoded as UTF-8:
// either would fail the whole insert, so it is refused here, per event.
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Nearly all text has neither NUL nor any surrogate: this plain class rules it out faster than the lookarounds can.
const MAYBE_UNSTORABLE_TEXT = /[\u0000\ud800-\udfff]/;
const UNSTORABLE_EXPECTED = 'contains a NUL character or an unpaired surrogate, which cannot be stored';

function isStorableText(text: string): boolean {
  return !MAYBE_UNSTORABLE_TEXT.test(text) || !UNSTORABLE_TEXT.test(text);
}

function expectStorableText(text: string, path: string): void {
  if (!isStorableText(text)) throw new ValidationError(path, UNSTORABLE_EXPECTED);
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

export const DATE_TIME_EXPECTED = 'expected an ISO 8601 date-time with a time zone, from 1970 to 9999, like 2024-05-01T12:00:00.000Z';
/** A clock reset to zero reads 1970; anything earlier is not a time an event happened, and drivers misread years below 100. */
const EARLIEST_YEAR = 1970;
/** 9999-12-31T23:59 at -14:00 is year 10000 in UTC, which ISO strings write as "+010000" and Postgres refuses. */
const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An ISO 8601 date-time with a zone offset; the calendar is checked because `Date.parse` accepts 31 February. */
export function isDateTime(text: string): boolean {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return (
    year! >= EARLIEST_YEAR && month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth &&
    hour! <= 23 && minute! <= 59 && second <= 59 && offsetHours <= 14 && offsetMinutes <= 59 && Date.parse(text) <= LATEST_TIME
  );
}

/**
 * Free-form JSON (event properties, campaign): any shape, but storable as jsonb and bounded in depth,
 * since Postgres and JSON.stringify both give up on very deep nesting.
 */
export function expectStorableJson(value: unknown, path: string, depthLeft: number): void {
  const problem = findUnstorable(value, depthLeft);
  if (!problem) return;
  // The keys were gathered on the way back up, innermost first; the path is spelled out only for this one failure.
  const at = problem.keys.reverse().map(propertyPath).join('');
  throw new ValidationError(`${path}${at}`, problem.expected);
}

interface Unstorable {
  keys: Array<string | number>;
  expected: string;
}

function findUnstorable(value: unknown, depthLeft: number): Unstorable | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : { keys: [], expected: UNSTORABLE_EXPECTED };
  // JSON.parse turns 1e999 into Infinity, which would be stored as null.
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { keys: [], expected: 'expected a finite number' };
  if (typeof value !== 'object' || value === null) return undefined;
  if (depthLeft === 0) return { keys: [], expected: 'nested too deeply' };
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const problem = findUnstorable(value[index], depthLeft - 1);
      if (problem) return (problem.keys.push(index), problem);
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const problem = isStorableText(key) ? findUnstorable((value as JsonObject)[key], depthLeft - 1) : { keys: [], expected: UNSTORABLE_EXPECTED };
    if (problem) return (problem.keys.push(key), problem);
  }
  return undefined;
}

/** `.name` for plain keys, `["odd key"]` otherwise, `[3]` for an index, as a reader would write the path. */
export function propertyPath(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return `.${key}`;
  return `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
}

/** What was received, short and without echoing long input back. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'string') {
    if (value.length === 0) return 'an empty string';
    return value.length <= 40 ? JSON.stringify(value) : `a string of ${value.length} characters`;
  }
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** A site id, in the configuration and in a merchant's call; batch.v1.json says the same for a batch. */
export const SITE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Creator, clip and click ids: the rule the browser's `Vitrine.link()` and `vitrine link` apply, so no id they make is refused here. */
export const LINK_ID = /^[\w-]{1,64}$/;

let knownCurrencies: ReadonlySet<string> | undefined;

/** An ISO 4217 code this runtime knows: three capitals alone would let "XYZ" become a column of every report. */
export function isCurrencyCode(value: unknown): value is string {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return typeof value === 'string' && knownCurrencies.has(value);
}

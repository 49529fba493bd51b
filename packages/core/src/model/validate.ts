import { VitrineError } from '../errors.js';

/**
 * Small readers that either return a typed value or throw a VitrineError naming the exact path,
 * so a feed author reads `products[3].price.currency: expected ISO 4217 code` instead of "invalid feed".
 */

export type Json = unknown;
export type JsonObject = Record<string, unknown>;

export const MAX_TEXT_LENGTH = 2000;

export function invalid(path: string, expected: string): VitrineError {
  return new VitrineError('invalid-data', `${path}: expected ${expected}`, { path, fatal: false });
}

export function readObject(value: Json, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, 'an object');
  return value as JsonObject;
}

export function readArray(value: Json, path: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(path, 'an array');
  return value;
}

/** Text is trimmed and bounded; it is never interpreted as markup anywhere downstream. */
export function readText(value: Json, path: string, maxLength = MAX_TEXT_LENGTH): string {
  if (typeof value !== 'string') throw invalid(path, 'a string');
  const text = value.trim();
  if (text.length === 0) throw invalid(path, 'a non-empty string');
  if (text.length > maxLength) throw invalid(path, `at most ${maxLength} characters`);
  return text;
}

export function readOptionalText(value: Json, path: string, maxLength = MAX_TEXT_LENGTH): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : readText(value, path, maxLength);
}

/** Ids may be given as numbers in real feeds; they are kept as strings. */
export function readId(value: Json, path: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return readText(value, path, 200);
}

export function readOneOf<T extends string>(value: Json, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(path, `one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function readInteger(value: Json, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(path, `an integer from ${min} to ${max}`);
  }
  return value;
}

import { isVitrineError } from '../errors.js';
import type { DataIssue } from './catalog.js';
import { readUrl } from './url.js';
import { invalid, readArray, readId, readObject, readOptionalText, type Json } from './validate.js';

/** When (seconds) and where (percent of the frame, optional) a product is on screen. */
export interface ProductCue {
  productId: string;
  start: number;
  end: number;
  x?: number;
  y?: number;
  label?: string;
}

export interface CaptionTrack {
  src: string;
  lang: string;
  label: string;
}

export interface Clip {
  /** Missing when the clip file has none (or a bad one): the page may name the clip instead. */
  id?: string;
  /** HLS playlist (.m3u8) or a progressive file (MP4). */
  src: string;
  poster?: string;
  /** Width divided by height; reserves the player's box before anything loads. */
  aspectRatio: number;
  creatorId?: string;
  cues: ProductCue[];
  captions: CaptionTrack[];
  /** Inline product data (validated by the product source) or the URL of a product feed. */
  products?: unknown[] | string;
}

export const DEFAULT_ASPECT_RATIO = 16 / 9;

/**
 * Reads a clip document; URLs are resolved against `base` (the clip file's own URL) and must be http(s).
 * A bad `src` or cue fails the clip. A bad optional field is dropped (a bad caption track alone) and recorded in
 * `issues`: the clip plays without it.
 */
export function readClip(value: Json, base?: string, issues: DataIssue[] = []): Clip {
  const input = readObject(value, 'clip');
  // Without these nothing (or the wrong thing) would play.
  const src = readUrl(input.src, 'src', base);
  const cues = input.cues === undefined ? [] : readCues(input.cues, 'cues');
  const optional = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!isVitrineError(error)) throw error;
      issues.push({ path: error.path ?? '', message: error.message });
      return undefined;
    }
  };
  const id = optional(() => readId(input.id, 'id'));
  const aspectRatio = input.aspectRatio === undefined ? undefined : optional(() => readAspectRatio(input.aspectRatio, 'aspectRatio'));
  const clip: Clip = { src, aspectRatio: aspectRatio ?? DEFAULT_ASPECT_RATIO, cues, captions: [] };
  if (id !== undefined) clip.id = id;
  if (input.captions !== undefined) {
    const captions = optional(() => readArray(input.captions, 'captions')) ?? [];
    clip.captions = captions.flatMap((caption, i) => optional(() => readCaption(caption, `captions[${i}]`, base)) ?? []);
  }
  const poster = input.poster === undefined || input.poster === null ? undefined : optional(() => readUrl(input.poster, 'poster', base));
  if (poster !== undefined) clip.poster = poster;
  const creatorId = optional(() => readOptionalText(input.creatorId, 'creatorId', 200));
  if (creatorId !== undefined) clip.creatorId = creatorId;
  const products = input.products === undefined || input.products === null ? undefined : optional(() => readClipProducts(input.products, base));
  if (products !== undefined) clip.products = products;
  return clip;
}

function readClipProducts(value: Json, base?: string): unknown[] | string {
  if (typeof value === 'string') return readUrl(value, 'products', base);
  if (!Array.isArray(value)) throw invalid('products', 'a feed URL or an array of products');
  return value;
}

/** `1.7778`, `"1.78"`, `"16:9"` or `"9/16"`. */
export function readAspectRatio(value: Json, path: string): number {
  const ratio = parseAspectRatio(value);
  if (ratio === undefined) throw invalid(path, 'a width/height ratio such as 16:9 or 1.78');
  return ratio;
}

/** `16:9`, `9/16`, `1.78` or a number as a width/height ratio between 0.1 and 10; anything else is undefined. */
export function parseAspectRatio(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(?:[:/]\s*(\d+(?:\.\d+)?)\s*)?$/.exec(value) : null;
  const ratio = typeof value === 'number' ? value : match ? Number(match[1]) / Number(match[2] ?? 1) : Number.NaN;
  // NaN and Infinity fail the comparison too.
  return ratio > 0.1 && ratio < 10 ? ratio : undefined;
}

/** Cues sorted by start time. One bad cue fails the clip: a tag at the wrong second would mislead the viewer. */
export function readCues(value: Json, path: string): ProductCue[] {
  return readArray(value, path)
    .map((cue, i) => readCue(cue, `${path}[${i}]`))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

export function readCue(value: Json, path: string): ProductCue {
  const input = readObject(value, path);
  const start = readSeconds(input.start, `${path}.start`);
  const end = readSeconds(input.end, `${path}.end`);
  if (end <= start) throw invalid(`${path}.end`, `a time after start (${start})`);
  const cue: ProductCue = { productId: readId(input.productId, `${path}.productId`), start, end };
  if (input.x !== undefined || input.y !== undefined) {
    cue.x = readPercent(input.x, `${path}.x`);
    cue.y = readPercent(input.y, `${path}.y`);
  }
  const label = readOptionalText(input.label, `${path}.label`, 100);
  if (label !== undefined) cue.label = label;
  return cue;
}

function readSeconds(value: Json, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(path, 'a number of seconds, 0 or more');
  return value;
}

function readPercent(value: Json, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) throw invalid(path, 'a percentage from 0 to 100');
  return value;
}

function readCaption(value: Json, path: string, base?: string): CaptionTrack {
  const input = readObject(value, path);
  const lang = readOptionalText(input.lang, `${path}.lang`, 35) ?? 'en';
  return { src: readUrl(input.src, `${path}.src`, base), lang, label: readOptionalText(input.label, `${path}.label`, 100) ?? lang };
}

import type { DateRangeCue } from './engine.js';

/** The EXT-X-DATERANGE class that marks an in-band product pin. */
export const PIN_CLASS = 'com.vitrine.pin';
export const PRODUCT_ID_ATTRIBUTE = 'X-PRODUCT-ID';

/** The part of hls.js's `DateRange` we read; `startTime` is already in media time (mapped through PROGRAM-DATE-TIME). */
export interface DateRangeLike {
  id: string;
  class: string;
  startTime: number;
  duration: number | null;
  attr: { [name: string]: unknown };
}

/**
 * The pins of a playlist's date ranges, sorted by start. A pin without DURATION/END-DATE (typical for live, where the
 * host pins a product until the next one) ends where the next pin starts, or never.
 */
export function pinCues(dateRanges: Record<string, DateRangeLike | undefined>): DateRangeCue[] {
  const pins: Array<{ id: string; productId: string; start: number; duration: number | null }> = [];
  for (const range of Object.values(dateRanges)) {
    if (!range || range.class !== PIN_CLASS) continue;
    const productId = range.attr[PRODUCT_ID_ATTRIBUTE];
    if (typeof productId !== 'string' || productId.trim() === '' || !Number.isFinite(range.startTime)) continue;
    pins.push({ id: range.id, productId: productId.trim(), start: range.startTime, duration: range.duration });
  }
  pins.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  return pins.map((pin, index) => {
    const next = pins.slice(index + 1).find((other) => other.start > pin.start);
    const end = pin.duration !== null ? pin.start + pin.duration : (next?.start ?? Number.POSITIVE_INFINITY);
    return { id: pin.id, productId: pin.productId, start: pin.start, end };
  });
}

/** Equal to the millisecond: live playlists re-map fragment times by tiny amounts that no viewer could see. */
export function sameCues(a: readonly DateRangeCue[], b: readonly DateRangeCue[]): boolean {
  const ms = (seconds: number) => (Number.isFinite(seconds) ? Math.round(seconds * 1000) : seconds);
  return (
    a.length === b.length &&
    a.every((cue, i) => {
      const other = b[i]!;
      return cue.id === other.id && cue.productId === other.productId && ms(cue.start) === ms(other.start) && ms(cue.end) === ms(other.end);
    })
  );
}

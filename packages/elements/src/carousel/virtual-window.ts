/** Geometry of a row of equal items, measured from the first rendered one. */
export interface TrackMetrics {
  itemSize: number;
  gap: number;
  /** itemSize + gap: the distance from one item's start to the next. */
  stride: number;
  /** The track's inline-start padding (also its scroll-padding). */
  padding: number;
}

/** A rendered item, or a spacer standing in for `count` missing items. */
export type Segment = { key: string; index: number; size?: undefined } | { key: string; index?: undefined; size: number };

/** The items in view at `position`, plus at least one page of buffer on each side. */
export function visibleRange(position: number, viewport: number, total: number, metrics: TrackMetrics): { start: number; end: number } {
  const first = Math.max(0, Math.floor((position - metrics.padding) / metrics.stride));
  const last = Math.ceil((position + viewport - metrics.padding) / metrics.stride);
  const buffer = Math.max(3, last - first);
  const start = Math.min(total, Math.max(0, first - buffer));
  return { start, end: Math.min(total, Math.max(start, last + buffer)) };
}

/**
 * Items interleaved with spacers so every item sits where it would if all were rendered. A spacer for k
 * missing items is k × stride − gap wide: the flex gap after it brings it to exactly k strides. A spacer is keyed
 * by its place in the row, not by the items it stands for, so scrolling resizes it rather than replacing it.
 */
export function renderedSegments(indices: readonly number[], total: number, metrics: TrackMetrics | undefined): Segment[] {
  const segments: Segment[] = [];
  let next = 0;
  const spacer = (count: number, key = `${segments.length}`) => {
    if (metrics && count > 0) segments.push({ key, size: count * metrics.stride - metrics.gap });
  };
  for (const index of indices) {
    spacer(index - next);
    segments.push({ key: `item-${index}`, index });
    next = index + 1;
  }
  spacer(total - next, 'end');
  return segments;
}

/** The item a page button scrolls to: one viewport's worth of whole items further, within the list. */
export function pageTarget(position: number, viewport: number, total: number, metrics: TrackMetrics, direction: 1 | -1): number {
  const perPage = Math.max(1, Math.floor((viewport - 2 * metrics.padding + metrics.gap) / metrics.stride));
  const first = Math.round(position / metrics.stride);
  return Math.min(Math.max(first + direction * perPage, 0), total - 1);
}

/**
 * Where to scroll so item `index` is fully visible, or undefined when it already is. Moving forward, it picks
 * the smallest snap position that shows the whole item, so arrow keys advance one card at a time.
 */
export function revealOffset(index: number, position: number, viewport: number, metrics: TrackMetrics): number | undefined {
  const atStart = index * metrics.stride;
  const atEnd = atStart + metrics.itemSize + 2 * metrics.padding - viewport;
  if (position > atStart + 0.5) return atStart;
  if (position < atEnd - 0.5) return Math.min(atStart, Math.ceil(atEnd / metrics.stride - 0.001) * metrics.stride);
  return undefined;
}

/** The item a key moves focus to from `index`; arrows follow the reading direction. Undefined for other keys. */
export function keyTarget(key: string, index: number, total: number, rtl: boolean): number | undefined {
  const last = total - 1;
  switch (key) {
    case rtl ? 'ArrowLeft' : 'ArrowRight':
      return Math.min(index + 1, last);
    case rtl ? 'ArrowRight' : 'ArrowLeft':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}

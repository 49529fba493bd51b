/** How the catalog reads `limit` and `heading-level`, and how many skeleton cards it shows while loading. */

/** Skeleton cards while loading: enough to fill a wide row, or `limit` of them (up to the most) in a grid. */
export const SKELETON_CARDS = 8;
export const MOST_SKELETON_CARDS = 24;

/** The heading level of a removed, empty or unreadable `heading-level`. */
export const DEFAULT_HEADING_LEVEL = 2;

export function validLimit(limit: number | null | undefined): limit is number {
  return typeof limit === 'number' && Number.isInteger(limit) && limit > 0;
}

/** An empty `limit` is no limit. */
export const limitConverter = {
  fromAttribute: (value: string | null): number | undefined => (value?.trim() ? Number(value) : undefined),
};

/** A removed or empty `heading-level` is the default level, not 0 (which would drop the title). */
export const headingLevelConverter = {
  fromAttribute: (value: string | null): number => (value?.trim() ? Number(value) : DEFAULT_HEADING_LEVEL),
};

/** 0 drops the title; any other level is clamped to 1–6, and what is not a number is the default. */
export function headingLevelOf(value: unknown): number {
  const level = Math.trunc(Number(value ?? DEFAULT_HEADING_LEVEL));
  if (Number.isNaN(level)) return DEFAULT_HEADING_LEVEL;
  return level === 0 ? 0 : Math.min(Math.max(level, 1), 6);
}

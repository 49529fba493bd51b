import { printable } from './log.js';

const MAX_NAMES = 5;
const MAX_NAME_LENGTH = 60;

export interface BatchOutcome {
  site: string;
  /** Names of the valid events, in batch order. */
  events: readonly string[];
  duplicates: number;
  rejected: number;
}

/** `demo: 3 events (Product Viewed ×2, Product Clicked)`: what arrived, never the data itself. */
export function summarizeBatch({ site, events, duplicates, rejected }: BatchOutcome): string {
  const counts = new Map<string, number>();
  for (const name of events) counts.set(name, (counts.get(name) ?? 0) + 1);
  // Most frequent first; Array.prototype.sort is stable, so equal counts keep their batch order.
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const names = ranked.slice(0, MAX_NAMES).map(([name, count]) => printable(name, MAX_NAME_LENGTH) + (count > 1 ? ` ×${count}` : ''));
  if (ranked.length > MAX_NAMES) names.push(`${ranked.length - MAX_NAMES} more`);
  let line = `${site}: ${plural(events.length, 'event')}`;
  if (names.length > 0) line += ` (${names.join(', ')})`;
  if (duplicates > 0) line += `, ${plural(duplicates, 'duplicate')} skipped`;
  if (rejected > 0) line += `, ${rejected} rejected`;
  return line;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Axis arithmetic for the bar chart, kept apart from rendering so it can be read (and tested) on its own. */

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) giving at most `maxTicks` intervals over `span`. */
export function niceStep(span: number, maxTicks: number): number {
  if (span <= 0) return 1;
  const raw = span / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= raw) return Math.max(1, factor * power);
  return 10 * power;
}

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/** Ticks from a multiple of the step at or below `low` (never above zero) to one at or above `high`. */
export function scaleFor(low: number, high: number, maxTicks = 4): Scale {
  const min = Math.min(0, low);
  const max = Math.max(0, high);
  const step = niceStep(max - min, maxTicks);
  const first = Math.floor(min / step) * step;
  const last = Math.max(Math.ceil(max / step) * step, first + step);
  const ticks: number[] = [];
  for (let tick = first; tick <= last; tick += step) ticks.push(tick);
  return { min: first, max: last, ticks };
}

/** Which of `count` bars get a date label: evenly spaced, always including the last (today). */
export function labelledIndexes(count: number, maxLabels: number): number[] {
  if (count === 0 || maxLabels < 1) return [];
  const every = Math.max(1, Math.ceil(count / maxLabels));
  const indexes: number[] = [];
  for (let index = count - 1; index >= 0; index -= every) indexes.unshift(index);
  return indexes;
}

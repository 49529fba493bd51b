import { logOnce } from '../log.js';
import { isLinkId } from './link.js';
import { randomId } from './random-id.js';
import { storageRefused } from './store.js';

/** A shopper met a creator: landed on the creator's link, or clicked a product inside the creator's clip. */
export interface Touch {
  clickId: string;
  creatorId: string;
  clipId?: string;
  /** ms since the epoch */
  at: number;
  source: 'link' | 'clip';
}

export type AttributionModel = 'last-click' | 'first-click';

export interface AttributionOptions {
  model: AttributionModel;
  windowDays: number;
}

const DAY = 86_400_000;
const DEFAULT_WINDOW_DAYS = 30;
const MAX_WINDOW_DAYS = 365;
const STORAGE_KEY = 'vitrine:touches';
const MAX_TOUCHES = 20;

function touch(source: Touch['source'], at: number, creatorId: unknown, clipId: unknown, clickId: unknown = randomId()): Touch | undefined {
  if (isLinkId(creatorId) && isLinkId(clickId) && (clipId == null || isLinkId(clipId))) return { clickId, creatorId, clipId: clipId ?? undefined, at, source };
  return undefined;
}

/** The touch in a creator's link (`vt_c`, `vt_k`, `vt_id`). A link with any malformed vt_* value is ignored whole. */
export function touchFromUrl(url: string, now: number): Touch | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return undefined;
  }
  return touch('link', now, params.get('vt_c'), params.get('vt_k'), params.get('vt_id') ?? undefined);
}

/**
 * The touch in a Product Clicked from a creator's clip (`creator_id`, `clip_id`). Clip ids come from the brand's
 * clip files and may be free text; one that is not link-safe is left out rather than costing the creator the sale.
 */
export function touchFromClick(properties: Record<string, unknown>, now: number): Touch | undefined {
  const clipId = properties.clip_id;
  return touch('clip', now, properties.creator_id, isLinkId(clipId) ? clipId : undefined);
}

/** Touches at most `ms` old at `now`, oldest first. */
function within(touches: Touch[], now: number, ms: number): Touch[] {
  return touches.filter((t) => now - t.at <= ms).sort((a, b) => a.at - b.at);
}

/** The touch that earns the sale: the latest (last-click) or earliest (first-click) within the window. */
export function pickTouch(touches: Touch[], { model, windowDays, now }: AttributionOptions & { now: number }): Touch | undefined {
  const counted = within(touches, now, windowDays * DAY);
  return model === 'first-click' ? counted[0] : counted.at(-1);
}

/**
 * Reads `data-attribution-model` and `data-attribution-window` (whole days, 1 to 365). A bad value is logged once
 * and replaced by its default, so a typo never stops sales from being attributed.
 */
export function readAttributionOptions({ model, window: windowText }: { model?: string | undefined; window?: string | undefined } = {}): AttributionOptions {
  const ignored = (name: string, value: string, expected: string) =>
    logOnce('error', `data-attribution-${name} must be ${expected}; "${value}" is ignored.`);
  const days = windowText === undefined ? DEFAULT_WINDOW_DAYS : Number(windowText);
  const daysValid = Number.isInteger(days) && days > 0 && days <= MAX_WINDOW_DAYS;
  if (model !== undefined && model !== 'last-click' && model !== 'first-click') ignored('model', model, '"last-click" or "first-click"');
  if (!daysValid) ignored('window', windowText!, `whole days from 1 to ${MAX_WINDOW_DAYS}`);
  return { model: model === 'first-click' ? model : 'last-click', windowDays: daysValid ? days : DEFAULT_WINDOW_DAYS };
}

/**
 * Touches under one localStorage key, newest last, at most 20, none older than `windowDays` once written. Without
 * storage (consent pending, or storage blocked) they live in memory for this page only.
 */
export class TouchStore {
  #storage: Storage | null;
  readonly #now: () => number;
  readonly #keepMs: number;
  #memory: Touch[] = [];

  /** `windowDays` bounds how long a touch is kept; pass the attribution window so nothing outlives it. */
  constructor(storage: Storage | null, now: () => number, windowDays = MAX_WINDOW_DAYS) {
    this.#storage = storage;
    this.#now = now;
    this.#keepMs = windowDays * DAY;
  }

  /** Read from storage each time, so a touch another tab recorded counts too. */
  all(): Touch[] {
    if (this.#storage) {
      let stored: unknown;
      try {
        stored = JSON.parse(this.#storage.getItem(STORAGE_KEY)!);
      } catch {
        // Unreadable or corrupt: empty, and overwritten by the next add.
      }
      // Anything a script or an older version left there that is not a touch is dropped.
      this.#memory = Array.isArray(stored) ? stored.filter((t: Touch | null) => typeof t?.at === 'number' && isLinkId(t.creatorId) && isLinkId(t.clickId)) : [];
    }
    return [...this.#memory];
  }

  add(touch: Touch): void {
    this.#save([...this.all(), touch]);
  }

  /** Consent granted: what was kept in memory moves into `storage`, joining what is already there. */
  persist(storage: Storage | null): void {
    if (this.#storage || !storage) return;
    const pending = this.#memory;
    this.#storage = storage;
    this.#save([...this.all(), ...pending]);
  }

  clear(): void {
    this.#memory = [];
    try {
      this.#storage?.removeItem(STORAGE_KEY);
    } catch {
      // Blocked storage holds nothing of ours.
    }
  }

  #save(touches: Touch[]): void {
    this.#memory = within(touches, this.#now(), this.#keepMs).slice(-MAX_TOUCHES);
    try {
      this.#storage?.setItem(STORAGE_KEY, JSON.stringify(this.#memory));
    } catch {
      this.#storage = null;
      // The same refusal the event queue meets, said once for both.
      storageRefused();
    }
  }
}

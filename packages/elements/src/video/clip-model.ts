import {
  DEFAULT_ASPECT_RATIO,
  VitrineError,
  isVitrineError,
  readAspectRatio,
  readCues,
  toSafeUrl,
  type CaptionTrack,
  type Clip,
  type DataIssue,
  type Product,
  type ProductCue,
  type ProductSource,
} from '@vitrine/core';
import type { PropertyValues } from 'lit';
import { Attribute } from '../internal/constants.js';
import { reportAttribute, reportError } from '../internal/report-error.js';
import type { DateRangeCue } from '../media/engine.js';
import {
  asFatal,
  clipProducts,
  cueProductIds,
  fetchClip,
  isAbort,
  issuesError,
  productsError,
  queryProducts,
  unknownProductsError,
  type ClipProducts,
} from './clip-source.js';
import { CueTimeline } from './cue-timeline.js';
import type { ClipIdentity } from './playback-analytics.js';
import type { TrayItem } from './tray.js';

/** The element's inputs: a clip file and the attributes and properties that override it. */
export interface ClipInputs extends HTMLElement {
  clip?: string;
  src?: string;
  poster?: string;
  aspectRatio?: string;
  clipId?: string;
  creatorId?: string;
  products?: unknown;
  source?: ProductSource;
  cues?: unknown;
}

/** What plays: the clip file's values, each overridden by the element's own attribute. */
export interface ClipView extends ClipIdentity {
  src: string | undefined;
  poster: string | undefined;
  ratio: number;
  captions: CaptionTrack[];
}

export interface ClipModelCallbacks {
  /** Something shown changed; `srcChanged` when the video itself is another one. */
  changed(srcChanged: boolean): void;
  /** The clip file could not be loaded: nothing can play. */
  failed(error: VitrineError): void;
}

const base = () => document.baseURI;

/**
 * The clip as the player shows it: the clip file (fetched when `clip` is set) merged with the element's attributes,
 * its cues (JSON and in-band) on one timeline, and its products from whichever source applies.
 */
export class ClipModel {
  readonly timeline = new CueTimeline();
  view: ClipView = { src: undefined, poster: undefined, ratio: DEFAULT_ASPECT_RATIO, captions: [], clipId: undefined, creatorId: undefined };
  /** The products known so far, by id. */
  readonly products = new Map<string, Product>();
  /** The clip file is loading. */
  pending = false;

  readonly #host: ClipInputs;
  readonly #callbacks: ClipModelCallbacks;
  #clip: Clip | undefined;
  #clipCueIds: string[] = [];
  #clipUrl: string | undefined;
  #abort = new AbortController();
  #hostSrc: string | undefined;
  #hostPoster: string | undefined;
  #hostCues: ProductCue[] | undefined;
  #hostRatio: number | undefined;
  #productInput: unknown;
  #productSource: ClipProducts = { source: undefined, inline: false };
  #productLoad = 0;
  #inlineIds: string[] = [];
  /** Product ids asked for ('*' for all inline products), so one is never asked for twice at once. */
  #requested = new Set<string>();
  /** Product ids a source has answered for ('*' for all inline products): the ones it did not return are unknown. */
  #answered = new Set<string>();
  #issuesReported = false;
  #unknownReported = false;

  constructor(host: ClipInputs, callbacks: ClipModelCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
  }

  /** Call from `willUpdate` with the changed properties. */
  update(changed: PropertyValues): void {
    // Each attribute is read (and a bad one reported) once, when it changes.
    if (changed.has('src')) this.#hostSrc = this.#readHostUrl(this.#host.src, Attribute.src);
    if (changed.has('poster')) this.#hostPoster = this.#readHostUrl(this.#host.poster, Attribute.poster);
    if (changed.has('cues')) this.#hostCues = this.#readHostCues();
    if (changed.has('aspectRatio')) this.#hostRatio = this.#readHostRatio();
    if (changed.has('clip')) this.loadClip();
    else if (['src', 'poster', 'aspectRatio', 'clipId', 'creatorId', 'cues', 'products', 'source'].some((key) => changed.has(key))) this.#resolve();
  }

  /** Fetches the clip file (again). */
  loadClip(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#clip = undefined;
    this.#clipCueIds = [];
    this.pending = false;
    const value = this.#host.clip;
    this.#clipUrl = value ? toSafeUrl(value, base()) : undefined;
    const invalid = value && this.#clipUrl === undefined;
    if (this.#clipUrl !== undefined) {
      this.pending = true;
      const signal = this.#abort.signal;
      // Re-configured out of the page (a router keeping it): the file waits, aborted, until `resume` when put back.
      if (!this.#host.isConnected) this.#abort.abort();
      else fetchClip(this.#clipUrl, signal).then(
        ({ clip, cueIds, issues }) => {
          if (signal.aborted) return;
          this.pending = false;
          this.#clip = clip;
          this.#clipCueIds = cueIds;
          // New cues, which may name other unknown products (unless the host's cues stand in for them).
          if (!this.#hostCues) this.#unknownReported = false;
          this.#resolve();
          this.#reportClipIssues(issues);
        },
        (error: unknown) => {
          if (signal.aborted) return;
          this.pending = false;
          this.#resolve();
          this.#callbacks.failed(asFatal(error, 'clip-unreachable'));
        },
      );
    }
    this.#resolve();
    if (invalid) this.#callbacks.failed(new VitrineError('invalid-attribute', `clip: expected an http(s) URL, got "${value.slice(0, 100)}"`, { path: Attribute.clip }));
  }

  /** Out of the page: a clip file still loading is dropped (it stays `pending`)... */
  suspend(): void {
    this.#abort.abort();
  }

  /** ...and fetched again once back. */
  resume(): void {
    if (this.pending && this.#abort.signal.aborted) this.loadClip();
  }

  /** In-band pins from the stream join the timeline; products not yet known are fetched. */
  setStreamCues(ranges: readonly DateRangeCue[]): void {
    if (!this.timeline.setStreamCues(ranges)) return;
    this.#loadProducts();
    this.#callbacks.changed(false);
  }

  /** A caption file that could not be loaded: its track goes (with the last one, the captions button) until a new load. */
  captionsFailed(track: CaptionTrack): void {
    const clip = this.#clip;
    if (!clip?.captions.includes(track)) return;
    clip.captions = clip.captions.filter((other) => other !== track);
    reportError(this.#host, new VitrineError('media-not-found', `the captions at ${track.src} could not be loaded`, { fatal: false }));
    this.#resolve();
  }

  /** The clip's products in the order they first appear, then inline products that have no cue. */
  trayItems(): TrayItem[] {
    const first = this.timeline.firstCues();
    const items: TrayItem[] = [];
    for (const [id, cue] of first) {
      const product = this.products.get(id);
      if (product) items.push({ product, cue });
    }
    for (const id of this.#inlineIds) if (!first.has(id)) items.push({ product: this.products.get(id)!, cue: undefined });
    return items;
  }

  #resolve(): void {
    const clip = this.#clip;
    const host = this.#host;
    const src = this.#hostSrc ?? clip?.src;
    const srcChanged = src !== this.view.src;
    this.view = {
      src,
      poster: this.#hostPoster ?? clip?.poster,
      ratio: this.#hostRatio ?? clip?.aspectRatio ?? DEFAULT_ASPECT_RATIO,
      captions: clip?.captions ?? [],
      clipId: host.clipId || clip?.id,
      creatorId: host.creatorId || clip?.creatorId,
    };
    if (srcChanged) this.timeline.setStreamCues([]);
    this.timeline.setClipCues(this.#hostCues ?? clip?.cues ?? []);
    // The clip file's arrival changes nothing when the host gave the products.
    const productInput = host.source || (host.products ?? clip);
    if (productInput !== this.#productInput) {
      this.#productInput = productInput;
      this.#productSource = clipProducts(host.source, host.products, clip, this.#clipUrl);
      this.#productLoad++;
      this.products.clear();
      this.#inlineIds = [];
      this.#requested.clear();
      this.#answered.clear();
      this.#issuesReported = false;
      this.#unknownReported = false;
    }
    this.#loadProducts();
    this.#callbacks.changed(srcChanged);
  }

  /** Inline products load once; from a feed or a host's source, only the ones the cues name, as they appear. */
  #loadProducts(): void {
    // New cues (the stream's pins) may name products already known to be missing.
    this.#reportUnknownProducts();
    const products = this.#productSource;
    if (!products.source) return;
    const ids = products.inline ? [] : [...this.timeline.firstCues().keys()].filter((id) => !this.products.has(id) && !this.#requested.has(id));
    if (products.inline ? this.#requested.size > 0 : ids.length === 0) return;
    for (const id of products.inline ? ['*'] : ids) this.#requested.add(id);
    const load = this.#productLoad;
    queryProducts(products, ids).then(
      (list) => {
        if (load !== this.#productLoad) return;
        for (const product of list.products) this.products.set(product.id, product);
        for (const id of products.inline ? ['*'] : ids) this.#answered.add(id);
        if (products.inline) this.#inlineIds = list.products.map((product) => product.id);
        // A feed answers every query with the issues of the whole feed: report them once.
        if (list.issues.length > 0 && !this.#issuesReported) reportError(this.#host, issuesError(list.issues));
        this.#issuesReported = true;
        this.#reportUnknownProducts();
        this.#callbacks.changed(false);
      },
      (error: unknown) => {
        if (load !== this.#productLoad || isAbort(error)) return;
        // A feed or a host's source is asked again with the next cue change (a retry), as a failed fetch is not
        // cached; inline data stays as bad as it is.
        if (!products.inline) for (const id of ids) this.#requested.delete(id);
        reportError(this.#host, productsError(error));
      },
    );
  }

  /** A cue whose product no source has shows no tag: said once per clip load, naming the first such cue. */
  #reportUnknownProducts(): void {
    if (this.#unknownReported) return;
    const answered = (id: string) => this.#answered.has('*') || this.#answered.has(id);
    const unknown = [...this.timeline.firstCues().keys()].filter((id) => answered(id) && !this.products.has(id));
    if (unknown.length === 0) return;
    this.#unknownReported = true;
    reportError(this.#host, unknownProductsError(unknown, this.#hostCues ? cueProductIds(this.#host.cues) : this.#clipCueIds));
  }

  /** Optional fields of the clip file that were dropped: one non-fatal report. A missing id is fine with a clip-id. */
  #reportClipIssues(issues: readonly DataIssue[]): void {
    const reported = issues
      .filter((issue) => issue.path !== 'id' || !this.#host.clipId)
      .map((issue) => (issue.path === 'id' ? { ...issue, message: `${issue.message}; without it or clip-id, clicks cannot name the clip` } : issue));
    if (reported.length > 0) reportError(this.#host, issuesError(reported));
  }

  #readHostUrl(value: string | undefined, name: string): string | undefined {
    if (!value) return undefined;
    const url = toSafeUrl(value, base());
    if (url === undefined) this.#warn(name, 'an http(s) URL');
    return url;
  }

  #readHostCues(): ProductCue[] | undefined {
    if (this.#host.cues === undefined || this.#host.cues === null) return undefined;
    try {
      return readCues(this.#host.cues, 'cues');
    } catch (error) {
      reportError(this.#host, isVitrineError(error) ? error : new VitrineError('invalid-data', String(error), { fatal: false, path: 'cues' }));
      return undefined;
    }
  }

  #readHostRatio(): number | undefined {
    const value = this.#host.aspectRatio;
    if (value === undefined || value === null || value === '') return undefined;
    try {
      return readAspectRatio(value, Attribute.aspectRatio);
    } catch {
      this.#warn(Attribute.aspectRatio, 'a width/height ratio such as 16:9 or 1.78');
      return undefined;
    }
  }

  #warn(name: string, expected: string): void {
    reportAttribute(this.#host, name, expected);
  }
}

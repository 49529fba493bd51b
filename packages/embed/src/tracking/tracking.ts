import { CollectorTransport, MESSAGE_EVENT, defaultStorage, TouchStore, Tracker, logOnce, pickTouch, readAttributionOptions, touchFromClick, touchFromUrl, type TrackMessage, type TrackedEventName, type Transport } from '@vitrine/core';
import type { EmbedConfig } from '../loader/config.js';
import { defineConversion } from './conversion.js';
import { lazyTransport, retryable } from './lazy-transport.js';
import type { DestinationOption } from './destinations.js';
import type { Tracking } from './tracking-api.js';

/** A destination whose code is fetched only because the page asked for it. */
const destination = (option: DestinationOption) => lazyTransport(() => import('./destinations.js').then((code) => code.createDestination(option)));
const loadPurchaseCode = retryable(() => import('./purchase.js'));
const orderCodeMissing = () => logOnce('error', 'the order was not sent: its code could not be loaded.');
/** Loaded already, or undefined: no order was reported, so there are no order ids to move or forget. */
let purchaseCode: Promise<typeof import('./purchase.js')> | undefined;

/**
 * The tracking chunk: one Tracker with the destinations the script tag names, creator touches from links and clip
 * clicks, and purchases attributed to the touch the model picks. Consent decides whether anything is stored or sent.
 */
export function startTracking(config: EmbedConfig): Tracking {
  const now = Date.now;
  const storage = defaultStorage();
  const gpc = config.honourGpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  let granted = config.consent !== 'required' && !gpc;

  const transports: Transport[] = [];
  if (config.endpoint) transports.push(new CollectorTransport({ endpoint: config.endpoint, site: config.site }));
  if (config.segment) transports.push(destination({ kind: 'segment', options: config.segment }));
  if (config.ga4) transports.push(destination({ kind: 'ga4' }));
  const tracker = new Tracker({ site: config.site, transports, storage, consent: granted ? 'granted' : 'pending' });
  const attribution = readAttributionOptions(config.attribution);
  let touches = new TouchStore(granted ? storage : null, now, attribution.windowDays);

  tracker.connect(window);
  // A product clicked inside a creator's clip is a touch, like a creator's link. Event names in this file are
  // literals checked against their type, so the table of every name stays out of this chunk.
  addEventListener(MESSAGE_EVENT, (event) => {
    const message = (event as CustomEvent<TrackMessage>).detail;
    const touch = message.event === ('Product Clicked' satisfies TrackedEventName) ? touchFromClick(message.properties, now()) : undefined;
    if (touch) touches.add(touch);
  });
  const landing = touchFromUrl(location.href, now());
  // A reload of the landing page, or a way back to it, is the same click: counted and kept once.
  if (landing && !touches.all().some((touch) => touch.clickId === landing.clickId)) {
    touches.add(landing);
    tracker.track('Creator Link Opened' satisfies TrackedEventName, { click_id: landing.clickId, creator_id: landing.creatorId, clip_id: landing.clipId });
  }

  const tracking: Tracking = {
    track: tracker.track.bind(tracker),
    purchase(input) {
      // The touch as it is now; the order's code may take a moment to arrive.
      const touch = pickTouch(touches.all(), { ...attribution, now: now() });
      (purchaseCode = loadPurchaseCode()).then(
        (code) => code.reportPurchase(input, touch, tracker, attribution.model, granted ? storage : null),
        orderCodeMissing,
      );
    },
    grant() {
      if (granted) return;
      granted = true;
      tracker.grantConsent();
      touches.persist(storage);
      void purchaseCode?.then((code) => code.persistOrders(storage));
    },
    revoke() {
      granted = false;
      // The tracker clears every vitrine:* key; touches and orders start again in memory.
      tracker.revokeConsent();
      touches = new TouchStore(null, now, attribution.windowDays);
      void purchaseCode?.then((code) => code.forgetOrders());
    },
    addDestination: (fn) => tracker.addTransport(destination({ kind: 'function', destination: fn })),
    flush: tracker.flush.bind(tracker),
    stats: () => tracker.stats,
  };
  defineConversion((element) =>
    (purchaseCode = loadPurchaseCode()).then(
      ({ readConversion }) => {
        const order = readConversion(element);
        if (order) tracking.purchase(order);
      },
      orderCodeMissing,
    ),
  );
  return tracking;
}

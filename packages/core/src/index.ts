export { VERSION } from './version.js';
export { VitrineError, isVitrineError, type VitrineErrorCode, type VitrineErrorOptions } from './errors.js';
export { logOnce } from './log.js';

export { formatMoney, readMoney, toDecimalString, toMajorUnits, minorUnitDigits, type Money } from './model/money.js';
export { toSafeUrl, readUrl } from './model/url.js';
export { readProduct, isPurchasable, AVAILABILITIES, type Product, type Variant, type ProductImage, type Availability } from './model/product.js';
export { readClip, readCue, readCues, readAspectRatio, parseAspectRatio, DEFAULT_ASPECT_RATIO, type Clip, type ProductCue, type CaptionTrack } from './model/clip.js';
export { readCatalogFeed, readProducts, type CatalogInfo, type DataIssue, type ProductList } from './model/catalog.js';

export { applyQuery, type ProductQuery, type ProductSort, type ProductSource, type SourceOptions } from './sources/source.js';
export { InlineSource } from './sources/inline-source.js';
export { JsonFeedSource, FETCH_TIMEOUT_MS } from './sources/json-feed-source.js';
export { readSourceAnswer } from './sources/source-answer.js';

export { Tracker, type TrackerOptions, type TrackerStats } from './tracker/tracker.js';
export { defaultStorage } from './tracker/store.js';
export { RetryLater, type Transport, type SendOptions, type SendResult } from './tracker/transport.js';
export { CollectorTransport, type CollectorTransportOptions } from './tracker/collector-transport.js';
export { createMessage, type TrackMessage, type MessageContext } from './tracker/envelope.js';
export { TrackedEvent, TRACK_EVENT, MESSAGE_EVENT, productProperties, type TrackDetail, type TrackProperties, type TrackedEventName } from './tracker/events.js';

export { affiliateLink, isLinkId, type LinkOptions } from './tracker/link.js';
export { TouchStore, pickTouch, readAttributionOptions, touchFromClick, touchFromUrl, type AttributionModel, type AttributionOptions, type Touch } from './tracker/attribution.js';
export { readPurchase, orderCompletedProperties, type Purchase, type PurchaseItem, type PurchaseDiscount } from './tracker/order.js';

export { SegmentTransport, type SegmentTransportOptions } from './tracker/segment-transport.js';
export { Ga4Transport, type Ga4TransportOptions } from './tracker/ga4-transport.js';
export { FunctionTransport } from './tracker/function-transport.js';
export { answerOf, postBatch, retryAfterMs } from './tracker/http-answer.js';

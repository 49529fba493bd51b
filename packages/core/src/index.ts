export { VERSION } from './version.js';
export { VitrineError, isVitrineError, type VitrineErrorCode, type VitrineErrorOptions } from './errors.js';
export { logOnce } from './log.js';

export { formatMoney, readMoney, toDecimalString, toMajorUnits, minorUnitDigits, type Money } from './model/money.js';
export { toSafeUrl, readUrl } from './model/url.js';
export { readProduct, isPurchasable, AVAILABILITIES, type Product, type Variant, type ProductImage, type Availability } from './model/product.js';
export { readClip, readCue, readCues, readAspectRatio, DEFAULT_ASPECT_RATIO, type Clip, type ProductCue, type CaptionTrack } from './model/clip.js';
export { readCatalogFeed, readProducts, type CatalogInfo, type DataIssue, type ProductList } from './model/catalog.js';

export { applyQuery, type ProductQuery, type ProductSort, type ProductSource, type SourceOptions } from './sources/source.js';
export { InlineSource } from './sources/inline-source.js';
export { JsonFeedSource } from './sources/json-feed-source.js';

export { Tracker, type TrackerOptions, type TrackerStats } from './tracker/tracker.js';
export { CollectorTransport, RetryLater, type Transport, type SendOptions, type SendResult, type CollectorTransportOptions } from './tracker/transport.js';
export { createMessage, type TrackMessage, type MessageContext } from './tracker/envelope.js';
export { TrackedEvent, TRACK_EVENT, productProperties, type TrackDetail, type TrackProperties, type TrackedEventName } from './tracker/events.js';

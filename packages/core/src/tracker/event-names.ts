/** Event names follow the Segment e-commerce v2 spec so every destination understands them. */
export const TrackedEvent = {
  productListViewed: 'Product List Viewed',
  productViewed: 'Product Viewed',
  productClicked: 'Product Clicked',
  productAdded: 'Product Added',
  checkoutStarted: 'Checkout Started',
  orderCompleted: 'Order Completed',
  orderRefunded: 'Order Refunded',
  /** A shopper arrived through a creator's link (`vt_*` parameters): a touch. Not in Segment's spec. */
  creatorLinkOpened: 'Creator Link Opened',
  // Segment's video spec; progress milestones (25/50/75/100%) are Video Content Playing with `percent`.
  videoPlaybackStarted: 'Video Playback Started',
  videoPlaybackPaused: 'Video Playback Paused',
  videoPlaybackResumed: 'Video Playback Resumed',
  videoPlaybackCompleted: 'Video Playback Completed',
  videoContentPlaying: 'Video Content Playing',
} as const;
export type TrackedEventName = (typeof TrackedEvent)[keyof typeof TrackedEvent];

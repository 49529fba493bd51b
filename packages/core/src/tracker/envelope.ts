import { VERSION } from '../version.js';
import type { TrackProperties } from './events.js';
import { randomId } from './random-id.js';

/** One Segment-spec track message: the same envelope posts to our collector, Segment, RudderStack or Jitsu. */
export interface TrackMessage {
  messageId: string;
  type: 'track';
  event: string;
  timestamp: string;
  anonymousId: string;
  properties: TrackProperties;
  context: MessageContext;
}

export interface MessageContext {
  page: { url: string; path: string; referrer: string; title: string };
  locale: string;
  library: { name: 'vitrine'; version: string };
  campaign?: Record<string, string>;
}

/** utm_* query parameters; Segment names them the same in `context.campaign`, except utm_campaign, which is `name`. */
const CAMPAIGN_PARAMS = ['source', 'medium', 'campaign', 'term', 'content'];

export function createMessage(event: string, properties: TrackProperties, anonymousId: string, now = new Date()): TrackMessage {
  return {
    messageId: randomId(),
    type: 'track',
    event,
    timestamp: now.toISOString(),
    anonymousId,
    properties,
    context: pageContext(),
  };
}

function pageContext(): MessageContext {
  const url = new URL(location.href);
  const context: MessageContext = {
    page: { url: url.href, path: url.pathname, referrer: document.referrer, title: document.title },
    locale: navigator.language,
    library: { name: 'vitrine', version: VERSION },
  };
  const campaign: Record<string, string> = {};
  for (const param of CAMPAIGN_PARAMS) {
    const value = url.searchParams.get(`utm_${param}`);
    if (value) campaign[param === 'campaign' ? 'name' : param] = value.slice(0, 200);
  }
  if (Object.keys(campaign).length > 0) context.campaign = campaign;
  return context;
}

import { COLLECTOR_BATCH, MESSAGE, SITE, eventSchemas } from './event-schema.js';
import { ValidationError, expectStorableJson, type JsonObject } from './validation.js';

const MAX_JSON_DEPTH = 20;

export interface BatchEnvelope {
  site?: string;
  writeKey?: string;
  sentAt?: string;
  batch: unknown[];
}

/** One event as stored: only the fields attribution needs; unknown fields are dropped, not kept. */
export interface StoredEvent {
  messageId: string;
  event: string;
  timestamp: string;
  anonymousId: string;
  properties: JsonObject;
  context: JsonObject;
}

export interface RejectedEvent {
  index: number;
  message: string;
}

/** A site id as batch.v1.json defines it, wherever one is read (a batch, the events query). */
export function expectSite(value: unknown, path: string): string {
  eventSchemas.validate(value, SITE, path);
  return value as string;
}

/** The batch as a whole, against batch.v1.json: a failure here refuses the request (400). */
export function validateEnvelope(body: unknown): BatchEnvelope {
  eventSchemas.validate(body, COLLECTOR_BATCH, '', 'body');
  return body as BatchEnvelope;
}

/**
 * Splits a batch into storable events and refusals, so one bad event does not cost the good ones. `check` may refuse
 * an event the schema let through, by throwing a ValidationError.
 */
export function validateEvents(
  batch: unknown[],
  maxEventBytes: number,
  check: (event: StoredEvent, path: string) => void = () => {},
): { events: StoredEvent[]; rejected: RejectedEvent[] } {
  const events: StoredEvent[] = [];
  const rejected: RejectedEvent[] = [];
  batch.forEach((message, index) => {
    try {
      const event = validateEvent(message, `batch[${index}]`, maxEventBytes);
      check(event, `batch[${index}]`);
      events.push(event);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      rejected.push({ index, message: error.message });
    }
  });
  return { events, rejected };
}

/** Against track-message.v1.json, then against what Postgres can store, on the fields that are kept. */
function validateEvent(message: unknown, path: string, maxEventBytes: number): StoredEvent {
  const bytes = eventBytes(message, path);
  if (bytes > maxEventBytes) throw new ValidationError(path, `event is ${bytes} bytes, over the ${maxEventBytes}-byte limit`);
  eventSchemas.validate(message, MESSAGE, path);
  const { messageId, event, timestamp, anonymousId, properties, context } = message as StoredEvent & { context: MessageContext };
  const { url, path: pagePath, referrer, title } = context.page;
  const kept: StoredEvent = {
    messageId,
    event,
    timestamp,
    anonymousId,
    properties,
    context: {
      page: { url, path: pagePath, referrer, title },
      locale: context.locale,
      library: { name: context.library.name, version: context.library.version },
      ...(context.campaign !== undefined && { campaign: context.campaign }),
    },
  };
  // One level for the event itself, so properties may nest MAX_JSON_DEPTH deep.
  expectStorableJson(kept, path, MAX_JSON_DEPTH + 1);
  return kept;
}

/** The context's shape once the schema has vouched for it. */
interface MessageContext {
  page: Record<'url' | 'path' | 'referrer' | 'title', string>;
  locale: string;
  library: { name: string; version: string };
  campaign?: JsonObject;
}

function eventBytes(message: unknown, path: string): number {
  try {
    return Buffer.byteLength(JSON.stringify(message) ?? '');
  } catch {
    // JSON.parse accepts nesting that JSON.stringify cannot walk back (it runs out of stack).
    throw new ValidationError(path, 'nested too deeply');
  }
}

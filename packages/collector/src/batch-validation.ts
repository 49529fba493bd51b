import {
  ValidationError,
  expectObject,
  expectStorableJson,
  expectText,
  expectTimestamp,
  isObject,
  propertyPath,
  type JsonObject,
} from './validation.js';

export const MAX_BATCH_LENGTH = 500;
const SITE = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const MAX_JSON_DEPTH = 20;
const MAX_URL_LENGTH = 2048;

export interface BatchEnvelope {
  site: string;
  sentAt: string;
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

export function isSite(value: unknown): value is string {
  return typeof value === 'string' && SITE.test(value);
}

export function expectSite(value: unknown, path: string): string {
  if (!isSite(value)) throw new ValidationError(path, 'expected 1-64 letters, digits, "_" or "-", starting with a letter or digit', value);
  return value;
}

/** The batch as a whole: a failure here refuses the request (400); events are checked one by one afterwards. */
export function validateEnvelope(body: unknown): BatchEnvelope {
  if (!isObject(body)) throw new ValidationError('body', 'expected a JSON object like {"batch": [...], "sentAt": "...", "site": "..."}', body);
  const { batch } = body;
  if (!Array.isArray(batch) || batch.length === 0 || batch.length > MAX_BATCH_LENGTH) {
    throw new ValidationError('batch', `expected an array of 1-${MAX_BATCH_LENGTH} messages`, Array.isArray(batch) ? `${batch.length} messages` : batch);
  }
  return { batch, sentAt: expectTimestamp(body.sentAt, 'sentAt'), site: expectSite(body.site, 'site') };
}

/** Splits a batch into storable events and refusals, so one bad event does not cost the good ones. */
export function validateEvents(batch: unknown[], maxEventBytes: number): { events: StoredEvent[]; rejected: RejectedEvent[] } {
  const events: StoredEvent[] = [];
  const rejected: RejectedEvent[] = [];
  batch.forEach((message, index) => {
    try {
      events.push(validateEvent(message, `batch[${index}]`, maxEventBytes));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      rejected.push({ index, message: error.message });
    }
  });
  return { events, rejected };
}

function validateEvent(message: unknown, path: string, maxEventBytes: number): StoredEvent {
  const bytes = eventBytes(message, path);
  if (bytes > maxEventBytes) throw new ValidationError(path, `event is ${bytes} bytes, over the ${maxEventBytes}-byte limit`);
  const fields = expectObject(message, path);
  const messageId = expectText(fields.messageId, `${path}.messageId`, 1, 100);
  if (fields.type !== 'track') throw new ValidationError(`${path}.type`, 'expected "track"', fields.type);
  const event = expectText(fields.event, `${path}.event`, 1, 200);
  const timestamp = expectTimestamp(fields.timestamp, `${path}.timestamp`);
  const anonymousId = expectText(fields.anonymousId, `${path}.anonymousId`, 1, 100);
  const properties = expectObject(fields.properties, `${path}.properties`);
  expectStorableJson(properties, `${path}.properties`, MAX_JSON_DEPTH);
  const context = validateContext(fields.context, `${path}.context`);
  return { messageId, event, timestamp, anonymousId, properties, context };
}

function validateContext(value: unknown, path: string): JsonObject {
  const context = expectObject(value, path);
  const page = expectObject(context.page, `${path}.page`);
  const library = expectObject(context.library, `${path}.library`);
  const kept: JsonObject = {
    page: {
      url: expectText(page.url, `${path}.page.url`, 1, MAX_URL_LENGTH),
      path: expectText(page.path, `${path}.page.path`, 0, MAX_URL_LENGTH),
      referrer: expectText(page.referrer, `${path}.page.referrer`, 0, MAX_URL_LENGTH),
      title: expectText(page.title, `${path}.page.title`, 0, 1000),
    },
    locale: expectText(context.locale, `${path}.locale`, 1, 100),
    library: {
      name: expectText(library.name, `${path}.library.name`, 1, 100),
      version: expectText(library.version, `${path}.library.version`, 1, 100),
    },
  };
  if (context.campaign !== undefined) kept.campaign = validateCampaign(context.campaign, `${path}.campaign`);
  return kept;
}

/** utm_* values as Segment names them: a flat map of strings. */
function validateCampaign(value: unknown, path: string): JsonObject {
  const campaign = expectObject(value, path);
  for (const [key, item] of Object.entries(campaign)) expectText(item, `${path}${propertyPath(key)}`, 0, 1000);
  expectStorableJson(campaign, path, 1);
  return campaign;
}

function eventBytes(message: unknown, path: string): number {
  try {
    return Buffer.byteLength(JSON.stringify(message) ?? '');
  } catch {
    // JSON.parse accepts nesting that JSON.stringify cannot walk back (it runs out of stack).
    throw new ValidationError(path, 'nested too deeply');
  }
}

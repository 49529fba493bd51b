import { readFile } from 'node:fs/promises';
import { readTrustedProxies } from './client-address.js';
import { describeOriginPatternError } from './cors.js';
import { LINK_ID, SITE_ID, ValidationError, isCurrencyCode, isObject, type JsonObject } from './validation.js';

/** A commission rule. Fields left out match anything; the most specific matching rule wins (see commission.ts). */
export interface CommissionRule {
  id: string;
  brand?: string;
  product?: string;
  creator?: string;
  /** Parts per million of the price paid: 0.125 in the file is 125000 here, so money math stays in integers. */
  ratePpm: number;
  /** A fixed amount per order, in minor units, by ISO currency. */
  bonus: Readonly<Record<string, number>>;
}

export interface SiteConfig {
  /** Client-reported orders count as confirmed at once, without the merchant's signed call. */
  autoConfirm: boolean;
  /** HMAC-SHA256 keys for order and refund calls; several while a key is rotated. */
  signingSecrets: readonly string[];
  /** Segment-spec senders name their source by write key instead of `site`. */
  writeKeys: readonly string[];
  commission: readonly CommissionRule[];
}

export type ApiKeyScope = { role: 'brand' } | { role: 'creator'; creator: string };

export interface ApiKey {
  key: string;
  site: string;
  scope: ApiKeyScope;
}

export interface RateLimit {
  /** Requests allowed per window. */
  requests: number;
  windowSeconds: number;
}

export interface CollectorConfig {
  allowedOrigins?: readonly string[];
  /** Without `sites`, any well-formed site id may send events (the development setup); orders and reports then need one. */
  sites?: Readonly<Record<string, SiteConfig>>;
  apiKeys: readonly ApiKey[];
  rateLimits: { perIp: RateLimit; perSite: RateLimit };
  /** Proxies whose X-Forwarded-For is believed, for the per-address limit; see client-address.ts. */
  trustedProxies: readonly string[];
}

/** A configuration that cannot run: the message names the setting, like `sites.demo.commission[2].rate: ...`. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_RATE_LIMITS: CollectorConfig['rateLimits'] = {
  // A shop page sends a batch every few seconds at most; a whole office behind one address stays far below this.
  perIp: { requests: 600, windowSeconds: 60 },
  perSite: { requests: 60_000, windowSeconds: 60 },
};

const ENV_REFERENCE = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;
const MIN_SECRET_LENGTH = 16;
const MIN_API_KEY_LENGTH = 24;
const PPM = 1_000_000;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and checks a configuration file; `env:NAME` in a secret or key takes it from the environment. */
export async function loadConfigFile(path: string, env: Env): Promise<CollectorConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the configuration file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConfig(json, env);
}

/** Checks a configuration object, naming the first bad setting. */
export function parseConfig(input: unknown, env: Env = {}): CollectorConfig {
  try {
    return readConfig(input, env);
  } catch (error) {
    if (error instanceof ValidationError) throw new ConfigError(error.message);
    throw error;
  }
}

function readConfig(input: unknown, env: Env): CollectorConfig {
  const root = object(input, 'configuration');
  known(root, '', ['allowedOrigins', 'sites', 'apiKeys', 'rateLimits', 'trustedProxies', '$schema']);
  const sites = root.sites === undefined ? undefined : readSites(root.sites, env);
  const config: CollectorConfig = {
    ...(root.allowedOrigins !== undefined && { allowedOrigins: readOrigins(root.allowedOrigins) }),
    ...(sites && { sites }),
    apiKeys: root.apiKeys === undefined ? [] : readApiKeys(root.apiKeys, env, sites),
    rateLimits: root.rateLimits === undefined ? DEFAULT_RATE_LIMITS : readRateLimits(root.rateLimits),
    trustedProxies: root.trustedProxies === undefined ? [] : readTrustedProxies(root.trustedProxies),
  };
  return config;
}

function readOrigins(value: unknown): string[] {
  return array(value, 'allowedOrigins').map((origin, index) => {
    const path = `allowedOrigins[${index}]`;
    const problem = typeof origin === 'string' ? describeOriginPatternError(origin) : 'expected a string';
    if (problem) throw new ValidationError(path, problem);
    return origin as string;
  });
}

function readSites(value: unknown, env: Env): Record<string, SiteConfig> {
  // No prototype: a request naming site "constructor" or "toString" must not find an inherited member.
  const sites: Record<string, SiteConfig> = Object.create(null);
  for (const [id, site] of Object.entries(object(value, 'sites'))) {
    const path = `sites.${id}`;
    if (!SITE_ID.test(id)) throw new ValidationError(path, 'a site id is 1-64 letters, digits, "_" or "-", starting with a letter or digit');
    const fields = object(site, path);
    known(fields, path, ['autoConfirm', 'signingSecrets', 'writeKeys', 'commission']);
    sites[id] = {
      autoConfirm: optionalBoolean(fields.autoConfirm, `${path}.autoConfirm`) ?? false,
      signingSecrets: optionalArray(fields.signingSecrets, `${path}.signingSecrets`).map((secret, index) =>
        secretText(secret, `${path}.signingSecrets[${index}]`, env, MIN_SECRET_LENGTH),
      ),
      writeKeys: optionalArray(fields.writeKeys, `${path}.writeKeys`).map((key, index) => secretText(key, `${path}.writeKeys[${index}]`, env, 8)),
      commission: readRules(fields.commission, `${path}.commission`),
    };
  }
  const writeKeyOwners = new Map<string, string>();
  for (const [id, site] of Object.entries(sites)) {
    for (const key of site.writeKeys) {
      const owner = writeKeyOwners.get(key);
      if (owner) throw new ValidationError(`sites.${id}.writeKeys`, `a write key names one site, but this one is also used by ${owner}`);
      writeKeyOwners.set(key, id);
    }
  }
  return sites;
}

function readRules(value: unknown, path: string): CommissionRule[] {
  const ids = new Set<string>();
  return optionalArray(value, path).map((entry, index) => {
    const rulePath = `${path}[${index}]`;
    const rule = object(entry, rulePath);
    known(rule, rulePath, ['id', 'brand', 'product', 'creator', 'rate', 'bonus']);
    const id = rule.id === undefined ? `rule-${index + 1}` : linkId(rule.id, `${rulePath}.id`);
    if (ids.has(id)) throw new ValidationError(`${rulePath}.id`, `rule ids are unique; "${id}" is used twice`);
    ids.add(id);
    return {
      id,
      ...(rule.brand !== undefined && { brand: idText(rule.brand, `${rulePath}.brand`) }),
      ...(rule.product !== undefined && { product: idText(rule.product, `${rulePath}.product`) }),
      ...(rule.creator !== undefined && { creator: linkId(rule.creator, `${rulePath}.creator`) }),
      ratePpm: readRate(rule.rate, `${rulePath}.rate`),
      bonus: rule.bonus === undefined ? {} : readBonus(rule.bonus, `${rulePath}.bonus`),
    };
  });
}

function readRate(value: unknown, path: string): number {
  const expected = 'expected a fraction of the price paid from 0 to 1 with at most 6 decimals, like 0.1 for 10%';
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new ValidationError(path, expected, value);
  const ppm = Math.round(value * PPM);
  if (Math.abs(ppm - value * PPM) > 1e-6) throw new ValidationError(path, expected, value);
  return ppm;
}

function readBonus(value: unknown, path: string): Record<string, number> {
  const bonus: Record<string, number> = {};
  for (const [currency, amount] of Object.entries(object(value, path))) {
    if (!isCurrencyCode(currency)) throw new ValidationError(`${path}.${currency}`, 'bonus keys are ISO 4217 currency codes in capitals, like "EUR"');
    if (!Number.isSafeInteger(amount) || (amount as number) < 0) {
      throw new ValidationError(`${path}.${currency}`, 'expected an integer amount in minor units (500 for 5.00)', amount);
    }
    bonus[currency] = amount as number;
  }
  return bonus;
}

function readApiKeys(value: unknown, env: Env, sites: Record<string, SiteConfig> | undefined): ApiKey[] {
  const seen = new Set<string>();
  return array(value, 'apiKeys').map((entry, index) => {
    const path = `apiKeys[${index}]`;
    const fields = object(entry, path);
    known(fields, path, ['key', 'site', 'role', 'creator']);
    const key = secretText(fields.key, `${path}.key`, env, MIN_API_KEY_LENGTH);
    if (seen.has(key)) throw new ValidationError(`${path}.key`, 'each API key is listed once');
    seen.add(key);
    const site = typeof fields.site === 'string' && SITE_ID.test(fields.site) ? fields.site : undefined;
    if (!site) throw new ValidationError(`${path}.site`, 'expected a site id', fields.site);
    if (sites && !sites[site]) throw new ValidationError(`${path}.site`, `"${site}" is not one of the configured sites (${Object.keys(sites).join(', ')})`);
    if (fields.role === 'brand') {
      if (fields.creator !== undefined) throw new ValidationError(`${path}.creator`, 'a brand key sees every creator; remove "creator" or use role "creator"');
      return { key, site, scope: { role: 'brand' } };
    }
    if (fields.role === 'creator') return { key, site, scope: { role: 'creator', creator: linkId(fields.creator, `${path}.creator`) } };
    throw new ValidationError(`${path}.role`, 'expected "brand" or "creator"', fields.role);
  });
}

function readRateLimits(value: unknown): CollectorConfig['rateLimits'] {
  const fields = object(value, 'rateLimits');
  known(fields, 'rateLimits', ['perIp', 'perSite']);
  const limit = (entry: unknown, path: string, fallback: RateLimit): RateLimit => {
    if (entry === undefined) return fallback;
    const limitFields = object(entry, path);
    known(limitFields, path, ['requests', 'windowSeconds']);
    return {
      requests: positiveInteger(limitFields.requests, `${path}.requests`),
      windowSeconds: positiveInteger(limitFields.windowSeconds ?? 60, `${path}.windowSeconds`),
    };
  };
  return { perIp: limit(fields.perIp, 'rateLimits.perIp', DEFAULT_RATE_LIMITS.perIp), perSite: limit(fields.perSite, 'rateLimits.perSite', DEFAULT_RATE_LIMITS.perSite) };
}

/** A secret written in the file, or `env:NAME` to keep it out of the file. */
function secretText(value: unknown, path: string, env: Env, minLength: number): string {
  if (typeof value !== 'string') throw new ValidationError(path, `expected a string, or "env:NAME" to read it from the environment`, value);
  const reference = ENV_REFERENCE.exec(value);
  const secret = reference ? env[reference[1]!] : value;
  if (reference && !secret) throw new ValidationError(path, `the environment variable ${reference[1]} is not set`);
  if (secret!.length < minLength || /\s/.test(secret!)) {
    // Never echo the secret itself into a log.
    throw new ValidationError(path, `expected at least ${minLength} characters without spaces${reference ? ` in ${reference[1]}` : ''}`);
  }
  return secret!;
}

function known(fields: JsonObject, path: string, names: readonly string[]): void {
  for (const name of Object.keys(fields)) {
    if (!names.includes(name)) throw new ValidationError(`${path ? `${path}.` : ''}${name}`, `unknown setting; expected one of ${names.filter((n) => n !== '$schema').join(', ')}`);
  }
}

function object(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw new ValidationError(path, 'expected an object', value);
  return value;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ValidationError(path, 'expected an array', value);
  return value;
}

function optionalArray(value: unknown, path: string): unknown[] {
  return value === undefined ? [] : array(value, path);
}

function optionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new ValidationError(path, 'expected true or false', value);
}

function positiveInteger(value: unknown, path: string): number {
  if (Number.isSafeInteger(value) && (value as number) > 0) return value as number;
  throw new ValidationError(path, 'expected a positive integer', value);
}

function linkId(value: unknown, path: string): string {
  if (typeof value === 'string' && LINK_ID.test(value)) return value;
  throw new ValidationError(path, 'expected 1-64 letters, digits, "_" or "-"', value);
}

function idText(value: unknown, path: string): string {
  if (typeof value === 'string' && value.length >= 1 && value.length <= 200) return value;
  throw new ValidationError(path, 'expected a string of 1-200 characters', value);
}

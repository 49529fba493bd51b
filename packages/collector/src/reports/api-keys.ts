import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApiKey, ApiKeyScope } from '../config.js';
import { HttpError } from '../http.js';

export interface Caller {
  site: string;
  scope: ApiKeyScope;
}

export type KeyRing = (req: IncomingMessage, site: string) => Caller;

/**
 * Checks `Authorization: Bearer <key>` against the configured keys. Keys are compared as SHA-256 digests in constant
 * time, so neither the lookup nor the comparison tells an attacker how much of a guess was right.
 */
export function createKeyRing(keys: readonly ApiKey[]): KeyRing {
  const digests = keys.map((key) => ({ digest: digest(key.key), caller: { site: key.site, scope: key.scope } }));
  return (req, site) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new HttpError(401, 'api_key_missing', 'send an API key as Authorization: Bearer <key>', { 'WWW-Authenticate': 'Bearer' });
    const presented = digest(match[1]!);
    let caller: Caller | undefined;
    for (const entry of digests) if (timingSafeEqual(entry.digest, presented)) caller = entry.caller;
    if (!caller) throw new HttpError(401, 'api_key_invalid', 'that API key is not accepted here', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    if (caller.site !== site) throw new HttpError(403, 'api_key_wrong_site', `this API key is for site ${caller.site}, not ${site}`);
    return caller;
  };
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

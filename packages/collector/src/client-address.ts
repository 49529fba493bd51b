import { BlockList, isIP } from 'node:net';
import { ValidationError } from './validation.js';

/** The address a request came from, given its connection's address and its X-Forwarded-For header. */
export type ClientAddress = (socketAddress: string | undefined, forwardedFor: string | string[] | undefined) => string | undefined;

const MAX_PROXIES = 100;

/** `trustedProxies`: addresses (`10.0.0.7`, `::1`) or ranges (`10.0.0.0/8`, `fd00::/8`) of the proxies in front. */
export function readTrustedProxies(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_PROXIES) throw new ValidationError('trustedProxies', `expected a list of at most ${MAX_PROXIES} addresses or ranges`, value);
  return value.map((entry, index) => {
    const path = `trustedProxies[${index}]`;
    if (typeof entry !== 'string' || !parseRange(entry)) {
      throw new ValidationError(path, 'expected an IP address like "10.0.0.7" or a range like "10.0.0.0/8"', entry);
    }
    return entry;
  });
}

/**
 * Without trusted proxies the connection's address is the caller, and X-Forwarded-For is ignored: anyone can write it.
 * Behind trusted proxies, each appends the address it was reached from, so the header is read from its right end,
 * past every trusted proxy, to the first address none of them vouches for.
 */
export function createClientAddress(trustedProxies: readonly string[] = []): ClientAddress {
  if (trustedProxies.length === 0) return (socketAddress) => socketAddress;
  const trusted = new BlockList();
  for (const entry of trustedProxies) {
    const { address, prefix, family } = parseRange(entry)!;
    if (prefix === undefined) trusted.addAddress(address, family);
    else trusted.addSubnet(address, prefix, family);
  }
  const isTrusted = (address: string) => {
    const family = familyOf(address);
    return family !== undefined && trusted.check(address, family);
  };
  return (socketAddress, forwardedFor) => {
    if (!socketAddress || !isTrusted(unmapped(socketAddress))) return socketAddress;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor ?? '').split(',').map((hop) => unmapped(hop.trim()));
    let client = socketAddress;
    for (let index = hops.length - 1; index >= 0; index--) {
      const hop = hops[index]!;
      // A hop a trusted proxy cannot have written ends the walk at the last address known to be real.
      if (isIP(hop) === 0) break;
      client = hop;
      if (!isTrusted(hop)) break;
    }
    return client;
  };
}

function familyOf(address: string): 'ipv4' | 'ipv6' | undefined {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
}

function parseRange(entry: string): { address: string; prefix?: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [address = '', prefixText, extra] = entry.split('/');
  const family = familyOf(address);
  if (!family || extra !== undefined) return undefined;
  if (prefixText === undefined) return { address, family };
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  return prefix <= (family === 'ipv4' ? 32 : 128) ? { address, prefix, family } : undefined;
}

/** `::ffff:10.0.0.7`, as a dual-stack socket reports an IPv4 peer, is that IPv4 address. */
export function unmapped(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

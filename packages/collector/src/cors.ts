/**
 * Allowed origins: exact (`https://shop.example`) or with one wildcard, either for the port
 * (`http://localhost:*`) or for subdomains (`https://*.shop.example`, which does not match the bare domain).
 */
export type OriginMatcher = (origin: string) => boolean;

const PATTERN = /^(https?):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\*|\d{1,5}))?$/i;

export function describeOriginPatternError(pattern: string): string | undefined {
  const match = PATTERN.exec(pattern);
  if (!match) return `"${pattern}" is not an origin like https://shop.example, http://localhost:* or https://*.shop.example`;
  const port = match[4];
  if (port !== undefined && port !== '*' && Number(port) > 65535) return `"${pattern}" has a port over 65535`;
  return undefined;
}

export function compileOrigins(patterns: readonly string[]): OriginMatcher {
  const expressions = patterns.map((pattern, index) => {
    const problem = describeOriginPatternError(pattern);
    if (problem) throw new TypeError(`allowedOrigins[${index}]: ${problem}`);
    return originExpression(pattern);
  });
  return (origin) => expressions.some((expression) => expression.test(origin));
}

function originExpression(pattern: string): RegExp {
  const [, scheme, anySubdomain, host, port] = PATTERN.exec(pattern)!;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const subdomains = anySubdomain ? '(?:[a-z0-9-]+\\.)+' : '';
  // Browsers omit the default port from Origin, so `:*` also matches no port at all.
  const portPart = port === '*' ? '(?::\\d{1,5})?' : port ? `:${port}` : '';
  return new RegExp(`^${scheme}://${subdomains}${escape(host!)}${portPart}$`, 'i');
}

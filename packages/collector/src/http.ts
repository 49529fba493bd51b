import type { IncomingMessage, ServerResponse } from 'node:http';

/** A refusal with its status and a stable code; the message is for the developer reading the response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    // Event data is not for caches, and must never be sniffed into HTML.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } }, error.headers);
}

/**
 * Reads the whole body, refusing it with 413 as soon as it passes `limit` bytes: a declared
 * Content-Length is refused before a byte is read, a chunked body as soon as it grows too big.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'payload_too_large', `body is over the ${limit}-byte limit`, { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) return void chunks.push(chunk);
      // Stop keeping data; Node discards the rest once the 413 is sent, then the socket closes.
      req.off('data', onData);
      chunks.length = 0;
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => {
      if (received <= limit) resolve(Buffer.concat(chunks, received));
    });
    req.once('error', reject);
  });
}

export interface MediaType {
  type: string;
  charset?: string;
}

/** `text/plain;charset=UTF-8` → `{type: 'text/plain', charset: 'utf-8'}`. */
export function parseContentType(header: string | undefined): MediaType | undefined {
  if (!header) return undefined;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim());
  const mediaType: MediaType = { type: type.toLowerCase() };
  for (const parameter of parameters) {
    const [name, value = ''] = parameter.split('=').map((part) => part.trim());
    if (name?.toLowerCase() === 'charset') mediaType.charset = value.replace(/^"|"$/g, '').toLowerCase();
  }
  return mediaType;
}

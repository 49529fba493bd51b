import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SiteConfig } from '../config.js';
import { HttpError, parseContentType, readBody, sendJson } from '../http.js';
import { printable } from '../log.js';
import { throwIfLimited, type CollectorContext } from '../routes.js';
import { ValidationError, isObject } from '../validation.js';
import { OrderProblem, confirmOrder, refundOrder } from './order-book.js';
import { readRefund, readServerOrder } from './order-input.js';
import { SIGNATURE_HEADER, checkSignature, type SignatureProblem } from './signature.js';

const SIGNATURE_MESSAGES: Record<SignatureProblem, string> = {
  missing: 'the Vitrine-Signature header is missing; sign the body as the collector README shows',
  malformed: 'the Vitrine-Signature header must look like t=<unix seconds>,v1=<64 hex digits>',
  expired: 'the signature timestamp is more than 5 minutes from the collector\'s clock; sign each call when it is sent',
  mismatch: 'the signature does not match this body under any signing secret of the site',
};

/** POST /v1/orders: the merchant's server confirms an order, or reports one the browser never did. */
export async function handleConfirmOrder(context: CollectorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { site, body } = await readSignedBody(context, req);
  const order = invalidAs400(() => readServerOrder(body));
  const outcome = await answerProblems(() => confirmOrder(context.db, site, order, context.now()));
  sendJson(res, 200, outcome);
  context.log(`${order.site}: order ${printableId(order.orderId)} ${outcome.duplicate ? 'already confirmed' : 'confirmed'}`);
}

/** POST /v1/orders/:id/refunds: reverses commission for the refunded units, or for everything left. */
export async function handleRefund(context: CollectorContext, req: IncomingMessage, res: ServerResponse, _url: URL, [orderId]: string[]): Promise<void> {
  const { body } = await readSignedBody(context, req);
  const refund = invalidAs400(() => readRefund(body, orderId!));
  const outcome = await answerProblems(() => refundOrder(context.db, refund, context.now()));
  sendJson(res, 200, outcome);
  context.log(`${refund.site}: refund ${printableId(refund.refundId)} of order ${printableId(refund.orderId)}${outcome.duplicate ? ' already recorded' : ''}`);
}

/**
 * The body, only once the site's secret has vouched for it: until then nothing in it is trusted but the site id
 * that names the secret. Every refusal here is 401 and stores nothing.
 */
async function readSignedBody(context: CollectorContext, req: IncomingMessage): Promise<{ site: SiteConfig; body: unknown }> {
  if (parseContentType(req.headers['content-type'])?.type !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json');
  }
  const header = req.headers[SIGNATURE_HEADER];
  const raw = await readBody(req, context.maxBodyBytes);
  if (header === undefined) throw unauthorized('signature_missing', SIGNATURE_MESSAGES.missing);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new HttpError(400, 'invalid_json', 'body is not valid UTF-8 JSON');
  }
  const siteId = isObject(body) && typeof body.site === 'string' ? body.site : undefined;
  const site = siteId === undefined ? undefined : context.config.sites?.[siteId];
  if (!site || site.signingSecrets.length === 0) {
    throw unauthorized('unknown_site', 'body.site must name a configured site with signing secrets');
  }
  throwIfLimited(context.limitSite, siteId!, `for site ${siteId}`, context, req);
  const problem = checkSignature(Array.isArray(header) ? header.join(',') : header, raw, site.signingSecrets, context.now().getTime());
  if (problem) throw unauthorized(`signature_${problem}`, SIGNATURE_MESSAGES[problem]);
  return { site, body };
}

function unauthorized(code: string, message: string): HttpError {
  return new HttpError(401, code, message, { 'WWW-Authenticate': 'Vitrine-Signature' });
}

function invalidAs400<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ValidationError) throw new HttpError(400, 'invalid_body', error.message);
    throw error;
  }
}

const PROBLEM_STATUS = { not_found: 404, conflict: 409, unprocessable: 422 } as const;

async function answerProblems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OrderProblem) throw new HttpError(PROBLEM_STATUS[error.kind], error.code, error.message);
    throw error;
  }
}

function printableId(id: string): string {
  return printable(id, 60);
}

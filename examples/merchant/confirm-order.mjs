// The merchant's server confirms an order to the collector: node examples/merchant/confirm-order.mjs <order id>
// The secret is the demo site's, from examples/collector.config.json; a real shop keeps its own out of the code.
import { createHmac } from 'node:crypto';

const [orderId, collector = 'http://127.0.0.1:8787'] = process.argv.slice(2);
if (!orderId) throw new Error('usage: node examples/merchant/confirm-order.mjs <order id> [collector URL]');
const secret = process.env.VITRINE_SIGNING_SECRET ?? 'demo-signing-secret-for-local-use-only';

const body = JSON.stringify({ site: 'demo', orderId });
const timestamp = Math.floor(Date.now() / 1000);
const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
const response = await fetch(`${collector}/v1/orders`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'Vitrine-Signature': `t=${timestamp},v1=${signature}` },
  body,
});
console.log(response.status, await response.json());

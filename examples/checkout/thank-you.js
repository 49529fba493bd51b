// The shop's own thank-you page script: it knows the order and hands it to Vitrine. Money in integer minor units.
const orderId = `demo-${Date.now().toString(36)}`;
document.getElementById('order-id').textContent = orderId;
window.Vitrine.purchase({
  orderId,
  currency: 'EUR',
  total: 4900,
  items: [{ productId: 'linen-shirt', brand: 'Northwind', price: 4900, quantity: 1 }],
});

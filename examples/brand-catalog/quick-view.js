// The host page's own quick view: it cancels Vitrine's default navigation and shows a dialog instead.
const dialog = document.getElementById('quick-view');
document.addEventListener('vitrine-product-click-request', (event) => {
  event.preventDefault();
  const { product } = event.detail;
  dialog.querySelector('#quick-view-title').textContent = product.title;
  const price = new Intl.NumberFormat('de-DE', { style: 'currency', currency: product.price.currency });
  dialog.querySelector('#quick-view-price').textContent = price.format(product.price.amount / 100);
  dialog.querySelector('#quick-view-link').href = product.url;
  dialog.showModal();
});

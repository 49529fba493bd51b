const TAG = 'vitrine-conversion';

/**
 * `<vitrine-conversion order-id="1001" total="4990" currency="EUR" items='[...]'>`: the declarative
 * `Vitrine.purchase()` for thank-you pages that cannot run a script of their own. Money in integer minor units, as
 * everywhere in Vitrine. It renders nothing; the order goes out once, when the element is in the page. Reading its
 * attributes is left to the purchase code, which loads only when there is an order.
 */
export function defineConversion(connected: (element: HTMLElement) => void): void {
  if (customElements.get(TAG)) return;
  customElements.define(
    TAG,
    class extends HTMLElement {
      connectedCallback(): void {
        connected(this);
      }
    },
  );
}

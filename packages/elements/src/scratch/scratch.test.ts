import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as h } from 'lit';

class XCard extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  override render() { return h`<a href="https://example.com/">link</a>`; }
}
customElements.define('x-card', XCard);

describe('scratch', () => {
  it('host tabindex -1 skips shadow content', async () => {
    const el = await fixture(html`<div><button id="a">a</button><x-card tabindex="-1"></x-card><x-card></x-card><button id="b">b</button></div>`);
    (el.querySelector('#a') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    const active = document.activeElement;
    console.log('active', active?.outerHTML, active === el.querySelectorAll('x-card')[1]);
    await sendKeys({ press: 'Tab' });
    console.log('active2', document.activeElement?.outerHTML);
    expect(1).to.equal(1);
  });
});

import { html, type TemplateResult } from 'lit';

/** A dash for the eye and a word for screen readers, which would read the bare dash out as "dash". */
export function noValue(word: string): TemplateResult {
  return html`<span aria-hidden="true">–</span><span class="visually-hidden">${word}</span>`;
}

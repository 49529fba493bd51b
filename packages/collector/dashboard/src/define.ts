/** Defining a tag twice throws; the dashboard page and a story may both import an element. */
export function defineOnce(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

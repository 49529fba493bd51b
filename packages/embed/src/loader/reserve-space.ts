/**
 * Until an element's chunk arrives it is an unknown inline element of height 0; reserving its final height
 * now means nothing below it moves when it renders. The heights are the elements' own at default settings
 * (a card is its square image plus 11.75rem of text rows; a carousel adds 1.25rem; a catalog its title line);
 * the loader test checks they match what the elements render. A constructed sheet is used because a strict
 * Content-Security-Policy blocks injected <style> elements but not adopted sheets.
 */
export function reserveSpace(doc: Document = document): void {
  if (!('adoptedStyleSheets' in doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    vitrine-catalog:not(:defined) {
      display: block;
      block-size: 29.25rem;
    }
    vitrine-catalog[heading-level='0']:not(:defined),
    vitrine-carousel:not(:defined) {
      display: block;
      block-size: 27rem;
    }
    vitrine-video:not(:defined) {
      display: block;
      aspect-ratio: 16 / 9;
    }
    vitrine-product-card:not(:defined) {
      display: inline-block;
      inline-size: var(--vitrine-card-width, 14rem);
      block-size: calc(var(--vitrine-card-width, 14rem) + 11.75rem);
    }
  `);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

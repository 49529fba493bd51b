/**
 * Until an element's chunk arrives it is an unknown inline element of height 0; reserving its final height
 * now means nothing below it moves when it renders. A constructed sheet is used because a strict
 * Content-Security-Policy blocks injected <style> elements but not adopted sheets.
 */
export function reserveSpace(doc: Document = document): void {
  if (!('adoptedStyleSheets' in doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    vitrine-catalog:not(:defined),
    vitrine-carousel:not(:defined) {
      display: block;
      min-height: var(--vitrine-carousel-min-height, 27rem);
    }
    vitrine-product-card:not(:defined) {
      display: inline-block;
      inline-size: var(--vitrine-card-width, 14rem);
    }
  `);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

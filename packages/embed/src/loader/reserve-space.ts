import { parseAspectRatio } from '@vitrine/core';

/** Marks CSS text, which the build squeezes like the elements' css`` templates. */
const css = String.raw;

/** A card's height for a given width: its image (width ÷ ratio) plus the text rows. */
function cardHeight(width: string): string {
  return `(${width} / (var(--vitrine-card-image-ratio, 1 / 1)) + 10.25em + 2 * var(--vitrine-card-padding, 0.75em))`;
}

/**
 * A grid's height depends on its width and its feed, so it is left to the element's own skeleton (and the host's
 * stylesheet): a wrong guess here would be a shift of its own.
 */
const CATALOG = "vitrine-catalog:not([layout='grid']):not(:defined)";
/**
 * The elements' own font size, which their lengths are multiples of (see their shared styles), so em here is theirs.
 * Without specificity, as the element's own rule is: a font size the page sets on the element wins over both.
 */
const fontSize = css`
  :where(vitrine-catalog, vitrine-carousel, vitrine-product-card):where(:not(:defined)) {
    font-size: var(--vitrine-font-size, medium);
  }
`;
const ROW_PADDING = 'var(--vitrine-carousel-padding, 0.625em)';
/** The catalog reserves two title lines when it is at most 30em wide, none with heading-level="0". */
const catalogTitle = css`
  ${CATALOG} {
    display: block;
    container-type: inline-size;
  }
  ${CATALOG}::before {
    content: '';
    display: block;
    --_vitrine-title: calc(1.75em + var(--vitrine-catalog-heading-gap, 0.5em));
    --_vitrine-body: calc(${cardHeight('var(--vitrine-card-width, 14em)')} + 2 * ${ROW_PADDING});
    block-size: calc(var(--_vitrine-title) + var(--_vitrine-body));
  }
  @container (max-width: 30em) {
    ${CATALOG}::before {
      --_vitrine-title: calc(3.5em + var(--vitrine-catalog-heading-gap, 0.5em));
    }
  }
  vitrine-catalog[heading-level='0']:not([layout='grid']):not(:defined)::before {
    --_vitrine-title: 0px;
  }
`;

/**
 * Until an element's chunk arrives it is an unknown inline element of height 0; reserving the height it will
 * first render now means nothing below it moves when it does. The sizes follow the elements' own rules (a card
 * is its image plus 11.75em of text rows at default settings; a carousel adds its padding; a catalog its title
 * lines; a video its `aspect-ratio`, else 16:9); the loader tests check they match what the elements render.
 * A catalog is a size container, so its reservation follows its own width as the element's title does.
 * A constructed sheet is used because a strict Content-Security-Policy blocks injected <style> elements but
 * not adopted sheets. Returns what the loader calls for each element it finds, to reserve a video's own shape.
 */
export function reserveSpace(doc: Document = document): (element: Element) => void {
  if (!('adoptedStyleSheets' in doc)) return () => undefined;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css`
    ${fontSize}
    ${catalogTitle}
    vitrine-carousel:not(:defined) {
      display: block;
      block-size: calc(${cardHeight('var(--vitrine-card-width, 14em)')} + 2 * ${ROW_PADDING});
    }
    vitrine-video:not(:defined) {
      display: block;
      aspect-ratio: 16 / 9;
    }
    vitrine-product-card:not(:defined) {
      display: inline-block;
      inline-size: var(--vitrine-card-width, 14em);
      block-size: calc${cardHeight('var(--vitrine-card-width, 14em)')};
    }
  `);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const shapes = new Set<string>();
  return (element) => {
    const shape = element.localName === 'vitrine-video' ? element.getAttribute('aspect-ratio') : null;
    if (shape === null || shapes.has(shape)) return;
    shapes.add(shape);
    // Read as the element reads it; a shape it would refuse (and report, once its code arrives) keeps 16:9.
    const ratio = parseAspectRatio(shape);
    if (ratio) sheet.insertRule(`vitrine-video[aspect-ratio="${CSS.escape(shape)}"]:not(:defined){aspect-ratio:${ratio}}`);
  };
}

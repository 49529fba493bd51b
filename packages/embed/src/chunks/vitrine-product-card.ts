// Loaded by vitrine.js when <vitrine-product-card> first appears. Importing it defines the element.
import '@vitrine/elements/product-card.js';
export { setLocale, setStrings } from '@vitrine/elements/config.js';

// Loaded by vitrine.js when <vitrine-carousel> first appears. Importing it defines the element.
import '@vitrine/elements/carousel.js';
export { setLocale, setStrings } from '@vitrine/elements/config.js';

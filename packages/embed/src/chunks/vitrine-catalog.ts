// Loaded by vitrine.js when <vitrine-catalog> first appears. Importing it defines the element.
import '@vitrine/elements/catalog.js';
export { setLocale, setStrings } from '@vitrine/elements/config.js';

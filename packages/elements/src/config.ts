/** Page-wide settings shared by every element: the language and the host's string overrides. */
export { setLocale, setStrings } from './internal/i18n.js';
export type { Strings, StringKey } from './internal/strings.js';

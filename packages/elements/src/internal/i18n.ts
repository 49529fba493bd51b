import { atom, map } from 'nanostores';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reportAttribute } from './report-error.js';
import { builtInStrings, type StringKey, type StringTable, type Strings } from './strings.js';

/** The page-wide locale chosen by the host (`data-locale`, `Vitrine.setLocale`); empty means "follow the page". */
export const $locale = atom<string>('');

/** Host overrides by language ('*' for all languages), e.g. `{ de: { retry: 'Nochmal' } }`. */
export const $stringOverrides = map<Record<string, Partial<Strings>>>({});

export function setLocale(locale: string): void {
  $locale.set(canonicalLocale(locale) ?? '');
}

/** Overrides shopper-facing strings; with no `locale` the overrides apply to every language. */
export function setStrings(strings: Partial<Strings>, locale = '*'): void {
  const key = locale === '*' ? '*' : languageOf(canonicalLocale(locale) ?? locale);
  $stringOverrides.setKey(key, { ...$stringOverrides.get()[key], ...pickKnown(strings) });
}

/** Only string values are kept; keys are not checked here, so this module need not know every element's table. */
function pickKnown(strings: Partial<Strings>): Partial<Strings> {
  const known: Record<string, string> = {};
  for (const [key, value] of Object.entries(strings)) if (typeof value === 'string') known[key] = value;
  return known as Partial<Strings>;
}

export function canonicalLocale(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

function languageOf(locale: string): string {
  return locale.split('-')[0]!.toLowerCase();
}

/** The element's locale: its own `locale` attribute, the host's choice, the nearest `lang`, then the browser's. */
export function resolveLocale(element: HTMLElement): string {
  return (
    // The property first: Lit renders before it reflects the property to the attribute.
    canonicalLocale(localeProperty(element)) ??
    canonicalLocale(element.getAttribute('locale')) ??
    canonicalLocale($locale.get()) ??
    canonicalLocale(nearestLang(element)) ??
    canonicalLocale(navigator.language) ??
    'en'
  );
}

function localeProperty(element: HTMLElement): string | undefined {
  const value: unknown = (element as HTMLElement & { locale?: unknown }).locale;
  return typeof value === 'string' ? value : undefined;
}

/** The nearest `lang`, looking through shadow roots: a card rendered inside a carousel follows the page's language. */
function nearestLang(element: Element): string | null {
  let node: Element | null = element;
  while (node) {
    const owner: Element | null = node.closest('[lang]');
    if (owner) return owner.getAttribute('lang');
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * Gives a component `t()` and `locale`, and re-renders it when the host changes locale or strings.
 * Per-instance overrides (`element.strings`) win over page-wide ones.
 */
export class LocalizeController implements ReactiveController {
  #unsubscribes: Array<() => void> = [];

  /** `ownStrings`: the element's own table by language, looked up before the shared one. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { strings?: Partial<Strings> },
    private readonly ownStrings: StringTable<Partial<Strings>> = {},
  ) {
    host.addController(this);
  }

  get locale(): string {
    return resolveLocale(this.host);
  }

  /** Bound, so a template can destructure it: `const { t } = this.localize`. */
  readonly t = (key: StringKey, values: Record<string, string | number> = {}): string => {
    const language = languageOf(this.locale);
    const overrides = $stringOverrides.get();
    const own = this.ownStrings;
    const shared = builtInStrings as StringTable<Partial<Strings>>;
    // A host's per-element table is not checked on the way in (setStrings is): only its strings count.
    const mine: unknown = this.host.strings?.[key];
    const template =
      (typeof mine === 'string' ? mine : undefined) ??
      overrides[language]?.[key] ??
      overrides['*']?.[key] ??
      own[language]?.[key] ??
      shared[language]?.[key] ??
      // No strings in this language: English, isolated, so on an Arabic page it still ends with its full stop.
      `\u2068${own.en?.[key] ?? shared.en?.[key] ?? key}\u2069`;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
  };

  /** The last `locale` no browser knows, reported once: a typo should not go unnoticed, nor flood the console. */
  #badLocale?: string;

  hostUpdate(): void {
    const value = localeProperty(this.host) ?? this.host.getAttribute('locale');
    if (!value || canonicalLocale(value) || value === this.#badLocale) return;
    this.#badLocale = value;
    reportAttribute(this.host, 'locale', `a language tag such as de or en-GB, got "${value}"`, "the page's language is used");
  }

  hostConnected(): void {
    const update = () => this.host.requestUpdate();
    // `listen` (unlike `subscribe`) does not call back at once, so connecting costs no extra render.
    this.#unsubscribes = [$locale.listen(update), $stringOverrides.listen(update)];
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.#unsubscribes) unsubscribe();
    this.#unsubscribes = [];
  }
}

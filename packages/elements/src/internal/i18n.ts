import { atom, map } from 'nanostores';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { builtInStrings, en, type StringKey, type Strings } from './strings.js';

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

function pickKnown(strings: Partial<Strings>): Partial<Strings> {
  const known: Partial<Strings> = {};
  for (const key of Object.keys(en) as StringKey[]) {
    if (typeof strings[key] === 'string') known[key] = strings[key];
  }
  return known;
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
    canonicalLocale(element.getAttribute('locale')) ??
    canonicalLocale($locale.get()) ??
    canonicalLocale(element.closest('[lang]')?.getAttribute('lang')) ??
    canonicalLocale(navigator.language) ??
    'en'
  );
}

/**
 * Gives a component `t()` and `locale`, and re-renders it when the host changes locale or strings.
 * Per-instance overrides (`element.strings`) win over page-wide ones.
 */
export class LocalizeController implements ReactiveController {
  private unsubscribes: Array<() => void> = [];

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { strings?: Partial<Strings> }) {
    host.addController(this);
  }

  get locale(): string {
    return resolveLocale(this.host);
  }

  t(key: StringKey, values: Record<string, string | number> = {}): string {
    const language = languageOf(this.locale);
    const overrides = $stringOverrides.get();
    const template =
      this.host.strings?.[key] ?? overrides[language]?.[key] ?? overrides['*']?.[key] ?? (builtInStrings[language] ?? en)[key];
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
  }

  hostConnected(): void {
    const update = () => this.host.requestUpdate();
    // `listen` (unlike `subscribe`) does not call back at once, so connecting costs no extra render.
    this.unsubscribes = [$locale.listen(update), $stringOverrides.listen(update)];
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
  }
}

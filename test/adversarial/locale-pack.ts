/**
 * How a locale pack registers itself (docs/api.md §1 "Locale packs"): the ONE place the suite
 * knows it, so that it can follow the real API. Assumed here: a pack file runs
 * `(window.maCookieConsentLocales ||= []).push(pack)`, `pack` having the built-in locales'
 * shape (locales/types.ts: $code, $name, $dir, the functions $date and $days, $list, and
 * every text).
 */
import fr from '../../locales/fr.js';

export const REGISTRY = 'maCookieConsentLocales';

/** A complete pack: the French texts under another code, with `overrides` applied. */
export function pack(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...fr, $code: 'es', $name: 'Español', $dir: 'ltr', $dateLocale: 'es-ES', ...overrides };
}

/** The source of a pack file registering the pack that `expression` (JavaScript) evaluates to. */
export function packSource(expression: string): string {
  return `(window.${REGISTRY} ||= []).push(${expression});`;
}

/**
 * The source of a pack file registering a JSON-able pack. A pack's `$date` and `$days` are
 * functions, which JSON cannot carry: the file provides them, unless the pack names its own
 * (a hostile pack may give something else than a function).
 */
export const packFile = (value: unknown) =>
  packSource(
    `Object.assign({ $date: (d) => d.toISOString().slice(0, 10), $days: (n) => n + ' días' }, ${JSON.stringify(value)})`,
  );

/** Loads a pack file into a page that is already running, as a late <script> would. */
export function registerPack(win: Window, value: unknown): void {
  const script = win.document.createElement('script');
  script.text = packFile(value);
  win.document.head.append(script);
}

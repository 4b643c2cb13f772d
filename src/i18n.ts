/**
 * Languages: the built-in locales (French and Arabic), locale packs registered at run time,
 * site overrides, `{name}` placeholders, and the bidi isolation that keeps "09-08" from reading
 * "08-09" in Arabic.
 */
import ar from '../locales/ar.js';
import fr from '../locales/fr.js';
import type { TextKey, Translation } from '../locales/types.js';
import type { ConsentConfig } from './config.js';
import { root } from './dom.js';
import { quote, warn } from './warn.js';

const locales = new Map<string, Translation>([
  ['fr', fr],
  ['ar', ar],
]);

export const TEXT_KEYS = Object.keys(fr).filter((key) => key[0] !== '$') as TextKey[];

const listeners = new Set<() => void>();
/** Called whenever a pack is registered, so that what is shown can be re-rendered in place. */
export function onLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const hasLocale = (code: string) => locales.has(code);

/**
 * Registers a locale pack. A pack cannot replace a built-in locale, and must have every text
 * (as a string) and every setting: anything else is refused with a warning.
 */
export function registerLocale(pack: unknown): void {
  const p = pack as Partial<Translation> | null;
  const code = typeof p?.$code === 'string' ? p.$code : '';
  const valid =
    /^[a-z]{2,3}$/.test(code) &&
    code !== 'fr' &&
    code !== 'ar' &&
    typeof p!.$name === 'string' &&
    (p!.$dir === 'ltr' || p!.$dir === 'rtl') &&
    typeof p!.$date === 'function' &&
    typeof p!.$days === 'function' &&
    typeof p!.$list === 'string' &&
    TEXT_KEYS.every((key) => typeof p![key] === 'string');
  if (!valid) return warn('locale-pack', quote(code));
  locales.set(code, { ...(p as Translation) });
  for (const listener of listeners) listener();
}

/**
 * Packs load through a global queue, so that a pack's script may run before or after the
 * bundle: packs already queued are registered now, later ones as they are pushed. The array
 * stays an array, so that a second copy of the component (ESM and script tag on one page)
 * reads the same packs.
 */
declare global {
  interface Window {
    maCookieConsentLocales?: Translation[];
  }
}
const queue = (window.maCookieConsentLocales = Array.isArray(window.maCookieConsentLocales)
  ? window.maCookieConsentLocales
  : []);
queue.forEach(registerLocale);
const push = queue.push;
queue.push = (...packs: Translation[]) => {
  packs.forEach(registerLocale);
  return push.apply(queue, packs);
};

/** The primary subtag of a language tag (`ar-MA` → `ar`). */
export const primary = (tag: string | null | undefined) => (tag ?? '').trim().toLowerCase().split('-')[0];

/** The language shown: the requested one if loaded, else the page's, else French. */
export function resolveLang(requested: string): string {
  const asked = primary(requested);
  if (asked) return locales.has(asked) ? asked : 'fr';
  const page = primary(root().lang);
  return locales.has(page) ? page : 'fr';
}

const merged = new WeakMap<object, [Translation, Translation]>();

/**
 * The locale's texts with the site's overrides for that language applied: the same object for
 * the same locale and overrides, so that what follows the texts re-renders only when they change.
 */
export function translation(lang: string, config?: ConsentConfig): Translation {
  const base = locales.get(lang) ?? fr;
  const overrides = config?.texts?.[lang];
  if (!overrides) return base;
  const known = merged.get(overrides);
  if (known?.[0] === base) return known[1];
  const t = { ...base, ...overrides };
  merged.set(overrides, [base, t]);
  return t;
}

/** Fills `{name}` placeholders; unknown ones are left visible rather than silently dropped. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );

/**
 * Runs of Latin script (accented letters included: "Vidéos intégrées", "d'État"), URLs and
 * numbers joined by separators, found inside right-to-left text. A run must start and end on a
 * letter or digit so that sentence punctuation stays Arabic.
 */
const LTR_RUN =
  /[\p{Script=Latin}\d](?:[\p{Script=Latin}\d_.\-/:@#?=&%+~'’]*[\p{Script=Latin}\d/_])?(?:[ \u00a0]+[\p{Script=Latin}\d](?:[\p{Script=Latin}\d_.\-/:@#?=&%+~'’]*[\p{Script=Latin}\d/_])?)*/gu;

/**
 * Splits right-to-left text so that each Latin fragment or hyphenated number is isolated: odd
 * indexes are left-to-right runs. Plain numbers read correctly and are left alone; digit groups
 * split by spaces ("10 000") or hyphens ("09-08") are not.
 */
export function bidiSegments(text: string, dir: 'ltr' | 'rtl'): string[] {
  if (dir === 'ltr') return [text];
  const segments: string[] = [];
  let last = 0;
  for (const { 0: run, index = 0 } of text.matchAll(LTR_RUN)) {
    if (/^\d+$/.test(run)) continue;
    segments.push(text.slice(last, index), run);
    last = index + run.length;
  }
  segments.push(text.slice(last));
  return segments;
}

/** A category's label or description, from the site's configuration or the locale. */
export interface CategoryText {
  text: string;
  /** The language of the text: a site text missing in this language falls back to French. */
  lang: string;
}

export function categoryText(
  name: string,
  field: 'label' | 'description',
  t: Translation,
  config: ConsentConfig | undefined,
): CategoryText {
  const own = config?.categories?.[name]?.[field];
  const builtIn = name === 'analytics' ? t[field === 'label' ? 'analyticsLabel' : 'analyticsDescription'] : undefined;
  if (own?.[t.$code] !== undefined) return { text: own[t.$code], lang: t.$code };
  if (builtIn !== undefined) return { text: builtIn, lang: t.$code };
  if (own?.fr !== undefined) return { text: own.fr, lang: 'fr' };
  return { text: field === 'label' ? name : '', lang: t.$code };
}

/**
 * Language resolution and text lookup: bundled locales, site overrides, placeholders, dates,
 * and the bidi isolation that keeps "09-08" from reading "08-09" in Arabic.
 */
import { locales, type Translation } from '../locales/index.js';
import type { ConsentConfig, TextKey } from './config.js';

export const TEXT_KEYS = Object.keys(locales.fr).filter((key) => !key.startsWith('$')) as TextKey[];

/** The locale's texts with the site's overrides for that language applied. */
export function translation(lang: string, config: ConsentConfig | undefined): Translation {
  const base = locales[lang] ?? locales.fr;
  const overrides = config?.texts?.[lang];
  return overrides ? { ...base, ...overrides } : base;
}

/** Fills `{name}` placeholders; unknown ones are left visible rather than silently dropped. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/**
 * Runs of Latin script, URLs and numbers joined by separators, found inside right-to-left text.
 * A run must start and end on a letter or digit so that sentence punctuation stays Arabic.
 */
const LTR_RUN =
  /[A-Za-z0-9](?:[\w.\-/:@#?=&%+~]*[A-Za-z0-9/_])?(?:[ \u00a0]+[A-Za-z0-9](?:[\w.\-/:@#?=&%+~]*[A-Za-z0-9/_])?)*/g;

export interface Segment {
  text: string;
  /** True for a run to render isolated, left to right (`<bdi dir="ltr">`). */
  ltr: boolean;
}

/**
 * Splits right-to-left text so that each Latin fragment or hyphenated number can be isolated.
 * Plain numbers need no isolation (they already read correctly), so they are left alone.
 */
export function bidiSegments(text: string, dir: 'ltr' | 'rtl'): Segment[] {
  if (dir === 'ltr') return [{ text, ltr: false }];
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(LTR_RUN)) {
    const run = match[0];
    // Plain numbers read correctly; digit groups split by spaces ("10 000") do not.
    if (/^\d+$/.test(run)) continue;
    const start = match.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start), ltr: false });
    segments.push({ text: run, ltr: true });
    last = start + run.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), ltr: false });
  return segments;
}

/** A long date in the locale's conventions, always with Western digits (as used in Morocco). */
export function formatDate(iso: string, dateLocale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return dateFormat(dateLocale).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * Creating a formatter loads the locale's data, which can take tens of milliseconds on a slow
 * phone: it is done once per locale, ideally ahead of time (see `prepareDateFormat`).
 */
function dateFormat(dateLocale: string): Intl.DateTimeFormat {
  let format = formats.get(dateLocale);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale, { dateStyle: 'long', numberingSystem: 'latn' });
    formats.set(dateLocale, format);
  }
  return format;
}

/** Prepares the formatter while the browser is idle, so that no click has to wait for it. */
export function prepareDateFormat(dateLocale: string): void {
  if (formats.has(dateLocale)) return;
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback;
  const later = idle ? (callback: () => void) => idle(callback) : (callback: () => void) => setTimeout(callback, 300);
  later(() => {
    try {
      dateFormat(dateLocale);
    } catch {
      // an unknown locale: formatDate falls back to ISO dates
    }
  });
}

/** Label and description of a category, from the site's configuration or the locale. */
export function categoryText(
  name: string,
  t: Translation,
  config: ConsentConfig | undefined,
): { label: string; description: string; labelLang: string; descriptionLang: string } {
  const own = config?.categories?.[name];
  const builtIn = name === 'analytics' ? { label: t.analyticsLabel, description: t.analyticsDescription } : undefined;
  // A site text missing in this language falls back to French, and says so (WCAG 3.1.2).
  const pick = (texts: Record<string, string> | undefined, fallback: string | undefined, last: string) =>
    texts?.[t.$code] !== undefined
      ? { text: texts[t.$code], lang: t.$code }
      : fallback !== undefined
        ? { text: fallback, lang: t.$code }
        : texts?.fr !== undefined
          ? { text: texts.fr, lang: 'fr' }
          : { text: last, lang: t.$code };
  const label = pick(own?.label, builtIn?.label, name);
  const description = pick(own?.description, builtIn?.description, '');
  return { label: label.text, description: description.text, labelLang: label.lang, descriptionLang: description.lang };
}

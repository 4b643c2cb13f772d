/**
 * Attribute converters: each turns an attribute's text into the value the component uses, or,
 * when the text is invalid, into the default, with one warning that quotes the attribute and the
 * value (docs/warnings.md#attribute). Removing an attribute gives the default back.
 *
 * Lit does not tell a converter which attribute it converts: the element reports the name of
 * the attribute being converted (`converting`) just before Lit calls the converter.
 */
import type { ComplexAttributeConverter } from 'lit';
import { quote, warn } from './warn.js';

export let converting = '';
export const setConverting = (name: string) => (converting = name);

export const DEFAULT_EXPIRES_DAYS = 182;
export const MAX_EXPIRES_DAYS = 395;

/** A converter from a parser: `undefined` from the parser means invalid. */
function converter<T>(fallback: T, parse: (value: string) => T | undefined): ComplexAttributeConverter<T> {
  return {
    fromAttribute(value: string | null): T {
      if (value === null) return fallback;
      const parsed = parse(value.trim());
      if (parsed !== undefined) return parsed;
      warn('attribute', `${converting}=${quote(value)}`);
      return fallback;
    },
  };
}

/** Only http(s) and relative URLs: a `javascript:` policy link would run code on click. */
export function safeUrl(value: string): string | null | undefined {
  if (!value) return null;
  try {
    return /^https?:$/.test(new URL(value, document.baseURI).protocol) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A receipt endpoint must not leak a choice in clear text or to an unknown origin. */
export function safeEndpoint(value: string): string | null | undefined {
  if (!value) return null;
  try {
    const url = new URL(value, location.href);
    return url.origin === location.origin || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const NAME = /^[A-Za-z][\w-]{0,31}$/;

/** Space-separated names, each matching `valid`, without repeats; invalid ones are dropped (and warned about). */
const list = (fallback: string[], valid: (name: string) => boolean, normalize = (s: string) => s) =>
  converter<string[]>(fallback, (value) => {
    const listed = value.split(/\s+/).filter(Boolean).map(normalize);
    const kept = [...new Set(listed.filter(valid))];
    if (kept.length === listed.length && kept.length) return kept;
    // Keep what is valid, but still warn: a typo must not pass in silence.
    warn('attribute', `${converting}=${quote(value)}`);
    return kept.length ? kept : fallback;
  });

export const categories = list(['analytics'], (c) => NAME.test(c) && c !== 'necessary');
/** Language codes; whether a pack for each is loaded is checked once the page is parsed. */
export const languages = list(
  ['fr', 'ar'],
  (c) => /^[a-z]{2,3}$/.test(c),
  (c) => c.toLowerCase().split('-')[0],
);

export const url = converter<string | null>(null, safeUrl);
export const endpoint = converter<string | null>(null, safeEndpoint);
export const revision = converter('1', (v) => (/^[\w.-]{1,32}$/.test(v) ? v : undefined));
export const cookieName = converter('ma_cookie_consent', (v) => (/^[\w!#$&'*+.^`|~-]{1,64}$/.test(v) ? v : undefined));
export const cookiePath = converter('/', (v) => (/^\/[^\s;,]{0,255}$/.test(v) ? v : undefined));

/** This host or one of its parent domains (the browser refuses any other). Empty: host-only. */
export const cookieDomain = converter<string | null>(null, (value) => {
  const domain = value.toLowerCase();
  const bare = domain.replace(/^\./, '');
  const host = location.hostname;
  if (!value) return null;
  return /^[a-z0-9.-]+$/.test(bare) && (host === bare || host.endsWith(`.${bare}`)) ? domain : undefined;
});

/** Days, clamped to 1…395 (13 months) with a warning. */
export const expiresDays = converter(DEFAULT_EXPIRES_DAYS, (value) => {
  if (!/^\d{1,6}$/.test(value)) return undefined;
  const days = Math.min(MAX_EXPIRES_DAYS, Math.max(1, Number(value)));
  return days === Number(value) ? days : (warn('attribute', `${converting}=${quote(value)} → ${days}`), days);
});

/** Enumerated attributes are case-insensitive in HTML: "Bottom" means bottom. */
const oneOf = <T extends string>(...values: T[]) =>
  converter<T>(values[0], (v) => values.find((allowed) => allowed === v.toLowerCase()));

export const position = oneOf('top', 'bottom');
export const theme = oneOf('auto', 'light', 'dark');

/**
 * A boolean attribute is on when present, whatever its value: `hide-manage-button="false"`
 * turns it on, which surprises; say so.
 */
export const flag: ComplexAttributeConverter<boolean> = {
  fromAttribute(value: string | null): boolean {
    if (value !== null && /^\s*(?:false|no|off|0)\s*$/i.test(value))
      warn('boolean-attribute', `${converting}=${quote(value)}`);
    return value !== null;
  },
};

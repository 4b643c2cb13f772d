/**
 * Attribute values (CONTRACT §2) turned into the settings the component uses. Every invalid
 * value falls back to its default and is reported, so the page author can fix it.
 */
import { locales } from '../locales/index.js';

export type Position = 'top' | 'bottom';
export type Theme = 'light' | 'dark' | 'auto';

export interface RawAttributes {
  lang?: string | null;
  languages?: string | null;
  policyUrl?: string | null;
  categories?: string | null;
  revision?: string | null;
  cookieName?: string | null;
  cookieDomain?: string | null;
  cookiePath?: string | null;
  expiresDays?: string | null;
  position?: string | null;
  theme?: string | null;
  logEndpoint?: string | null;
}

export interface Options {
  lang: string;
  languages: string[];
  policyUrl: string | null;
  categories: string[];
  revision: string;
  cookieName: string;
  cookieDomain: string | undefined;
  cookiePath: string;
  expiresDays: number;
  position: Position;
  theme: Theme;
  logEndpoint: string | null;
}

export const DEFAULT_EXPIRES_DAYS = 182;
export const MAX_EXPIRES_DAYS = 395;

const isSet = (value: string | null | undefined): value is string => value != null;

export function isSupportedLang(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(locales, code);
}

/** The page's language (`<html lang>`), reduced to a supported primary subtag, else French. */
export function pageLang(doc: Document = document): string {
  const primary = (doc.documentElement.getAttribute('lang') ?? '').trim().toLowerCase().split('-')[0];
  return isSupportedLang(primary) ? primary : 'fr';
}

/** Only http(s) and relative URLs: a `javascript:` policy link would run code on click. */
export function safeUrl(value: string, base: string = document.baseURI): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : null;
  } catch {
    return null;
  }
}

/** A receipt endpoint must not leak a choice in clear text or to an unknown scheme. */
export function safeEndpoint(value: string, here: Location = location): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, here.href);
    if (url.origin === here.origin || url.protocol === 'https:') return url.href;
  } catch {
    // fall through
  }
  return null;
}

/** A value quoted in a warning: short, on one line, so a hostile value cannot flood the console. */
export function quote(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 60)}…` : flat);
}

/** HTML boolean attributes are on when present, whatever their value: say so when that surprises. */
export const BOOLEAN_ATTRIBUTES = ['hide-manage-button', 'reload-on-revoke', 'ignore-gpc'] as const;

export function booleanWarnings(host: Element): string[] {
  const warnings: string[] = [];
  for (const name of BOOLEAN_ATTRIBUTES) {
    const value = host.getAttribute(name);
    if (value !== null && /^\s*(false|no|off|0)\s*$/i.test(value)) {
      warnings.push(
        `${name}=${quote(value)} turns the option ON: a boolean attribute counts when present, whatever its value. Remove the attribute to turn it off.`,
      );
    }
  }
  return warnings;
}

export function resolveOptions(raw: RawAttributes, doc: Document = document): { options: Options; warnings: string[] } {
  const warnings: string[] = [];
  const bad = (attribute: string, value: string, fallback: string) =>
    warnings.push(`Invalid ${attribute}=${quote(value)}; using ${fallback}.`);

  let lang = pageLang(doc);
  if (isSet(raw.lang) && raw.lang.trim() !== '') {
    const code = raw.lang.trim().toLowerCase().split('-')[0];
    if (isSupportedLang(code)) lang = code;
    else bad('lang', raw.lang, `"${lang}" (supported: ${Object.keys(locales).join(', ')})`);
  }

  let languages = ['fr', 'ar'];
  if (isSet(raw.languages)) {
    const listed = raw.languages.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const known = [...new Set(listed.filter(isSupportedLang))];
    if (!known.length || known.length !== listed.length)
      bad('languages', raw.languages, known.length ? `"${known.join(' ')}"` : '"fr ar"');
    if (known.length) languages = known;
  }

  let policyUrl: string | null = null;
  if (isSet(raw.policyUrl) && raw.policyUrl.trim() !== '') {
    policyUrl = safeUrl(raw.policyUrl, doc.baseURI);
    if (!policyUrl) bad('policy-url', raw.policyUrl, 'no link (only http:, https: and relative URLs are allowed)');
  }

  let categories = ['analytics'];
  if (isSet(raw.categories)) {
    const listed = raw.categories.trim().split(/\s+/).filter(Boolean);
    const valid = [...new Set(listed.filter((c) => /^[A-Za-z][\w-]{0,31}$/.test(c) && c !== 'necessary'))];
    if (valid.length !== listed.length || !valid.length) {
      bad('categories', raw.categories, valid.length ? `"${valid.join(' ')}"` : '"analytics"');
    }
    if (valid.length) categories = valid;
  }

  let revision = '1';
  if (isSet(raw.revision)) {
    const value = raw.revision.trim();
    if (/^[\w.-]{1,32}$/.test(value)) revision = value;
    else bad('revision', raw.revision, '"1"');
  }

  let cookieName = 'ma_cookie_consent';
  if (isSet(raw.cookieName)) {
    if (/^[A-Za-z0-9!#$&'*+.^_`|~-]{1,64}$/.test(raw.cookieName)) cookieName = raw.cookieName;
    else bad('cookie-name', raw.cookieName, '"ma_cookie_consent"');
  }

  let cookieDomain: string | undefined;
  if (isSet(raw.cookieDomain) && raw.cookieDomain.trim() !== '') {
    const domain = raw.cookieDomain.trim().toLowerCase();
    const bare = domain.replace(/^\./, '');
    const host = doc.location?.hostname ?? '';
    if (/^[a-z0-9.-]+$/.test(bare) && (host === bare || host.endsWith(`.${bare}`))) cookieDomain = domain;
    else
      bad('cookie-domain', raw.cookieDomain, `a host-only cookie (it must be "${host}" or one of its parent domains)`);
  }

  let cookiePath = '/';
  if (isSet(raw.cookiePath)) {
    if (/^\/[^\s;,]{0,255}$/.test(raw.cookiePath)) cookiePath = raw.cookiePath;
    else bad('cookie-path', raw.cookiePath, '"/"');
  }

  let expiresDays = DEFAULT_EXPIRES_DAYS;
  if (isSet(raw.expiresDays)) {
    const value = raw.expiresDays.trim();
    const days = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    if (Number.isNaN(days)) bad('expires-days', raw.expiresDays, String(DEFAULT_EXPIRES_DAYS));
    else {
      expiresDays = Math.min(MAX_EXPIRES_DAYS, Math.max(1, days));
      if (expiresDays !== days)
        bad('expires-days', raw.expiresDays, `${expiresDays} (allowed: 1 to ${MAX_EXPIRES_DAYS})`);
    }
  }

  // Enumerated attributes are case-insensitive in HTML: "Bottom" means bottom.
  let position: Position = 'top';
  if (isSet(raw.position)) {
    const value = raw.position.trim().toLowerCase();
    if (value === 'top' || value === 'bottom') position = value;
    else bad('position', raw.position, '"top"');
  }

  let theme: Theme = 'auto';
  if (isSet(raw.theme)) {
    const value = raw.theme.trim().toLowerCase();
    if (value === 'light' || value === 'dark' || value === 'auto') theme = value;
    else bad('theme', raw.theme, '"auto"');
  }

  let logEndpoint: string | null = null;
  if (isSet(raw.logEndpoint) && raw.logEndpoint.trim() !== '') {
    logEndpoint = safeEndpoint(raw.logEndpoint, doc.location ?? location);
    if (!logEndpoint) bad('log-endpoint', raw.logEndpoint, 'no receipts (it must be same-origin or https)');
  }

  return {
    options: {
      lang,
      languages,
      policyUrl,
      categories,
      revision,
      cookieName,
      cookieDomain,
      cookiePath,
      expiresDays,
      position,
      theme,
      logEndpoint,
    },
    warnings,
  };
}

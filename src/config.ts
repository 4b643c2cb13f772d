/**
 * The structured configuration (docs/api.md "Configuration"): text overrides and category
 * definitions, from the child JSON block or the `config` property. Anything malformed is
 * dropped with a warning; what is kept lives in objects without a prototype, so that no key a
 * page controls ("__proto__", "constructor", a polluted `Object.prototype`) is ever read as data.
 */
import type { TextKey } from '../locales/types.js';
import { TEXT_KEYS } from './i18n.js';
import { field, isObject } from './objects.js';
import { quote, warn } from './warn.js';

export type LocalizedText = Record<string, string>;

export interface CategoryConfig {
  label?: LocalizedText;
  description?: LocalizedText;
  /** Cookie names (or `*` patterns) deleted when the category is withdrawn. */
  cookies?: string[];
}

export interface ConsentConfig {
  texts?: Record<string, Partial<Record<TextKey, string>>>;
  categories?: Record<string, CategoryConfig>;
}

const MAX_TEXT = 2000;

const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
/** A language code a text may be given in (a pack for it may load later). */
const isLanguage = (code: string) => /^[a-z]{2,3}$/.test(code);
const ignored = (path: string) => warn('config', path);

/** Cookie names or `*` patterns; a pattern of wildcards only would delete every cookie of the site. */
const cookiePatterns = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((c) => typeof c === 'string' && /^[^\s;,=]+$/.test(c) && /[^*]/.test(c));

function localized(value: unknown, path: string): LocalizedText | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return void ignored(path);
  const out = dict<string>();
  for (const [lang, text] of Object.entries(value)) {
    if (isLanguage(lang) && typeof text === 'string' && text.length <= MAX_TEXT) out[lang] = text;
    else ignored(`${path}.${quote(lang)}`);
  }
  return out;
}

/** Validates a configuration object, keeping every part that is well formed. */
export function normalizeConfig(raw: unknown): ConsentConfig {
  const config: ConsentConfig = {};
  if (raw == null) return config;
  if (!isObject(raw)) return (ignored(typeof raw === 'string' ? 'a string (JSON.parse it)' : 'not an object'), config);
  for (const key of Object.keys(raw)) if (key !== 'texts' && key !== 'categories') ignored(quote(key));
  const texts = field(raw, 'texts');
  const categories = field(raw, 'categories');
  if (texts !== undefined) {
    if (!isObject(texts)) ignored('texts');
    else {
      config.texts = dict();
      for (const [lang, values] of Object.entries(texts)) {
        if (!isLanguage(lang) || !isObject(values)) {
          ignored(`texts.${quote(lang)}`);
          continue;
        }
        const kept = dict<string>();
        for (const [key, text] of Object.entries(values)) {
          if (TEXT_KEYS.includes(key as TextKey) && typeof text === 'string' && text.length <= MAX_TEXT)
            kept[key] = text;
          else ignored(`texts.${lang}.${quote(key)}`);
        }
        config.texts[lang] = kept;
      }
    }
  }
  if (categories !== undefined) {
    if (!isObject(categories)) ignored('categories');
    else {
      config.categories = dict();
      for (const [name, value] of Object.entries(categories)) {
        const path = `categories.${quote(name)}`;
        if (name === 'necessary' || !/^[A-Za-z][\w-]{0,31}$/.test(name) || !isObject(value)) {
          ignored(path);
          continue;
        }
        const category: CategoryConfig = {};
        for (const key of Object.keys(value))
          if (key !== 'label' && key !== 'description' && key !== 'cookies') ignored(`${path}.${quote(key)}`);
        const label = localized(field(value, 'label'), `${path}.label`);
        const description = localized(field(value, 'description'), `${path}.description`);
        const cookies = field(value, 'cookies');
        if (label) category.label = label;
        if (description) category.description = description;
        if (cookies !== undefined) {
          if (cookiePatterns(cookies)) category.cookies = cookies;
          else ignored(`${path}.cookies`);
        }
        config.categories[name] = category;
      }
    }
  }
  return config;
}

/** Reads the `<script type="application/json">` child block, if any. */
export function readConfigBlock(host: Element): ConsentConfig | undefined {
  for (const child of Array.from(host.children)) {
    if (child.localName !== 'script' || (child.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/json')
      continue;
    const source = (child.textContent ?? '').trim();
    if (!source) return {};
    try {
      return normalizeConfig(JSON.parse(source));
    } catch (error) {
      warn('config-json', (error as Error).message);
      return {};
    }
  }
  return undefined;
}

/**
 * The structured configuration (CONTRACT §2): text overrides and category definitions, from
 * the child JSON block or the `config` property. Anything malformed is dropped with a warning.
 */
import { locales } from '../locales/index.js';
import type { Translation } from '../locales/types.js';
import { warn } from './log.js';

export type TextKey = Exclude<keyof Translation, `$${string}`>;
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isLanguage = (code: string) => Object.prototype.hasOwnProperty.call(locales, code);

/**
 * Names a configuration may use as keys. JSON can carry "__proto__" or "constructor", which as
 * keys of a plain object would change its prototype instead of adding an entry.
 */
function safeKey(key: string): boolean {
  return key !== '__proto__' && key !== 'constructor' && key !== 'prototype';
}

/** Cookie names or `*` patterns; a pattern of wildcards only would delete every cookie of the site. */
function cookiePatterns(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((c) => typeof c === 'string' && /^[^\s;,=]+$/.test(c) && /[^*]/.test(c));
}

function localized(value: unknown, where: string): LocalizedText | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    warn(`config: ${where} must be an object of texts by language, like {"fr": "…", "ar": "…"}; it is ignored.`);
    return undefined;
  }
  const out: LocalizedText = {};
  for (const [lang, text] of Object.entries(value)) {
    if (!isLanguage(lang))
      warn(
        `config: ${where}.${JSON.stringify(lang)} is not a supported language (${Object.keys(locales).join(', ')}); it is ignored.`,
      );
    else if (typeof text === 'string' && text.length <= MAX_TEXT) out[lang] = text;
    else warn(`config: ${where}.${lang} must be a string of at most ${MAX_TEXT} characters; it is ignored.`);
  }
  return out;
}

/** Validates a configuration object; `textKeys` are the keys a text override may name. */
export function normalizeConfig(raw: unknown, textKeys: readonly string[]): ConsentConfig {
  if (raw == null) return {};
  if (!isObject(raw)) {
    warn(
      typeof raw === 'string'
        ? 'config must be an object, not a string of JSON (JSON.parse it first, or use the JSON block); it is ignored.'
        : 'config must be a JSON object; it is ignored.',
    );
    return {};
  }
  const config: ConsentConfig = {};
  for (const key of Object.keys(raw)) {
    if (key !== 'texts' && key !== 'categories') warn(`config: unknown key "${key}" is ignored.`);
  }
  if (raw.texts !== undefined) {
    if (!isObject(raw.texts)) warn('config: "texts" must be an object by language; it is ignored.');
    else {
      config.texts = {};
      for (const [lang, texts] of Object.entries(raw.texts)) {
        if (!isLanguage(lang)) {
          warn(
            `config: texts.${JSON.stringify(lang)} is not a supported language (${Object.keys(locales).join(', ')}); it is ignored.`,
          );
          continue;
        }
        if (!isObject(texts)) {
          warn(`config: texts.${lang} must be an object; it is ignored.`);
          continue;
        }
        const kept: Partial<Record<TextKey, string>> = {};
        for (const [key, text] of Object.entries(texts)) {
          if (!textKeys.includes(key)) warn(`config: texts.${lang}.${key} is not a known text; it is ignored.`);
          else if (typeof text !== 'string' || text.length > MAX_TEXT)
            warn(`config: texts.${lang}.${key} must be a string; it is ignored.`);
          else kept[key as TextKey] = text;
        }
        config.texts[lang] = kept;
      }
    }
  }
  if (raw.categories !== undefined) {
    if (!isObject(raw.categories)) warn('config: "categories" must be an object by category name; it is ignored.');
    else {
      config.categories = {};
      for (const [name, value] of Object.entries(raw.categories)) {
        if (!safeKey(name) || name === 'necessary') {
          warn(
            `config: categories.${JSON.stringify(name)} cannot be configured${name === 'necessary' ? ' (its texts are texts.*.necessaryLabel and necessaryDescription)' : ''}; it is ignored.`,
          );
          continue;
        }
        if (!isObject(value)) {
          warn(`config: categories.${name} must be an object; it is ignored.`);
          continue;
        }
        for (const key of Object.keys(value)) {
          if (key !== 'label' && key !== 'description' && key !== 'cookies')
            warn(`config: categories.${name}: unknown key "${key}" is ignored (known: label, description, cookies).`);
        }
        const category: CategoryConfig = {};
        const label = localized(value.label, `categories.${name}.label`);
        const description = localized(value.description, `categories.${name}.description`);
        if (label) category.label = label;
        if (description) category.description = description;
        if (value.cookies !== undefined) {
          if (cookiePatterns(value.cookies)) category.cookies = value.cookies;
          else
            warn(
              `config: categories.${name}.cookies must be an array of cookie names or patterns like "_hj*" (not "*" alone); it is ignored.`,
            );
        }
        config.categories[name] = category;
      }
    }
  }
  return config;
}

/** Reads the `<script type="application/json">` child block, if any. */
export function readConfigBlock(host: Element, textKeys: readonly string[]): ConsentConfig | undefined {
  const block = Array.from(host.children).find(
    (child) => child instanceof HTMLScriptElement && child.type.trim().toLowerCase() === 'application/json',
  ) as HTMLScriptElement | undefined;
  if (!block) return undefined;
  const source = block.text.trim();
  if (!source) return {};
  try {
    return normalizeConfig(JSON.parse(source), textKeys);
  } catch (error) {
    warn(
      `The configuration block is not valid JSON (${(error as Error).message}); built-in texts and categories are used.`,
    );
    return {};
  }
}

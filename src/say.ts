/** Texts into templates: always as text (never HTML), with Latin fragments isolated in right-to-left languages. */
import { html, type TemplateResult } from 'lit';
import type { Translation } from '../locales/types.js';
import { bidiSegments, translation } from './i18n.js';

export function say(text: string, t: Translation): TemplateResult | string {
  const segments = bidiSegments(text, t.$dir);
  if (segments.length > 1)
    return html`${segments.map((s, i) => (i % 2 ? html`<bdi dir="ltr" class=${nowrap(s)}>${s}</bdi>` : s))}`;
  // Left to right, a hyphenated name or number is not broken at its hyphen either.
  const words = text.split(HYPHENATED);
  return words.length < 2
    ? text
    : html`${words.map((s, i) => (i % 2 && nowrap(s) ? html`<span class="nw">${s}</span>` : s))}`;
}

/**
 * "E-ARTISANAT", "09-08", "peut-être": odd items of a split. A match starts at the start of a
 * word only, so that a long text (a title of a megabyte) is scanned in linear time.
 */
const HYPHENATED = /(?<![\p{L}\d])([\p{L}\d]+(?:-[\p{L}\d]+)+)/u;

/** A short run without spaces is kept on one line (a long URL may still wrap where it can). */
const nowrap = (run: string) => (/^\S{1,32}$/.test(run) ? 'nw' : '');

/** A site text in another language than the interface's (a French fallback): marked so (WCAG 3.1.2). */
export function sayIn(text: string, lang: string, t: Translation): TemplateResult | string {
  if (lang === t.$code) return say(text, t);
  const other = translation(lang);
  return html`<span lang=${lang} dir=${other.$dir}>${say(text, other)}</span>`;
}

/**
 * Every warning a page author can act on goes through here. A warning is short even in the
 * production bundle: a stable code, the offending value, and where the code is explained
 * (docs/warnings.md, shipped in the package, has one section per code with the fix).
 */
export type WarningCode =
  | 'attribute'
  | 'boolean-attribute'
  | 'language'
  | 'locale-pack'
  | 'config'
  | 'config-json'
  | 'define'
  | 'second-element'
  | 'set-consent'
  | 'dialog'
  | 'render'
  | 'cookie-invalid'
  | 'cookie-duplicate'
  | 'cookie-blocked'
  | 'cookie-path'
  | 'script-type'
  | 'script-timeout'
  | 'nonce'
  | 'iframe-src'
  | 'iframe-data-src'
  | 'element'
  | 'category'
  | 'activation'
  | 'same-content'
  | 'trusted-types'
  | 'open-trigger'
  | 'integration'
  | 'receipt';

/**
 * At most this many warnings of one code in one task: a page (or a configuration) with 10,000
 * mistakes must not flood the console, nor slow the page down by writing to it.
 */
const MAX_PER_CODE = 10;
const counts = new Map<WarningCode, number>();

/** Forgets the counts (tests that check many warnings in one task). */
export const resetWarnings = () => counts.clear();

export function warn(code: WarningCode, detail = '', ...more: unknown[]): void {
  if (!counts.size) setTimeout(() => counts.clear());
  const count = (counts.get(code) ?? 0) + 1;
  counts.set(code, count);
  if (count > MAX_PER_CODE + 1) return;
  if (count > MAX_PER_CODE) detail = '… (more of these are not shown)';
  console.warn(`[ma-cookie-consent] ${code}: ${detail} (docs/warnings.md#${code})`, ...more);
}

/** A value quoted in a warning: short and on one line, so a hostile value cannot flood the console. */
export function quote(value: unknown): string {
  const flat = String(value).replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 60)}…` : flat);
}

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
  | 'second-element'
  | 'set-consent'
  | 'dialog'
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
  | 'trusted-types'
  | 'open-trigger'
  | 'integration'
  | 'receipt';

export function warn(code: WarningCode, detail = '', ...more: unknown[]): void {
  console.warn(`[ma-cookie-consent] ${code}: ${detail} (docs/warnings.md#${code})`, ...more);
}

/** A value quoted in a warning: short and on one line, so a hostile value cannot flood the console. */
export function quote(value: unknown): string {
  const flat = String(value).replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 60)}…` : flat);
}

import { MaCookieConsent } from './ma-cookie-consent.js';

/**
 * Registers `<ma-cookie-consent>` unless something already did: the script may be loaded twice,
 * or the ESM build and the script tag may share a page.
 */
export function define(): void {
  if (!customElements.get('ma-cookie-consent')) customElements.define('ma-cookie-consent', MaCookieConsent);
}

define();

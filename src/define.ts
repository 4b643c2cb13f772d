/**
 * Registers the elements unless something already did (the script may be loaded twice, or the
 * ESM build and the script tag may share a page), and gives the page's consent its placeholders.
 */
import { core } from './consent-core.js';
import { frameHooks } from './frames.js';
import { MaConsentPlaceholder } from './ma-consent-placeholder.js';
import { MaCookieConsent } from './ma-cookie-consent.js';

core.frames = frameHooks;
for (const [tag, element] of [
  ['ma-cookie-consent', MaCookieConsent],
  ['ma-consent-placeholder', MaConsentPlaceholder],
] as const) {
  try {
    if (!customElements.get(tag)) customElements.define(tag, element);
  } catch {
    // A page that redefines customElements.define, or a name taken by another copy in the
    // same instant: nothing of ours runs, so nothing is granted.
  }
}

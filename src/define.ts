/**
 * Registers the elements unless a copy of ours already did (the script may be loaded twice, or
 * the ESM build and the script tag may share a page), and gives the page's consent its
 * placeholders. A name taken by something else, or a registry that refuses, is said: nothing of
 * ours runs then, so nothing is granted.
 */
import { core } from './consent-core.js';
import { frameHooks } from './frames.js';
import { MaConsentPlaceholder } from './ma-consent-placeholder.js';
import { MaCookieConsent } from './ma-cookie-consent.js';
import { warn } from './warn.js';

/** Marks our classes, whichever copy of the code defined them. */
const OURS = Symbol.for('ma-cookie-consent.element');

core.frames = frameHooks;
// The placeholder first: defining the element upgrades one already in the page, which may put
// placeholders in the page at once; they must be upgraded as they are created.
for (const [tag, element] of [
  ['ma-consent-placeholder', MaConsentPlaceholder],
  ['ma-cookie-consent', MaCookieConsent],
] as const) {
  try {
    (element as unknown as Record<symbol, boolean>)[OURS] = true;
    const defined = customElements.get(tag) as unknown as Record<symbol, boolean> | undefined;
    if (!defined) customElements.define(tag, element);
    else if (!defined[OURS]) warn('define', tag);
  } catch (error) {
    warn('define', tag, error);
  }
}

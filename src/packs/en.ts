/**
 * The English locale pack. As a script (dist/locales/en.min.js) or an ES module
 * (`import 'ma-cookie-consent/locales/en.js'`), it registers English whether it loads before or
 * after the component: packs go through a global queue that the component reads (src/i18n.ts).
 */
import en from '../../locales/en.js';

(window.maCookieConsentLocales ??= []).push(en);

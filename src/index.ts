/**
 * The package entry: `import 'ma-cookie-consent'` registers `<ma-cookie-consent>` and
 * `<ma-consent-placeholder>`.
 */
import './define.js';

export { MaCookieConsent } from './ma-cookie-consent.js';
export { MaConsentPlaceholder } from './ma-consent-placeholder.js';
export type { Consent, ConsentChangeDetail, ConsentChangeEvent, ConsentReadyEvent, ConsentSource } from './events.js';
export type { ConsentConfig, CategoryConfig } from './config.js';
export type { Translation } from '../locales/types.js';

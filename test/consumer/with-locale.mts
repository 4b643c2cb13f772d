// English is a locale pack (docs/api.md §1): importing it registers it, and a bundler that honours
// `sideEffects` must keep this bare import.
import 'ma-cookie-consent';
import 'ma-cookie-consent/locales/en.js';

// The named export is the class the bare import registers (one class, not two copies).
import { MaCookieConsent } from 'ma-cookie-consent';

declare global {
  interface Window {
    exportedClass?: typeof MaCookieConsent;
  }
}

window.exportedClass = MaCookieConsent;

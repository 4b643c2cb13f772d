/**
 * Telling other tools about a decision: Google Consent Mode v2, Matomo, and the site's own
 * proof-of-consent endpoint. Each is used only when the page has it.
 */
import { quote, warn } from './warn.js';

type Categories = Record<string, boolean>;
type ConsentState = 'granted' | 'denied';

interface CommandQueue {
  push(...items: unknown[]): unknown;
}

interface AnalyticsWindow {
  gtag?: (...args: unknown[]) => void;
  dataLayer?: unknown[];
  _paq?: CommandQueue;
}

const page = (): AnalyticsWindow => window as unknown as AnalyticsWindow;

/** Whether the page uses Google's tag (gtag.js or Tag Manager). */
export function hasGoogleTag(): boolean {
  const w = page();
  return typeof w.gtag === 'function' || Array.isArray(w.dataLayer);
}

/** A third party's code must never turn a decision into an exception in the page. */
function guarded(what: string, send: () => void): void {
  try {
    send();
  } catch (error) {
    warn('integration', what, error);
  }
}

function sendToGoogle(...args: unknown[]): void {
  const w = page();
  if (typeof w.gtag === 'function') {
    guarded('gtag()', () => w.gtag!(...args));
  } else if (Array.isArray(w.dataLayer)) {
    // Tag Manager reads gtag commands as `arguments` objects, not arrays.
    const layer = w.dataLayer;
    guarded('dataLayer.push()', () =>
      (function (..._: unknown[]) {
        // eslint-disable-next-line prefer-rest-params
        layer.push(arguments);
      })(...args),
    );
  }
}

function signals(categories: Categories | null): Record<string, ConsentState> {
  const state = (on: boolean | undefined): ConsentState => (on ? 'granted' : 'denied');
  const ads = state(categories?.ads);
  return {
    analytics_storage: state(categories?.analytics),
    ad_storage: ads,
    ad_user_data: ads,
    ad_personalization: ads,
  };
}

/** Before any choice: everything denied (sent only when no choice is stored). */
export function consentModeDefault(): void {
  if (hasGoogleTag()) sendToGoogle('consent', 'default', signals(null));
}

export function consentModeUpdate(categories: Categories): void {
  if (hasGoogleTag()) sendToGoogle('consent', 'update', signals(categories));
}

/** Matomo with `requireConsent`: give or forget consent as analytics is granted or not. */
export function matomoConsent(analytics: boolean): void {
  const paq = page()._paq;
  // Before matomo.js has loaded `_paq` is an array; once loaded, an object with its own
  // `push` that runs each command at once. Both take the same entries.
  if (paq && typeof paq.push === 'function') {
    guarded('_paq.push()', () => paq.push([analytics ? 'setConsentGiven' : 'forgetConsentGiven']));
  }
}

export interface Receipt {
  id: string;
  ts: string;
  rev: string;
  categories: Categories;
  lang: string;
  source: string;
  textHash?: string;
}

/** SHA-256 in hex, where the page is a secure context with `crypto.subtle`. */
export async function sha256Hex(text: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  try {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}

/** Sends a receipt without delaying the page (beacon, else a keep-alive fetch). */
export function sendReceipt(endpoint: string, receipt: Receipt): void {
  const body = JSON.stringify(receipt);
  try {
    if (
      typeof navigator.sendBeacon === 'function' &&
      navigator.sendBeacon(endpoint, new Blob([body], { type: 'application/json' }))
    ) {
      return;
    }
  } catch {
    // fall back to fetch
  }
  if (typeof fetch === 'function') {
    fetch(endpoint, {
      method: 'POST',
      body,
      keepalive: true,
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
    }).catch(() => warn('receipt', quote(endpoint)));
  }
}

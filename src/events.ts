/** The events of CONTRACT §6, typed for listeners. */

export type ConsentSource = 'banner' | 'preferences' | 'api' | 'gpc' | 'other-tab';

/** The visitor's choice as the script API shows it. */
export interface Consent {
  categories: Record<string, boolean>;
  revision: string;
  timestamp: string;
  id: string;
}

export interface ConsentChangeDetail extends Consent {
  source: ConsentSource;
}

export type ConsentReadyEvent = CustomEvent<Consent | null>;
export type ConsentChangeEvent = CustomEvent<ConsentChangeDetail>;

export function consentEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ma-consent-ready': ConsentReadyEvent;
    'ma-consent-change': ConsentChangeEvent;
  }
}

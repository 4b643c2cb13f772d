/** The events of docs/api.md "Script API and events", typed for listeners. */

export type ConsentSource = 'banner' | 'preferences' | 'placeholder' | 'api' | 'gpc' | 'other-tab';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'ma-consent-ready': ConsentReadyEvent;
    'ma-consent-change': ConsentChangeEvent;
  }
}

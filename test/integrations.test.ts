/**
 * Consent Mode, Matomo and receipts on their own (src/integrations.ts): what each sends, in
 * which shape, and that a page's broken tag never turns a decision into an exception.
 */
import { expect } from '@open-wc/testing';
import {
  consentModeDefault,
  consentModeUpdate,
  hasGoogleTag,
  matomoConsent,
  sendReceipt,
  sha256Hex,
} from '../src/integrations.js';
import { captureWarnings, wait } from './helpers.js';

interface TagWindow {
  gtag?: (...args: unknown[]) => void;
  dataLayer?: unknown[];
  _paq?: unknown;
}
const page = window as unknown as TagWindow;

const signals = (analytics: string, ads = 'denied') => ({
  analytics_storage: analytics,
  ad_storage: ads,
  ad_user_data: ads,
  ad_personalization: ads,
});

describe('Google Consent Mode v2', () => {
  afterEach(() => {
    delete page.gtag;
    delete page.dataLayer;
  });

  it('does nothing, and creates nothing, on a page without Google tags', () => {
    expect(hasGoogleTag()).to.equal(false);
    consentModeDefault();
    consentModeUpdate({ analytics: true });
    expect(page.dataLayer).to.equal(undefined);
  });

  it('pushes arguments-shaped entries to dataLayer, as gtag() would (Tag Manager ignores arrays)', () => {
    page.dataLayer = [];
    consentModeDefault();
    consentModeUpdate({ analytics: true, video: true });
    consentModeUpdate({ analytics: false });
    expect(page.dataLayer).to.have.length(3);
    for (const entry of page.dataLayer) expect(Object.prototype.toString.call(entry)).to.equal('[object Arguments]');
    expect(page.dataLayer.map((entry) => Array.from(entry as ArrayLike<unknown>))).to.deep.equal([
      ['consent', 'default', signals('denied')],
      ['consent', 'update', signals('granted')],
      ['consent', 'update', signals('denied')],
    ]);
  });

  it("calls the page's gtag() when there is one, and only it", () => {
    const calls: unknown[][] = [];
    page.dataLayer = [];
    page.gtag = (...args: unknown[]) => calls.push(args);
    consentModeDefault();
    consentModeUpdate({ analytics: true });
    expect(calls).to.deep.equal([
      ['consent', 'default', signals('denied')],
      ['consent', 'update', signals('granted')],
    ]);
    expect(page.dataLayer).to.deep.equal([]);
  });

  it('grants the ad signals only for a category named "ads"', () => {
    const calls: unknown[][] = [];
    page.gtag = (...args: unknown[]) => calls.push(args);
    consentModeUpdate({ analytics: false, ads: true });
    consentModeUpdate({ analytics: true, advertising: true, marketing: true });
    expect(calls).to.deep.equal([
      ['consent', 'update', signals('denied', 'granted')],
      ['consent', 'update', signals('granted', 'denied')],
    ]);
  });

  it('turns a failing gtag() into a warning, never an exception', () => {
    page.gtag = () => {
      throw new Error('broken tag');
    };
    const warnings = captureWarnings();
    try {
      expect(() => consentModeUpdate({ analytics: true })).not.to.throw();
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/^\[ma-cookie-consent\] integration: gtag\(\)/);
  });
});

describe('Matomo', () => {
  afterEach(() => delete page._paq);

  it('pushes setConsentGiven / forgetConsentGiven into _paq before matomo.js has loaded', () => {
    page._paq = [['trackPageView']];
    matomoConsent(true);
    matomoConsent(false);
    expect(page._paq).to.deep.equal([['trackPageView'], ['setConsentGiven'], ['forgetConsentGiven']]);
  });

  it('uses the object matomo.js puts in place of the array once loaded', () => {
    const received: unknown[][] = [];
    page._paq = { push: (...commands: unknown[]) => received.push(...(commands as unknown[][])) };
    matomoConsent(false);
    matomoConsent(true);
    expect(received).to.deep.equal([['forgetConsentGiven'], ['setConsentGiven']]);
  });

  it('does nothing without _paq, and survives a failing one', () => {
    matomoConsent(true);
    expect(page._paq).to.equal(undefined);
    page._paq = {
      push: () => {
        throw new Error('broken');
      },
    };
    const warnings = captureWarnings();
    try {
      expect(() => matomoConsent(true)).not.to.throw();
    } finally {
      warnings.restore();
    }
    expect(warnings.messages[0]).to.match(/^\[ma-cookie-consent\] integration: _paq\.push\(\)/);
  });
});

describe('receipts', () => {
  it('hashes the notice with SHA-256, in hex', async () => {
    expect(await sha256Hex('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('sends the receipt to the endpoint as JSON', async () => {
    const id = `receipt-${Math.random().toString(36).slice(2)}`;
    sendReceipt('/__receipts', {
      id,
      ts: '2026-11-26T17:00:00.000Z',
      rev: '1',
      categories: { analytics: true },
      lang: 'fr',
      source: 'api',
    });
    // A beacon leaves when the browser likes: ask the server until it has it.
    let stored: string[] = [];
    for (let i = 0; i < 80 && !stored.some((r) => r.includes(id)); i++) {
      await wait(50);
      stored = (await (await fetch('/__receipts')).json()) as string[];
    }
    const receipt = JSON.parse(stored.find((r) => r.includes(id))!);
    expect(receipt).to.deep.equal({
      id,
      ts: '2026-11-26T17:00:00.000Z',
      rev: '1',
      categories: { analytics: true },
      lang: 'fr',
      source: 'api',
    });
  });
});

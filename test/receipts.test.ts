/**
 * Proof of consent (`log-endpoint`, docs/api.md §2, issue 4 item 7): one JSON receipt per
 * decision, sent with navigator.sendBeacon (else a keep-alive fetch) to a same-origin or https
 * endpoint, whose `textHash` is the SHA-256 of the notice text the visitor saw. The test
 * server's /__receipts endpoint stores what really arrived.
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { MaCookieConsent } from '../src/ma-cookie-consent.js';
import fr from '../locales/fr.js';
import { captureWarnings, clearCookies, storedConsent, until, wait } from './helpers.js';

interface Receipt {
  id: string;
  ts: string;
  rev: string;
  categories: Record<string, boolean>;
  lang: string;
  source: string;
  textHash?: string;
}

const ENDPOINT = '/__receipts';
const mounted: Element[] = [];

async function mount(attributes: Record<string, string>, json?: string): Promise<MaCookieConsent> {
  const el = document.createElement('ma-cookie-consent');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (json) {
    const block = document.createElement('script');
    block.type = 'application/json';
    block.text = json;
    el.append(block);
  }
  document.body.prepend(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

/** What the server received for a decision. */
async function receiptsFor(id: string): Promise<Receipt[]> {
  const all = (await (await fetch(ENDPOINT)).json()) as string[];
  return all.map((body) => JSON.parse(body) as Receipt).filter((r) => r.id === id);
}

async function arrived(id: string, count = 1): Promise<Receipt[]> {
  let found: Receipt[] = [];
  const start = performance.now();
  while ((found = await receiptsFor(id)).length < count) {
    if (performance.now() - start > 4000) throw new Error(`no receipt for ${id}`);
    await wait(50);
  }
  return found;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The notice as the banner displays it: its title and paragraphs (the policy link aside), one per line. */
function noticeShown(el: MaCookieConsent): string {
  const banner = el.shadowRoot!.querySelector('[part~="banner"]')!;
  const title = banner.querySelector('h2')!.textContent!.trim();
  const paragraphs = Array.from(banner.querySelectorAll('p'))
    .filter((p) => !p.querySelector('a'))
    .map((p) => p.textContent!.trim());
  return [title, ...paragraphs].join('\n');
}

const click = (el: MaCookieConsent, name: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${name}"]`)!.click();

interface Spy {
  beacons: Array<{ url: string; data: unknown }>;
  fetches: Array<{ url: string; init: RequestInit | undefined }>;
  restore(): void;
}

/**
 * Watches sendBeacon and fetch (calling through to the real ones unless told otherwise).
 * `beacon`: 'real', 'refuses' (returns false, as when the browser's queue is full), 'throws',
 * 'missing', or 'stub' (records and reports success without any network).
 */
function spy(beacon: 'real' | 'refuses' | 'throws' | 'missing' | 'stub' = 'real'): Spy {
  const fetchProperty = Object.getOwnPropertyDescriptor(window, 'fetch')!;
  const realFetch = window.fetch.bind(window);
  const realBeacon = Navigator.prototype.sendBeacon;
  const result: Spy = {
    beacons: [],
    fetches: [],
    restore() {
      delete (navigator as unknown as Record<string, unknown>).sendBeacon;
      Object.defineProperty(window, 'fetch', fetchProperty);
    },
  };
  const beaconFn = (url: string, data?: BodyInit | null) => {
    result.beacons.push({ url, data });
    if (beacon === 'refuses') return false;
    if (beacon === 'throws') throw new TypeError('sendBeacon is blocked here');
    if (beacon === 'stub') return true;
    return realBeacon.call(navigator, url, data);
  };
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: beacon === 'missing' ? undefined : beaconFn,
  });
  Object.defineProperty(window, 'fetch', {
    configurable: true,
    writable: true,
    value: (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/__receipts') || init?.method === 'POST') result.fetches.push({ url, init });
      return realFetch(input, init);
    },
  });
  return result;
}

describe('proof of consent (log-endpoint)', () => {
  let watch: Spy | null = null;
  beforeEach(clearCookies);
  afterEach(() => {
    watch?.restore();
    watch = null;
    for (const el of mounted.splice(0)) el.remove();
    delete (navigator as unknown as Record<string, unknown>).globalPrivacyControl;
    clearCookies();
  });

  it('sends one receipt per decision by sendBeacon, as JSON, with the contract fields', async () => {
    watch = spy('real');
    const el = await mount({ 'log-endpoint': ENDPOINT, lang: 'fr' });
    const shown = noticeShown(el);
    click(el, 'accept');
    const stored = storedConsent()!;
    const [receipt] = await arrived(stored.id as string);
    expect(Object.keys(receipt)).to.deep.equal(['id', 'ts', 'rev', 'categories', 'lang', 'source', 'textHash']);
    expect(receipt).to.deep.equal({
      id: stored.id,
      ts: stored.ts,
      rev: stored.rev,
      categories: { analytics: true },
      lang: 'fr',
      source: 'banner',
      textHash: await sha256(shown),
    });
    expect(watch.beacons).to.have.length(1);
    expect(watch.beacons[0].url).to.equal(new URL(ENDPOINT, location.href).href);
    expect(watch.beacons[0].data).to.be.instanceOf(Blob);
    expect((watch.beacons[0].data as Blob).type).to.equal('application/json');
    expect(watch.fetches).to.deep.equal([]);
    await wait(200);
    expect(await receiptsFor(stored.id as string)).to.have.length(1);
  });

  it('every decision gets its own receipt, with its source; a reset is not a decision', async () => {
    const el = await mount({ 'log-endpoint': ENDPOINT });
    click(el, 'refuse');
    const first = el.consent!.id;
    await el.showPreferences();
    el.shadowRoot!.querySelector<HTMLInputElement>('dialog input:not([disabled])')!.click();
    click(el, 'save');
    const second = el.consent!.id;
    el.acceptAll();
    const third = el.consent!.id;
    el.reset();
    const receipts = [...(await arrived(first)), ...(await arrived(second)), ...(await arrived(third))];
    expect(receipts.map((r) => [r.source, r.categories.analytics])).to.deep.equal([
      ['banner', false],
      ['preferences', true],
      ['api', true],
    ]);
  });

  it('textHash follows the exact text shown: the language, and the site’s own texts', async () => {
    const plain = await mount({ 'log-endpoint': ENDPOINT, lang: 'ar' });
    const plainText = noticeShown(plain);
    click(plain, 'refuse');
    const [builtIn] = await arrived(plain.consent!.id);
    expect(builtIn.lang).to.equal('ar');
    expect(builtIn.textHash).to.equal(await sha256(plainText));
    plain.remove();
    clearCookies();

    const config = JSON.stringify({ texts: { ar: { title: 'ملفات تعريف الارتباط على منصة E-ARTISANAT' } } });
    const own = await mount({ 'log-endpoint': ENDPOINT, lang: 'ar' }, config);
    const ownText = noticeShown(own);
    expect(ownText.split('\n')[0]).to.equal('ملفات تعريف الارتباط على منصة E-ARTISANAT');
    click(own, 'refuse');
    const [custom] = await arrived(own.consent!.id);
    expect(custom.textHash).to.equal(await sha256(ownText));
    expect(custom.textHash).not.to.equal(builtIn.textHash);
  });

  for (const mode of ['refuses', 'missing', 'throws'] as const) {
    it(`when sendBeacon ${mode === 'missing' ? 'is missing' : mode === 'refuses' ? 'refuses the data' : 'throws'}, a keep-alive fetch carries it`, async () => {
      watch = spy(mode);
      const el = await mount({ 'log-endpoint': ENDPOINT });
      el.refuseAll();
      const [receipt] = await arrived(el.consent!.id);
      expect(receipt.source).to.equal('api');
      expect(watch.fetches).to.have.length(1);
      const { url, init } = watch.fetches[0];
      expect(url).to.equal(new URL(ENDPOINT, location.href).href);
      expect(init).to.include({ method: 'POST', keepalive: true, credentials: 'same-origin' });
      expect(JSON.parse(init!.body as string)).to.deep.equal(receipt);
    });
  }

  it('omits textHash where crypto.subtle is unavailable (pages that are not a secure context)', async () => {
    Object.defineProperty(crypto, 'subtle', { configurable: true, value: undefined });
    try {
      const el = await mount({ 'log-endpoint': ENDPOINT });
      el.acceptAll();
      const [receipt] = await arrived(el.consent!.id);
      expect(Object.keys(receipt)).to.deep.equal(['id', 'ts', 'rev', 'categories', 'lang', 'source']);
    } finally {
      delete (crypto as unknown as Record<string, unknown>).subtle;
    }
    expect(crypto.subtle).not.to.equal(undefined);
  });

  it('an https endpoint on another host is allowed', async () => {
    watch = spy('stub');
    const el = await mount({ 'log-endpoint': 'https://preuves.example.gov.ma/consentements' });
    el.acceptAll();
    await until(() => watch!.beacons.length === 1);
    expect(watch.beacons[0].url).to.equal('https://preuves.example.gov.ma/consentements');
    const body = JSON.parse(await (watch.beacons[0].data as Blob).text()) as Receipt;
    expect(body.id).to.equal(el.consent!.id);
  });

  const refused = [
    `http://127.0.0.1:${location.port}${ENDPOINT}`, // another origin, in clear text
    'http://tracker.example/collect',
    'javascript:alert(1)',
    'data:application/json,{}',
    'ftp://receipts.example/',
  ];
  for (const endpoint of refused) {
    it(`refuses ${endpoint.split(':')[0]}:${endpoint.includes('127.0.0.1') ? ' another origin over http' : ` ${endpoint.slice(0, 30)}`}: warns, sends nothing`, async () => {
      watch = spy('real');
      const warnings = captureWarnings();
      let el: MaCookieConsent;
      try {
        el = await mount({ 'log-endpoint': endpoint });
      } finally {
        warnings.restore();
      }
      expect(warnings.messages.join('\n')).to.match(/\[ma-cookie-consent\] attribute: log-endpoint=/);
      el!.acceptAll();
      el!.refuseAll();
      await wait(300);
      expect(watch.beacons).to.deep.equal([]);
      expect(watch.fetches).to.deep.equal([]);
      expect(await receiptsFor(el!.consent!.id)).to.deep.equal([]);
    });
  }

  it('Global Privacy Control refusals, applied without the visitor deciding, send nothing', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, value: true });
    watch = spy('real');
    const el = await mount({ 'log-endpoint': ENDPOINT });
    await wait(300);
    expect(el.consent).not.to.equal(null);
    expect(watch.beacons).to.deep.equal([]);
    expect(await receiptsFor(el.consent!.id)).to.deep.equal([]);
  });

  it("a decision in the dialog hashes the dialog's texts, as docs/security.md lists them", async () => {
    const config = JSON.stringify({
      categories: { video: { label: { fr: 'Vidéos' }, description: { fr: 'Vidéos intégrées.' } } },
    });
    const el = await mount({ 'log-endpoint': ENDPOINT, lang: 'fr', categories: 'analytics video' }, config);
    await el.showPreferences();
    click(el, 'save');
    const [receipt] = await arrived(el.consent!.id);
    expect(receipt.source).to.equal('preferences');
    const shown = [
      fr.dialogTitle,
      fr.dialogIntro,
      fr.analyticsLabel,
      fr.analyticsDescription,
      'Vidéos',
      'Vidéos intégrées.',
      fr.aboutCookies,
      fr.aboutAudience,
      fr.aboutRefusal,
      fr.rights,
    ].join('\n');
    expect(receipt.textHash).to.equal(await sha256(shown));
    // The dialog shows those texts: the hash is of what the visitor could read there.
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    for (const text of [fr.dialogIntro, fr.aboutAudience, 'Vidéos intégrées.'])
      expect(dialog.textContent).to.contain(text);
  });

  it("a decision in a placeholder hashes the placeholder's title and text, as shown", async () => {
    const el = await mount({ 'log-endpoint': ENDPOINT, lang: 'fr', categories: 'analytics video' });
    const frame = document.createElement('iframe');
    frame.dataset.consent = 'video';
    frame.dataset.src = '/__embed/receipt.html';
    frame.title = 'Le zellige';
    document.body.append(frame);
    mounted.push(frame);
    await until(() => !!frame.previousElementSibling?.shadowRoot?.querySelector('[part~="allow"]'));
    const placeholder = frame.previousElementSibling!;
    const box = placeholder.shadowRoot!.querySelector('[part~="placeholder"]')!;
    const shown = [
      box.querySelector('.title')!.textContent!.trim(),
      box.querySelector('.text')!.textContent!.trim(),
    ].join('\n');
    expect(shown).to.equal(
      `Le zellige (contenu non affiché)\nCe contenu est fourni par ${location.host}. L'afficher revient à autoriser la catégorie «\u00a0video\u00a0».`,
    );
    placeholder.shadowRoot!.querySelector<HTMLButtonElement>('[part~="allow"]')!.click();
    const [receipt] = await arrived(el.consent!.id);
    expect(receipt).to.include({ source: 'placeholder', lang: 'fr' });
    expect(receipt.categories).to.deep.equal({ analytics: false, video: true });
    expect(receipt.textHash).to.equal(await sha256(shown));
  });
});

/**
 * The bad-input matrix of issue 4, in a real browser: what a ministry page, its CMS, an old
 * cookie or a locked-down browser can throw at the component. Every case expects the same
 * four things: a clear `[ma-cookie-consent]` warning where the page author can act, a safe
 * default, no uncaught error, and no optional category treated as granted.
 */
import { expect } from '@open-wc/testing';
import fr from '../locales/fr.js';
import ar from '../locales/ar.js';
import '../src/index.js';
import { TEXT_KEYS } from '../src/i18n.js';
import type { MaCookieConsent } from '../src/ma-cookie-consent.js';
import {
  captureWarnings,
  clearCookies,
  rawCookie,
  storedConsent,
  until,
  validRecord,
  wait,
  writeRawCookie,
  expectAbsent,
} from './helpers.js';

const PREFIX = '[ma-cookie-consent]';
const HOSTILE = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const LONG = 'x'.repeat(5000);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface TestWindow extends Window {
  __pwned?: number;
  __gated?: string[];
}
const win = window as TestWindow;

// ---- the harness ------------------------------------------------------------------------------

/** Uncaught errors and rejections anywhere in the page, during the current test. */
const uncaught: string[] = [];
window.addEventListener('error', (e) => uncaught.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => uncaught.push(String(e.reason)));

const mounted: Element[] = [];
let gated: HTMLElement | null = null;

/** Categories a cookie or a script may name without the page offering them. */
const STRANGERS = ['ads', 'toString', 'constructor', '__proto__'];

/**
 * Gated markup that must not run unless its category is granted: analytics, and by request
 * categories the page does not offer, some of them Object.prototype members.
 */
function addGatedScripts(categories: readonly string[] = ['analytics']): void {
  gated = document.createElement('div');
  for (const category of categories) {
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.consent = category;
    // Unique text: the same gated content runs once per page, and these tests share one page.
    script.text = `(window.__gated = window.__gated || []).push(${JSON.stringify(category)}); // ${Math.random()}`;
    gated.append(script);
  }
  document.body.append(gated);
}

/** Creates the element as a page would (attributes and children first), and waits for it. */
async function mount(attributes: Record<string, string> = {}, json?: string): Promise<MaCookieConsent> {
  const el = document.createElement('ma-cookie-consent');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (json !== undefined) {
    const block = document.createElement('script');
    block.type = 'application/json';
    block.text = json;
    el.append(block);
  }
  document.body.prepend(el);
  mounted.push(el);
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

/** Mounts while capturing warnings. */
async function mountWarned(attributes: Record<string, string> = {}, json?: string) {
  const warnings = captureWarnings();
  try {
    const el = await mount(attributes, json);
    await wait(0);
    // The gate's notice about data-consent names that are not offered is expected where a
    // test puts such scripts in the page; every other warning counts.
    return { el, warnings: warnings.messages.filter((m) => m.startsWith(PREFIX) && !/ category: /.test(m)) };
  } finally {
    warnings.restore();
  }
}

const shadow = (el: Element) => el.shadowRoot!;
const part = (el: Element, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const bannerButton = (el: Element, name: string) =>
  shadow(el).querySelector<HTMLButtonElement>(`.banner [part~="${name}"]`);

/** The four promises of the matrix, minus the warning (checked per case). */
async function expectSafe(el: MaCookieConsent): Promise<void> {
  await wait(50);
  expect(uncaught, 'uncaught errors').to.deep.equal([]);
  for (const category of ['analytics', ...STRANGERS]) {
    expect(el.isGranted(category), `${category} granted`).to.equal(false);
  }
  expect(win.__gated ?? [], 'gated scripts that ran').to.deep.equal([]);
  expect(win.__pwned).to.equal(undefined);
  const root = el.shadowRoot;
  if (root) {
    expect(root.querySelectorAll('img, script, iframe, object, embed').length, 'injected elements').to.equal(0);
    const withHandlers = Array.from(root.querySelectorAll('*')).filter((node) =>
      Array.from(node.attributes).some((a) => a.name.startsWith('on')),
    );
    expect(withHandlers, 'elements with on* attributes').to.deep.equal([]);
  }
}

function cleanUp(): void {
  for (const el of mounted.splice(0)) el.remove();
  gated?.remove();
  gated = null;
  delete win.__gated;
  delete win.__pwned;
  uncaught.length = 0;
  clearCookies();
}

// ---- 1. the stored cookie ---------------------------------------------------------------------------

const enc = (value: unknown) => encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));

describe('bad input: the stored cookie', () => {
  beforeEach(() => {
    clearCookies();
    addGatedScripts();
  });
  afterEach(cleanUp);

  const cases: Array<[string, string, RegExp | null]> = [
    ['not JSON', enc('{v:1, analytics: yes'), /: not URI-encoded JSON/],
    ['truncated JSON', enc(validRecord()).slice(0, 60), /not URI-encoded JSON/],
    ['broken percent-encoding', '%7B%22v%22%3A1%E0%A4%A', /not URI-encoded JSON/],
    ['a JSON array', enc([validRecord()]), /: not an object/],
    ['JSON null', enc('null'), /: not an object/],
    ['v = 2', enc(validRecord({ v: 2 })), /: unknown version/],
    ['v = "1" (a string)', enc(validRecord({ v: '1' })), /: unknown version/],
    ['no categories', enc(validRecord({ categories: undefined })), /no categories/],
    ['categories as an array', enc(validRecord({ categories: ['analytics'] })), /no categories/],
    ['a missing category', enc(validRecord({ categories: {} })), /: no answer for analytics/],
    ['"true" instead of true', enc(validRecord({ categories: { analytics: 'true' } })), /: no answer for analytics/],
    ['1 instead of true', enc(validRecord({ categories: { analytics: 1 } })), /: no answer for analytics/],
    ['no timestamp', enc(validRecord({ ts: undefined })), /: bad or future ts/],
    ['a timestamp in the year 9999', enc(validRecord({ ts: '9999-12-31T00:00:00.000Z' })), /: bad or future ts/],
    ['an id of 100 characters', enc(validRecord({ id: 'i'.repeat(100) })), /: bad id/],
    ['more than 1 KB', enc(validRecord({ pad: 'p'.repeat(1100) })), /larger than 1 KB/],
    // A new revision of the policy is a new question: normal, so nothing to warn about.
    ['another revision', enc(validRecord({ rev: '0' })), null],
  ];
  for (const [name, raw, warning] of cases) {
    it(`${name}: the banner asks again${warning ? ', with a warning' : ''}`, async () => {
      writeRawCookie('ma_cookie_consent', raw);
      const { el, warnings } = await mountWarned();
      if (warning) {
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.match(warning);
        expect(warnings[0]).to.match(/^\[ma-cookie-consent\] cookie-invalid: "ma_cookie_consent": /);
      } else expect(warnings).to.deep.equal([]);
      expect(el.consent).to.equal(null);
      expect(part(el, 'banner')).not.to.equal(null);
      await expectSafe(el);
      // The visitor can still decide, and the bad value is replaced by a good one.
      bannerButton(el, 'refuse')!.click();
      expect(storedConsent()).to.include({ v: 1, rev: '1' });
      await expectSafe(el);
    });
  }

  it('unknown extra categories are dropped, never granted', async () => {
    gated?.remove();
    addGatedScripts(['analytics', ...STRANGERS]);
    writeRawCookie(
      'ma_cookie_consent',
      enc(validRecord({ categories: { analytics: false, ads: true, toString: true, constructor: true } })),
    );
    const { el, warnings } = await mountWarned();
    expect(warnings).to.deep.equal([]);
    expect(el.consent!.categories).to.deep.equal({ analytics: false });
    expectAbsent(part(el, 'banner'));
    await el.updateComplete;
    await expectSafe(el);
  });

  it('an old grant for a category no longer offered does not count for it', async () => {
    writeRawCookie('ma_cookie_consent', enc(validRecord({ categories: { analytics: false, video: true } })));
    const { el } = await mountWarned({ categories: 'analytics' });
    expect(el.isGranted('video')).to.equal(false);
    await expectSafe(el);
  });
});

describe('bad input: two consent cookies of the same name on different paths', () => {
  let frame: HTMLIFrameElement | null = null;
  const older = { ...validRecord({ ts: '2026-01-01T00:00:00.000Z', id: '00000000-0000-4000-8000-000000000001' }) };
  const newer = { ...validRecord({ ts: '2026-06-01T00:00:00.000Z', id: '00000000-0000-4000-8000-000000000002' }) };
  const setAt = (path: string, record: Record<string, unknown>) => {
    document.cookie = `ma_cookie_consent=${enc(record)}; path=${path}`;
  };

  async function openFrame(): Promise<Window & { __warnings: string[]; __errors: string[]; __runs?: string[] }> {
    frame = document.createElement('iframe');
    const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
    frame.src = `/__page/robust.html?key=dup${Date.now()}`;
    document.body.append(frame);
    await loaded;
    const w = frame.contentWindow as Window & { __warnings: string[]; __errors: string[] };
    await until(() => !!w.document.querySelector('ma-cookie-consent')?.shadowRoot);
    return w;
  }
  const consentOf = (w: Window) => (w.document.querySelector('ma-cookie-consent') as MaCookieConsent).consent;
  const valuesIn = (w: Window) => w.document.cookie.split('; ').filter((p) => p.startsWith('ma_cookie_consent='));

  beforeEach(clearCookies);
  afterEach(() => {
    frame?.remove();
    frame = null;
    document.cookie = 'ma_cookie_consent=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/__page';
    clearCookies();
  });

  it('the most recent choice wins, even when an older grant sits on the more specific path', async () => {
    // The browser lists /__page first: reading "the first one" would revive the old grant.
    setAt('/__page', { ...older, categories: { analytics: true } });
    setAt('/', { ...newer, categories: { analytics: false } });
    const w = await openFrame();
    expect(valuesIn(w)).to.have.length(2);
    expect(consentOf(w)!.id).to.equal(newer.id);
    expect(consentOf(w)!.categories.analytics).to.equal(false);
    await wait(200);
    expect(w.__runs).to.equal(undefined);
    expect(w.__warnings.filter((m) => m.startsWith(PREFIX)).join('\n')).to.match(
      /cookie-duplicate: 2× "ma_cookie_consent"/,
    );
    expect(w.__errors).to.deep.equal([]);
  });

  it('a newer grant on the general path is honoured, and the next decision leaves one cookie', async () => {
    setAt('/__page', { ...older, categories: { analytics: false } });
    setAt('/', { ...newer, categories: { analytics: true } });
    const w = await openFrame();
    expect(consentOf(w)!.id).to.equal(newer.id);
    (w.document.querySelector('ma-cookie-consent') as MaCookieConsent).refuseAll();
    expect(valuesIn(w)).to.have.length(1);
    expect(consentOf(w)!.categories.analytics).to.equal(false);
    expect(w.__warnings.join('\n')).not.to.match(/cookie-blocked/);
    expect(w.__errors).to.deep.equal([]);
  });

  it('reset() forgets every copy', async () => {
    setAt('/__page', older);
    setAt('/', newer);
    const w = await openFrame();
    (w.document.querySelector('ma-cookie-consent') as MaCookieConsent).reset();
    expect(valuesIn(w)).to.deep.equal([]);
  });
});

// ---- 2. attributes ----------------------------------------------------------------------------------

describe('bad input: attributes (docs/api.md §2)', () => {
  beforeEach(() => {
    clearCookies();
    addGatedScripts();
  });
  afterEach(cleanUp);

  type Check = (el: MaCookieConsent) => unknown;
  const rootOf = (el: MaCookieConsent) => shadow(el).querySelector('.root')!;
  const french: Check = (el) => expect(rootOf(el).getAttribute('lang')).to.equal('fr');
  const offersArabic: Check = (el) => expect(part(el, 'language')!.querySelector('[lang="ar"]')).not.to.equal(null);
  const noPolicyLink: Check = (el) => expectAbsent(part(el, 'policy-link'));
  const onlyAnalytics: Check = (el) => {
    el.refuseAll();
    expect(storedConsent()!.categories).to.deep.equal({ analytics: false });
  };
  const revisionOne: Check = (el) => {
    el.refuseAll();
    expect(storedConsent()!.rev).to.equal('1');
  };
  const defaultCookie: Check = (el) => {
    el.refuseAll();
    expect(rawCookie('ma_cookie_consent')).not.to.equal(undefined);
  };
  // The lifetime is stated in the dialog's description of the necessary cookie.
  const days =
    (n: number): Check =>
    async (el) => {
      await el.showPreferences();
      expect(shadow(el).querySelector('#ma-desc-necessary')!.textContent).to.match(new RegExp(`(^|\\D)${n}(\\D|$)`));
      shadow(el).querySelector('dialog')!.close();
    };
  const inFlow: Check = (el) => expect(getComputedStyle(part(el, 'banner')!).position).to.equal('static');
  const docked: Check = (el) => expect(getComputedStyle(part(el, 'banner')!).position).to.equal('fixed');
  const theme =
    (name: string): Check =>
    (el) =>
      expect(rootOf(el).classList.contains(name)).to.equal(true);
  const noManageButton: Check = async (el) => {
    el.refuseAll();
    await el.updateComplete;
    expectAbsent(part(el, 'manage'));
  };
  const noReceipt: Check = async (el) => {
    const sent: unknown[] = [];
    const fetchProperty = Object.getOwnPropertyDescriptor(window, 'fetch')!;
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: (...args: unknown[]) => (sent.push(args), true),
    });
    Object.defineProperty(window, 'fetch', {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => (sent.push(args), Promise.resolve(new Response('{}'))),
    });
    try {
      el.refuseAll();
      await wait(100);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).sendBeacon;
      Object.defineProperty(window, 'fetch', fetchProperty);
    }
    expect(sent).to.deep.equal([]);
  };

  // [attribute, value, warns, check of the safe default]
  const cases: Array<[string, string, boolean, Check?]> = [
    ['lang', '', false, french],
    ['lang', 'xx', true, french],
    ['lang', LONG, true, french],
    ['lang', HOSTILE, true, french],
    ['lang', 'AR-ma', false, (el) => expect(rootOf(el).getAttribute('dir')).to.equal('rtl')],
    ['languages', '', true, offersArabic],
    ['languages', 'de it', true, offersArabic],
    ['languages', LONG, true, offersArabic],
    ['languages', HOSTILE, true, offersArabic],
    ['policy-url', '', false, noPolicyLink],
    ['policy-url', 'javascript:alert(1)', true, noPolicyLink],
    ['policy-url', ' \tjava\nscript:alert(1)', true, noPolicyLink],
    ['policy-url', 'data:text/html,<script>alert(1)</script>', true, noPolicyLink],
    ['policy-url', 'vbscript:msgbox(1)', true, noPolicyLink],
    ['policy-url', 'http://', true, noPolicyLink],
    // A strange but relative URL is still only a link: it goes in href, never in markup.
    ['policy-url', HOSTILE, false, (el) => expect(part(el, 'policy-link')!.getAttribute('href')).to.equal(HOSTILE)],
    ['categories', '', true, onlyAnalytics],
    ['categories', 'necessary', true, onlyAnalytics],
    ['categories', LONG, true, onlyAnalytics],
    ['categories', HOSTILE, true, onlyAnalytics],
    ['categories', '__proto__ analytics', true, onlyAnalytics],
    ['revision', '', true, revisionOne],
    ['revision', LONG, true, revisionOne],
    ['revision', HOSTILE, true, revisionOne],
    ['revision', '1; path=/', true, revisionOne],
    ['cookie-name', '', true, defaultCookie],
    ['cookie-name', LONG, true, defaultCookie],
    ['cookie-name', HOSTILE, true, defaultCookie],
    ['cookie-name', 'a;b=c', true, defaultCookie],
    ['cookie-name', 'name with spaces', true, defaultCookie],
    ['cookie-domain', '', false, defaultCookie],
    ['cookie-domain', '.example.com', true, defaultCookie],
    ['cookie-domain', `evil${location.hostname}`, true, defaultCookie],
    ['cookie-domain', HOSTILE, true, defaultCookie],
    ['cookie-domain', LONG, true, defaultCookie],
    ['cookie-path', '', true, defaultCookie],
    ['cookie-path', 'relative/path', true, defaultCookie],
    ['cookie-path', '/a; domain=evil.example', true, defaultCookie],
    ['cookie-path', HOSTILE, true, defaultCookie],
    ['cookie-path', `/${LONG}`, true, defaultCookie],
    ['expires-days', '', true, days(182)],
    ['expires-days', 'abc', true, days(182)],
    ['expires-days', '-1', true, days(182)],
    ['expires-days', '1e3', true, days(182)],
    ['expires-days', 'Infinity', true, days(182)],
    ['expires-days', '0', true, days(1)],
    ['expires-days', '999999', true, days(395)],
    ['expires-days', HOSTILE, true, days(182)],
    ['position', '', true, inFlow],
    ['position', 'middle', true, inFlow],
    ['position', HOSTILE, true, inFlow],
    ['position', ' Bottom ', false, docked],
    ['theme', '', true, theme('auto')],
    ['theme', 'pink', true, theme('auto')],
    ['theme', HOSTILE, true, theme('auto')],
    ['theme', 'DARK', false, theme('dark')],
    ['hide-manage-button', '', false, noManageButton],
    ['hide-manage-button', 'false', true, noManageButton],
    ['hide-manage-button', HOSTILE, false, noManageButton],
    // (no withdrawal here: reload-on-revoke would reload the test page)
    ['reload-on-revoke', 'false', true],
    ['reload-on-revoke', HOSTILE, false],
    ['ignore-gpc', 'no', true],
    ['ignore-gpc', HOSTILE, false],
    ['log-endpoint', '', false, noReceipt],
    ['log-endpoint', 'javascript:alert(1)', true, noReceipt],
    ['log-endpoint', 'data:text/plain,x', true, noReceipt],
    ['log-endpoint', 'ftp://receipts.example/', true, noReceipt],
    ['log-endpoint', 'http://tracker.example/collect', true, noReceipt],
    ['log-endpoint', 'http://', true, noReceipt],
  ];
  const label = (value: string) =>
    value === ''
      ? 'empty'
      : value.length > 40
        ? `${value.slice(0, 20)}… (${value.length} chars)`
        : JSON.stringify(value);
  for (const [attribute, value, warns, check] of cases) {
    it(`${attribute}=${label(value)}: ${warns ? 'warns and ' : ''}falls back safely`, async () => {
      const { el, warnings } = await mountWarned({ [attribute]: value });
      if (warns) {
        expect(warnings.length, warnings.join('\n')).to.be.greaterThan(0);
        expect(
          warnings.some((m) => m.includes(attribute)),
          warnings.join('\n'),
        ).to.equal(true);
      } else expect(warnings).to.deep.equal([]);
      // A hostile value is quoted short: a warning can never flood the console.
      for (const message of warnings) expect(message.length).to.be.lessThan(400);
      expect(part(el, 'banner')).not.to.equal(null);
      await expectSafe(el);
      await check?.(el);
      await expectSafe(el);
    });
  }

  it('the same attributes changed at run time warn and fall back too', async () => {
    const el = await mount();
    const warnings = captureWarnings();
    try {
      for (const [attribute, value] of [
        ['lang', HOSTILE],
        ['position', LONG],
        ['theme', ''],
        ['categories', HOSTILE],
        ['expires-days', 'soon'],
      ]) {
        el.setAttribute(attribute, value);
        await el.updateComplete;
      }
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.filter((m) => m.startsWith(PREFIX))).to.have.length(5);
    expect(shadow(el).querySelector('.root')!.getAttribute('lang')).to.equal('fr');
    expect(part(el, 'banner')).not.to.equal(null);
    await expectSafe(el);
  });

  it('a cookie-path that does not contain the page keeps the choice for the page and says why', async () => {
    const { el } = await mountWarned({ 'cookie-path': '/somewhere-else', 'cookie-name': 'ma_robust_path' });
    const warnings = captureWarnings();
    try {
      el.acceptAll();
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.join('\n')).to.match(/cookie-path: "ma_robust_path" on "\//);
    expect(el.isGranted('analytics')).to.equal(true);
    el.setAttribute('lang', 'ar');
    await el.updateComplete;
    window.dispatchEvent(new Event('focus'));
    await wait(50);
    expect(el.isGranted('analytics')).to.equal(true);
    document.cookie = 'ma_robust_path=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/somewhere-else';
  });
});

// ---- 3. the JSON configuration block ---------------------------------------------------------------

describe('bad input: the JSON configuration', () => {
  beforeEach(() => {
    clearCookies();
    addGatedScripts();
  });
  afterEach(cleanUp);

  const title = (el: MaCookieConsent) => shadow(el).querySelector('.banner h2')!.textContent!.trim();

  // [case, JSON text, expected warning]
  const cases: Array<[string, string, RegExp]> = [
    ['invalid JSON', '{ "texts": { "fr": ', /config-json: /],
    ['JSON with comments', '{ /* titre */ "texts": {} }', /config-json: /],
    ['a JSON array', '[{"texts": {}}]', /config: not an object/],
    ['a JSON string', '"texts"', /config: a string/],
    ['texts as a string', '{"texts": "Cookies"}', /config: texts \(/],
    ['texts of a language as an array', '{"texts": {"fr": ["Cookies"]}}', /config: texts\."fr" \(/],
    ['a text as a number', '{"texts": {"fr": {"title": 5}}}', /config: texts\.fr\."title"/],
    ['a text of 5000 characters', `{"texts": {"fr": {"title": "${LONG}"}}}`, /config: texts\.fr\."title"/],
    ['an unknown text key', '{"texts": {"fr": {"titel": "Cookies"}}}', /config: texts\.fr\."titel"/],
    ['a language that is not a code', '{"texts": {"Deutsch": {"title": "Cookies"}}}', /config: texts\."Deutsch"/],
    ['an unknown top-level key', '{"textes": {"fr": {"title": "Cookies"}}}', /config: "textes"/],
    ['categories as an array', '{"categories": ["video"]}', /config: categories \(/],
    ['a category as a string', '{"categories": {"analytics": "stats"}}', /config: categories\."analytics" \(/],
    [
      'a label as a string',
      '{"categories": {"analytics": {"label": "Stats"}}}',
      /config: categories\."analytics"\.label \(/,
    ],
    [
      'a label as a number',
      '{"categories": {"analytics": {"label": {"fr": 5}}}}',
      /categories\."analytics"\.label\."fr"/,
    ],
    [
      'a label in a language that is not a code',
      '{"categories": {"analytics": {"label": {"Español": "x"}}}}',
      /label\."Español"/,
    ],
    [
      'an unknown category key',
      '{"categories": {"analytics": {"lable": {"fr": "Stats"}}}}',
      /categories\."analytics"\."lable"/,
    ],
    ['cookies as a string', '{"categories": {"analytics": {"cookies": "_ga"}}}', /categories\."analytics"\.cookies/],
    ['a cookie pattern that matches every cookie', '{"categories": {"analytics": {"cookies": ["*"]}}}', /\.cookies/],
    [
      'a cookie name with ";"',
      '{"categories": {"analytics": {"cookies": ["a;b"]}}}',
      /categories\."analytics"\.cookies/,
    ],
    [
      'the necessary category',
      '{"categories": {"necessary": {"label": {"fr": "x"}}}}',
      /config: categories\."necessary"/,
    ],
    [
      'a __proto__ category',
      '{"categories": {"__proto__": {"label": {"fr": "x"}}}}',
      /config: categories\."__proto__"/,
    ],
    ['a __proto__ language', '{"texts": {"__proto__": {"title": "x"}}}', /config: texts\."__proto__"/],
  ];
  for (const [name, json, warning] of cases) {
    it(`${name}: warns and keeps the built-in texts and categories`, async () => {
      const { el, warnings } = await mountWarned({}, json);
      expect(warnings.join('\n')).to.match(warning);
      expect(title(el)).to.equal(fr.title);
      expect(({} as Record<string, unknown>).title).to.equal(undefined);
      expect(({} as Record<string, unknown>).label).to.equal(undefined);
      await el.showPreferences();
      const rows = shadow(el).querySelectorAll('dialog [part~="category"]');
      expect(rows).to.have.length(2);
      expect(rows[1].textContent).to.contain(fr.analyticsLabel);
      shadow(el).querySelector('dialog')!.close();
      await expectSafe(el);
    });
  }

  it('the config property: a JSON string, a number and null warn or reset, never throw', async () => {
    const el = await mount();
    const warnings = captureWarnings();
    try {
      el.config = '{"texts": {"fr": {"title": "x"}}}';
      el.config = 42;
      el.config = null;
    } finally {
      warnings.restore();
    }
    expect(warnings.messages[0]).to.match(/config: a string \(JSON\.parse it\)/);
    expect(warnings.messages[1]).to.match(/config: not an object/);
    expect(warnings.messages).to.have.length(2);
    await el.updateComplete;
    expect(title(el)).to.equal(fr.title);
    await expectSafe(el);
  });

  it('a "*" pattern can never make a withdrawal delete every cookie of the site', async () => {
    document.cookie = 'session_id=abc; path=/';
    const { el } = await mountWarned({}, '{"categories": {"analytics": {"cookies": ["*"]}}}');
    el.acceptAll();
    el.refuseAll();
    expect(rawCookie('session_id')).to.equal('abc');
    expect(storedConsent()).not.to.equal(undefined);
  });
});

// ---- 4. texts are text ---------------------------------------------------------------------------------

describe('texts are text, on every text path', () => {
  beforeEach(() => {
    clearCookies();
    addGatedScripts();
  });
  afterEach(cleanUp);

  const MARKUP = [
    HOSTILE,
    '<b>gras</b>',
    '<iframe src="javascript:window.__pwned=1"></iframe>',
    '<svg onload="window.__pwned=1"></svg>',
    '<a href="javascript:window.__pwned=1">lien</a>',
    '{{7*7}} ${7*7}',
  ].join(' ');
  /** The same text with its markup defused, and the same runs of Latin for bidi isolation. */
  const PLAIN = MARKUP.replace(/</g, '(').replace(/>/g, ')');

  function configWith(lang: string, text: string) {
    return {
      texts: { [lang]: Object.fromEntries(TEXT_KEYS.map((key) => [key, `${text} ${key} E-ARTISANAT 09-08`])) },
      categories: {
        analytics: { label: { [lang]: `${text} label` }, description: { [lang]: `${text} description` } },
        video: { label: { [lang]: `${text} video` }, description: { [lang]: `${text} video description` } },
      },
    };
  }

  /** The element's shadow tree, view by view: tag names in order, and the text shown. */
  async function walk(lang: string, text: string): Promise<Array<{ tags: string; text: string }>> {
    const el = await mount(
      { lang, categories: 'analytics video', 'policy-url': '/cgu' },
      JSON.stringify(configWith(lang, text)),
    );
    const root = shadow(el);
    const views: Array<{ tags: string; text: string }> = [];
    const snap = () =>
      views.push({
        tags: Array.from(root.querySelectorAll('*'), (n) => n.localName).join(' '),
        text: root.textContent!,
      });
    snap(); // banner
    await el.showPreferences();
    snap(); // dialog
    root.querySelector<HTMLButtonElement>('dialog [part~="refuse"]')!.click();
    await el.updateComplete;
    snap(); // confirmation
    root.querySelector<HTMLButtonElement>('[part~="hide"]')!.click();
    await el.updateComplete;
    snap(); // manage button
    await expectSafe(el);
    el.remove();
    clearCookies();
    return views;
  }

  for (const lang of ['fr', 'ar']) {
    it(`in ${lang}: overrides, labels and descriptions build exactly the tree plain text builds`, async () => {
      const plain = await walk(lang, PLAIN);
      const hostile = await walk(lang, MARKUP);
      expect(hostile.map((v) => v.tags)).to.deep.equal(plain.map((v) => v.tags));
      // And the markup is there, shown as the characters it is made of.
      const [banner, dialog, confirmation, manage] = hostile.map((v) => v.text);
      expect(banner).to.contain(`${MARKUP} title`);
      expect(banner).to.contain(`${MARKUP} acceptAll`);
      expect(banner).to.contain(`${MARKUP} intro`);
      expect(dialog).to.contain(`${MARKUP} dialogTitle`);
      expect(dialog).to.contain(`${MARKUP} label`);
      expect(dialog).to.contain(`${MARKUP} video description`);
      expect(confirmation).to.contain(`${MARKUP} confirmRefused`);
      expect(manage).to.contain(`${MARKUP} manage`);
      expect(win.__pwned).to.equal(undefined);
      expect(uncaught).to.deep.equal([]);
    });
  }
});

// ---- 5. the page ----------------------------------------------------------------------------------------

describe('bad input: the page', () => {
  beforeEach(() => {
    clearCookies();
    addGatedScripts();
  });
  afterEach(cleanUp);

  it('two elements: the second stays inert, says so, and the page shows one banner', async () => {
    const warnings = captureWarnings();
    let first: MaCookieConsent;
    let second: MaCookieConsent;
    try {
      first = await mount();
      second = await mount({ lang: 'ar' });
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.join('\n')).to.match(/\[ma-cookie-consent\] second-element: /);
    expect(part(first!, 'banner')).not.to.equal(null);
    expectAbsent(second!.shadowRoot!.querySelector('section, dialog, button'));
    second!.acceptAll();
    await second!.showPreferences();
    expect(storedConsent()).to.equal(undefined);
    // Not even reset(): the inert element cannot erase the page's choice.
    first!.refuseAll();
    second!.reset();
    expect(storedConsent()).not.to.equal(undefined);
    expect(first!.consent).not.to.equal(null);
    await expectSafe(first!);
    await expectSafe(second!);
  });

  it('removed and added again: one banner, no second ready event, scripts run once', async () => {
    const ready: unknown[] = [];
    const onReady = (e: Event) => ready.push((e as CustomEvent).detail);
    document.addEventListener('ma-consent-ready', onReady);
    const el = await mount();
    const opener = document.createElement('button');
    opener.setAttribute('data-consent-open', '');
    document.body.append(opener);
    try {
      el.remove();
      opener.click();
      await wait(50);
      document.body.prepend(el);
      await el.updateComplete;
      expect(part(el, 'banner')).not.to.equal(null);
      el.remove();
      document.body.prepend(el);
      await el.updateComplete;
      opener.click();
      await until(() => !!shadow(el).querySelector('dialog')?.open);
      shadow(el).querySelector<HTMLButtonElement>('dialog [part~="accept"]')!.click();
      await until(() => (win.__gated ?? []).includes('analytics'));
      el.remove();
      document.body.prepend(el);
      await el.updateComplete;
      await wait(100);
      expect(win.__gated).to.deep.equal(['analytics']);
      expect(ready).to.have.length(1);
      expect(uncaught).to.deep.equal([]);
    } finally {
      opener.remove();
      document.removeEventListener('ma-consent-ready', onReady);
    }
  });

  it('lang changed while the dialog is open: re-rendered in place, still open, draft kept', async () => {
    const el = await mount({ lang: 'fr' });
    await el.showPreferences();
    const dialog = shadow(el).querySelector('dialog')!;
    const analytics = shadow(el).querySelector<HTMLInputElement>('#ma-cat-analytics')!;
    analytics.click();
    expect(analytics.checked).to.equal(true);
    el.setAttribute('lang', 'ar');
    await el.updateComplete;
    expect(shadow(el).querySelector('dialog')).to.equal(dialog);
    expect(dialog.open).to.equal(true);
    expect(shadow(el).querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
    expect(dialog.textContent).to.contain(ar.dialogTitle);
    expect(shadow(el).querySelector<HTMLInputElement>('#ma-cat-analytics')!.checked).to.equal(true);
    // A hostile language at that moment: a warning, French, and the dialog still works.
    const warnings = captureWarnings();
    try {
      el.setAttribute('lang', HOSTILE);
      await el.updateComplete;
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.join('\n')).to.match(/\[ma-cookie-consent\] language: lang=/);
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain(fr.dialogTitle);
    shadow(el).querySelector<HTMLButtonElement>('dialog [part~="save"]')!.click();
    expect(storedConsent()!.categories).to.deep.equal({ analytics: true });
    expect(uncaught).to.deep.equal([]);
  });

  it('setConsent() with Object.prototype names grants nothing', async () => {
    gated?.remove();
    addGatedScripts(['analytics', ...STRANGERS]);
    const el = await mount();
    const warnings = captureWarnings();
    try {
      el.setConsent(JSON.parse('{"toString": true, "constructor": true, "__proto__": true, "hasOwnProperty": true}'));
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.filter((m) => m.startsWith(PREFIX) && /set-consent/.test(m))).to.have.length(4);
    expect(el.consent!.categories).to.deep.equal({ analytics: false });
    expect(storedConsent()!.categories).to.deep.equal({ analytics: false });
    await expectSafe(el);
  });

  describe('the script twice, and the IIFE with the ESM build (built bundle)', () => {
    let frame: HTMLIFrameElement | null = null;
    afterEach(() => {
      frame?.remove();
      frame = null;
    });
    for (const query of ['twice=1', 'esm=before', 'esm=after', 'esm=before&twice=1']) {
      it(`${query}: one element, one banner, no error, each gated script once`, async () => {
        frame = document.createElement('iframe');
        const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
        const key = `page${Date.now()}`;
        frame.src = `/__page/robust.html?key=${key}&${query}`;
        document.body.append(frame);
        await loaded;
        const w = frame.contentWindow as Window & { __warnings: string[]; __errors: string[]; __runs?: string[] };
        // Let every copy load (the module build arrives last).
        await wait(500);
        const elements = w.document.querySelectorAll('ma-cookie-consent');
        expect(elements).to.have.length(1);
        const el = elements[0] as MaCookieConsent;
        await el.updateComplete;
        expect(el.shadowRoot!.querySelectorAll('[part~="banner"]')).to.have.length(1);
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept"]')!.click();
        await until(() => (w.__runs?.length ?? 0) >= 2);
        await wait(300);
        expect(w.__runs).to.deep.equal([`${key}-a`, 'inline']);
        expect(w.__errors).to.deep.equal([]);
        expect(w.__warnings.filter((m) => m.startsWith(PREFIX))).to.deep.equal([]);
      });
    }
  });
});

// ---- 6. the browser --------------------------------------------------------------------------------------

describe('bad input: the browser', () => {
  beforeEach(() => {
    clearCookies();
    addGatedScripts();
  });
  afterEach(cleanUp);

  /**
   * Replaces document.cookie for the duration of `run`, where the browser keeps it: on the
   * prototype (the component reads there, so that a named element cannot shadow it).
   */
  async function withCookie(descriptor: PropertyDescriptor, run: () => Promise<void>): Promise<void> {
    const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(Document.prototype, 'cookie', { configurable: true, ...descriptor });
    try {
      await run();
    } finally {
      Object.defineProperty(Document.prototype, 'cookie', real);
    }
  }

  const throwing = {
    get() {
      throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
    },
    set() {
      throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
    },
  };
  const dropping = { get: () => '', set: () => {} };

  for (const [name, descriptor] of [
    ['document.cookie throwing', throwing],
    ['cookies disabled (writes dropped)', dropping],
  ] as const) {
    it(`${name}: the banner works, the choice holds for the page, also across a language change and a re-check`, async () => {
      // Its own cookie name: the page remembers that this name cannot be stored.
      const cookieName = `ma_robust_${name.split(' ')[0].replace(/\W/g, '')}`;
      await withCookie(descriptor, async () => {
        const { el, warnings } = await mountWarned({ 'cookie-name': cookieName });
        expect(warnings).to.deep.equal([]);
        expect(part(el, 'banner')).not.to.equal(null);
        await expectSafe(el);
        const later = captureWarnings();
        try {
          bannerButton(el, 'accept')!.click();
        } finally {
          later.restore();
        }
        expect(later.messages.join('\n')).to.match(/\[ma-cookie-consent\] cookie-blocked: /);
        expect(el.isGranted('analytics')).to.equal(true);
        await until(() => (win.__gated ?? []).includes('analytics'));
        el.setAttribute('lang', 'ar');
        await el.updateComplete;
        window.dispatchEvent(new Event('focus'));
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }) /* as the browser fires it */);
        await wait(50);
        expect(el.isGranted('analytics')).to.equal(true);
        expectAbsent(part(el, 'banner'));
        el.refuseAll();
        expect(el.isGranted('analytics')).to.equal(false);
        expect(uncaught).to.deep.equal([]);
      });
    });
  }

  it('crypto.randomUUID missing: choices still get a v4 UUID', async () => {
    const original = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const el = await mount();
      el.acceptAll();
      expect(el.consent!.id).to.match(UUID_V4);
      expect(storedConsent()!.id).to.equal(el.consent!.id);
      el.refuseAll();
      expect(el.consent!.id).to.match(UUID_V4);
      expect(uncaught).to.deep.equal([]);
    } finally {
      if (original) Object.defineProperty(crypto, 'randomUUID', original);
      else delete (crypto as unknown as Record<string, unknown>).randomUUID;
    }
  });

  it('BroadcastChannel missing: the component works and re-checks the cookie on focus', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'BroadcastChannel')!;
    delete (window as unknown as Record<string, unknown>).BroadcastChannel;
    try {
      const el = await mount();
      const sources: string[] = [];
      el.addEventListener('ma-consent-change', (e) => sources.push(e.detail.source));
      el.refuseAll();
      // Another tab (or the server) grants analytics:
      writeRawCookie(
        'ma_cookie_consent',
        enc(validRecord({ ts: new Date().toISOString(), id: '00000000-0000-4000-8000-00000000000a' })),
      );
      window.dispatchEvent(new Event('focus'));
      await until(() => el.isGranted('analytics'));
      expect(sources).to.deep.equal(['api', 'other-tab']);
      expect(uncaught).to.deep.equal([]);
    } finally {
      Object.defineProperty(window, 'BroadcastChannel', original);
    }
  });

  describe('real browser conditions (built bundle in frames)', () => {
    let frame: HTMLIFrameElement | null = null;
    afterEach(() => {
      frame?.remove();
      frame = null;
    });

    interface Report {
      defined: boolean;
      banner: boolean;
      consent: { id: string } | null;
      analytics: boolean | null;
      runs: string[];
      warnings: string[];
      errors: string[];
    }

    async function openReporting(src: string, sandbox?: string): Promise<HTMLIFrameElement> {
      frame = document.createElement('iframe');
      if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
      const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
      frame.src = src;
      document.body.append(frame);
      await loaded;
      return frame;
    }

    /** The frame's state, asked by message (the test cannot reach into it). */
    function ask(target: HTMLIFrameElement, command: string): Promise<Report> {
      return new Promise((resolve) => {
        const listener = (event: MessageEvent) => {
          const data = event.data as { id?: string; state?: Report };
          if (event.source === target.contentWindow && data.id === command) {
            window.removeEventListener('message', listener);
            resolve(data.state!);
          }
        };
        window.addEventListener('message', listener);
        target.contentWindow!.postMessage(command, '*');
      });
    }

    async function expectWorksWithoutCookies(target: HTMLIFrameElement, key: string): Promise<void> {
      const before = await ask(target, 'state');
      expect(before.defined).to.equal(true);
      expect(before.banner).to.equal(true);
      expect(before.analytics).to.equal(false);
      expect(before.runs).to.deep.equal([]);
      let after = await ask(target, 'accept');
      expect(after.analytics).to.equal(true);
      for (let i = 0; i < 10 && after.runs.length < 2; i++) after = await ask(target, 'state');
      expect(after.runs).to.deep.equal([`${key}-a`, 'inline']);
      const later = await ask(target, 'focus');
      expect(later.analytics).to.equal(true);
      expect(later.errors).to.deep.equal([]);
      const refused = await ask(target, 'refuse');
      expect(refused.analytics).to.equal(false);
      expect(refused.errors).to.deep.equal([]);
    }

    it('a sandboxed frame, where document.cookie throws SecurityError', async () => {
      const key = `sandbox${Date.now()}`;
      const target = await openReporting(`/__page/robust.html?key=${key}&report=1`, 'allow-scripts');
      await expectWorksWithoutCookies(target, key);
      const state = await ask(target, 'state');
      expect(state.warnings.filter((m) => m.startsWith(PREFIX)).join('\n')).to.match(/cookie-blocked: /);
    });

    it('a cross-site frame, where the browser may refuse the cookie', async () => {
      const key = `xsite${Date.now()}`;
      const target = await openReporting(`http://127.0.0.1:${location.port}/__page/robust.html?key=${key}&report=1`);
      await expectWorksWithoutCookies(target, key);
    });
  });
});

// ---- 7. Global Privacy Control ---------------------------------------------------------------------

describe('Global Privacy Control (ignore-gpc)', () => {
  function setGpc(value: boolean | undefined): void {
    if (value === undefined) delete (navigator as unknown as Record<string, unknown>).globalPrivacyControl;
    else Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true });
  }
  beforeEach(() => {
    clearCookies();
    addGatedScripts();
  });
  afterEach(() => {
    setGpc(undefined);
    cleanUp();
  });

  it('a reset under the signal refuses again without asking: no banner, nothing written', async () => {
    writeRawCookie('ma_cookie_consent', encodeURIComponent(JSON.stringify(validRecord())));
    setGpc(true);
    const el = await mount();
    expect(el.isGranted('analytics'), 'a stored choice wins over the signal').to.equal(true);
    const sources: unknown[] = [];
    el.addEventListener('ma-consent-change', (e) => sources.push((e as CustomEvent).detail.source));
    el.reset();
    await el.updateComplete;
    expect(sources, 'the page hears of the refusal, as at load').to.deep.equal(['gpc']);
    expectAbsent(part(el, 'banner'), 'the banner');
    expect(el.consent!.categories).to.deep.equal({ analytics: false });
    expect(document.cookie).not.to.contain('ma_cookie_consent');
  });

  it('honoured by default: no banner, nothing written, refused in memory, source "gpc"', async () => {
    setGpc(true);
    const events: Array<[string, unknown]> = [];
    const record = (e: Event) => events.push([e.type, (e as CustomEvent).detail]);
    document.addEventListener('ma-consent-ready', record);
    document.addEventListener('ma-consent-change', record);
    try {
      const el = await mount();
      await wait(50);
      expectAbsent(part(el, 'banner'));
      expect(document.cookie).not.to.contain('ma_cookie_consent');
      expect(el.consent!.categories).to.deep.equal({ analytics: false });
      expect(events.map(([type]) => type)).to.deep.equal(['ma-consent-ready', 'ma-consent-change']);
      expect((events[1][1] as { source: string }).source).to.equal('gpc');
      await expectSafe(el);
    } finally {
      document.removeEventListener('ma-consent-ready', record);
      document.removeEventListener('ma-consent-change', record);
    }
  });

  it('the dialog says the signal was respected, and the visitor can still opt in', async () => {
    setGpc(true);
    const el = await mount({ lang: 'fr' });
    part(el, 'manage')!.click();
    await until(() => !!shadow(el).querySelector('dialog')?.open);
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.textContent).to.contain(fr.gpcRespected);
    const analytics = shadow(el).querySelector<HTMLInputElement>('#ma-cat-analytics')!;
    expect(analytics.checked).to.equal(false);
    analytics.click();
    shadow(el).querySelector<HTMLButtonElement>('dialog [part~="save"]')!.click();
    expect(storedConsent()!.categories).to.deep.equal({ analytics: true });
    await until(() => (win.__gated ?? []).includes('analytics'));
    await el.showPreferences();
    expect(shadow(el).querySelector('dialog')!.textContent).not.to.contain(fr.gpcRespected);
    shadow(el).querySelector('dialog')!.close();
  });

  it('with hide-manage-button, a data-consent-open link still lets the visitor opt in', async () => {
    setGpc(true);
    const el = await mount({ 'hide-manage-button': '' });
    expectAbsent(part(el, 'manage'));
    const link = document.createElement('a');
    link.href = '#';
    link.setAttribute('data-consent-open', '');
    document.body.append(link);
    try {
      link.click();
      await until(() => !!shadow(el).querySelector('dialog')?.open);
      expect(shadow(el).querySelector('dialog')!.textContent).to.contain(fr.gpcRespected);
      shadow(el).querySelector('dialog')!.close();
    } finally {
      link.remove();
    }
  });

  it('ignore-gpc: the banner asks as usual', async () => {
    setGpc(true);
    const el = await mount({ 'ignore-gpc': '' });
    expect(part(el, 'banner')).not.to.equal(null);
    expect(el.consent).to.equal(null);
    await expectSafe(el);
  });

  it('a stored choice wins over the signal', async () => {
    setGpc(true);
    writeRawCookie('ma_cookie_consent', enc(validRecord()));
    const el = await mount();
    expect(el.isGranted('analytics')).to.equal(true);
    expectAbsent(part(el, 'banner'));
  });

  it('no signal (false or absent): the banner asks', async () => {
    setGpc(false);
    const el = await mount();
    expect(part(el, 'banner')).not.to.equal(null);
    await expectSafe(el);
  });
});

/**
 * Huge inputs: a megabyte cookie, ten thousand gated elements, an enormous JSON configuration,
 * attribute values a megabyte long. No hang (each page is done well inside the test's time),
 * nothing granted, nothing thrown, and bounded warnings: a few, each short enough to read, so a
 * hostile value cannot flood the console.
 */
import { expect } from '@open-wc/testing';
import {
  cleanUp,
  clearCookies,
  element,
  ELEMENT,
  expectNoErrors,
  openPage,
  settle,
  until,
  warnings,
  type PageWindow,
} from './helpers.js';

const MB = 1 << 20;
/** At most this many warnings for one page, each at most this long. */
const MAX_WARNINGS = 20;
const MAX_WARNING_LENGTH = 1000;

function expectBoundedWarnings(win: PageWindow): void {
  const list = warnings(win);
  expect(list.length, 'number of warnings').to.be.at.most(MAX_WARNINGS);
  for (const message of list) expect(message.length, 'length of a warning').to.be.at.most(MAX_WARNING_LENGTH);
}

/** Page code writing `n` copies of some markup while the page is parsed (before the bundle). */
const writeMany = (n: number, markup: string) =>
  `document.write(Array.from({ length: ${n} }, (_, i) => ${markup}).join(''));`;

describe('huge inputs', function () {
  this.timeout(30000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  it('10 000 gated scripts: none before consent, then each once, in document order', async () => {
    const win = await openPage(
      {
        before: writeMany(
          10000,
          '`<script type="text/plain" data-consent="analytics">window.__runs.push(${i})<\\/script>`',
        ),
      },
      { timeout: 20000 },
    );
    await settle();
    expect(win.__runs).to.have.length(0);
    element(win).acceptAll();
    await until(() => win.__runs.length >= 10000, 20000);
    await settle();
    expect(win.__runs).to.have.length(10000);
    expect((win.__runs as unknown as number[]).every((n, i) => n === i)).to.equal(true);
    expectNoErrors(win);
  });

  it('10 000 gated elements naming 10 000 categories not offered: bounded warnings, nothing runs', async () => {
    const win = await openPage(
      {
        before: writeMany(
          10000,
          '`<script type="text/plain" data-consent="c${i}">window.__runs.push(${i})<\\/script>`',
        ),
      },
      { timeout: 20000 },
    );
    element(win).acceptAll();
    await settle();
    expect(win.__runs).to.have.length(0);
    expectBoundedWarnings(win);
  });

  it('10 000 <script data-consent> without type="text/plain": bounded warnings', async () => {
    const win = await openPage(
      { before: writeMany(10000, '`<script data-consent="analytics">void ${i}<\\/script>`') },
      { timeout: 20000 },
    );
    await settle();
    expectBoundedWarnings(win);
    expectNoErrors(win);
  });

  it('a megabyte cookie string: no choice, bounded warnings, nothing granted', async () => {
    const win = await openPage({
      before: `const big = 'ma_cookie_consent=' + encodeURIComponent(JSON.stringify({ v: 1, rev: '1', ts: new Date().toISOString(), id: 'x', categories: { analytics: true, video: true }, pad: 'p'.repeat(${MB}) }));
        Object.defineProperty(document, 'cookie', { configurable: true, get: () => 'a=1; ' + big + '; ' + big.replace('ma_cookie_consent', 'other'), set: () => {} });`,
      body: '<script type="text/plain" data-consent="analytics">window.__runs.push("analytics")</script>',
    });
    await settle();
    expect(element(win).consent).to.equal(null);
    expect(element(win).isGranted('analytics')).to.equal(false);
    expect(win.__runs).to.deep.equal([]);
    expectBoundedWarnings(win);
    expectNoErrors(win);
  });

  it('an enormous JSON configuration (50 000 unknown texts, 50 000 categories, megabyte strings): bounded warnings', async () => {
    const win = await openPage(
      {
        before: `const texts = {}; const categories = {};
          for (let i = 0; i < 50000; i++) { texts['k' + i] = 'v'; categories['c' + i] = { label: { fr: 'x' }, junk: 1 }; }
          texts.title = 't'.repeat(${MB});
          const json = JSON.stringify({ texts: { fr: texts, xx: texts }, categories, extra: 'e'.repeat(${MB}) });
          document.write('<ma-cookie-consent categories="analytics"><script type="application/json">' + json + '<\\/script></ma-cookie-consent>');`,
        top: '',
      },
      { timeout: 20000 },
    );
    await settle();
    expect(!!element(win).shadowRoot!.querySelector('[part~="banner"]')).to.equal(true);
    expectBoundedWarnings(win);
    expectNoErrors(win);
  });

  it('attribute values a megabyte long: defaults, bounded warnings, a banner', async () => {
    // Built in the page: a megabyte does not fit in a request's URL.
    const win = await openPage({
      top: '',
      before: `const long = (s) => s.repeat(Math.ceil(${MB} / s.length));
        const attrs = { lang: long('x'), languages: long('zz '), categories: long('!bad '), 'policy-url': 'javascript:' + long('a'),
          'cookie-name': long(';'), revision: long('r '), 'expires-days': long('9'), position: long('p'), theme: long('t') };
        const el = document.createElement('ma-cookie-consent');
        for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
        document.addEventListener('DOMContentLoaded', () => document.body.prepend(el));`,
    });
    await settle();
    expect(!!element(win).shadowRoot!.querySelector('[part~="banner"]')).to.equal(true);
    element(win).refuseAll();
    expect(element(win).consent!.categories).to.deep.equal({ analytics: false });
    expectBoundedWarnings(win);
    expectNoErrors(win);
  });

  it('gated markup with megabyte URLs (src on an iframe, an untyped script): short warnings', async () => {
    const win = await openPage({
      before: `const url = '/__adv-missing/' + 'u'.repeat(${MB}) + '.js';
        document.write('<iframe data-consent="video" src="' + url + '" title="x"></iframe><script data-consent="analytics" src="' + url + '"><\\/script>');`,
    });
    await settle();
    expect(warnings(win).length).to.be.greaterThan(0);
    expectBoundedWarnings(win);
  });

  it('a gated inline script a megabyte long runs once, whole, after consent', async () => {
    const win = await openPage({
      top: ELEMENT('categories="analytics"'),
      before: `document.write('<script type="text/plain" data-consent="analytics">window.__runs.push("big:" + "' + 'b'.repeat(${MB}) + '".length)<\\/script>');`,
    });
    element(win).acceptAll();
    await until(() => win.__runs.length > 0);
    await settle();
    expect(win.__runs).to.deep.equal([`big:${MB}`]);
  });
});

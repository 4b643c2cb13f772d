/**
 * Hostile customElements: a page (or another library on it) that already defined the
 * component's tag names, or that replaced the registry's methods. Whatever it did, the bundle
 * throws nothing into the page, nothing gated runs or is requested before consent, and where it
 * cannot work it says so with a `[ma-cookie-consent]` warning.
 */
import { expect } from '@open-wc/testing';
import {
  cleanUp,
  clearCookies,
  consentElement,
  element,
  expectNoErrors,
  gatedExternal,
  gatedInline,
  hits,
  newKey,
  openPage,
  settle,
  until,
  untilHits,
  warnings,
} from './helpers.js';

const GATED = (key: string) =>
  `${gatedExternal(key, 'analytics', '', false)}${gatedInline('inline', 'analytics', false)}<iframe data-consent="video" data-src="/__hits/${key}-frame.js" title="x"></iframe>`;

async function expectNothingGated(win: Window & { __runs: string[] }, key: string): Promise<void> {
  expect(win.__runs).to.deep.equal([]);
  expect(await hits(key)).to.equal(0);
  expect(await hits(`${key}-frame`)).to.equal(0);
}

describe('hostile customElements', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  it('the page defined <ma-cookie-consent> first: nothing thrown, nothing gated runs, a warning says the name is taken', async () => {
    const key = newKey('taken');
    const win = await openPage(
      {
        before: "customElements.define('ma-cookie-consent', class extends HTMLElement { acceptAll() {} });",
        body: GATED(key),
      },
      { component: false },
    );
    await settle();
    expectNoErrors(win);
    await expectNothingGated(win, key);
    expect(warnings(win).length, 'warnings').to.be.greaterThan(0);
  });

  it('the page defined <ma-consent-placeholder> first: nothing thrown, consent still works', async () => {
    const key = newKey('placeholder-taken');
    const win = await openPage({
      before:
        "customElements.define('ma-consent-placeholder', class extends HTMLElement { connectedCallback() { this.textContent = 'not ours'; } });",
      body: GATED(key),
    });
    await settle();
    await expectNothingGated(win, key);
    element(win).acceptAll();
    await until(() => win.__runs.includes('inline'));
    await untilHits(`${key}-frame`, 1);
    expectNoErrors(win);
  });

  it('customElements.define throws: nothing thrown into the page, nothing gated runs, a warning', async () => {
    const key = newKey('define-throws');
    const win = await openPage(
      {
        before: "customElements.define = () => { throw new Error('registry locked by the site'); };",
        body: GATED(key),
      },
      { component: false },
    );
    await settle();
    expectNoErrors(win);
    await expectNothingGated(win, key);
    expect(warnings(win).length).to.be.greaterThan(0);
  });

  it('customElements.define wrapped by a scoping library (it defines a subclass): everything works', async () => {
    const key = newKey('define-wrapped');
    const win = await openPage({
      before:
        'const define = customElements.define.bind(customElements); customElements.define = (name, cls, options) => define(name, class extends cls {}, options);',
      body: GATED(key),
    });
    await expectNothingGated(win, key);
    element(win).acceptAll();
    await until(() => win.__runs.includes('inline') && win.__runs.includes(key));
    expect(win.__runs).to.deep.equal([key, 'inline']);
    expectNoErrors(win);
  });

  it('customElements.get lies (always "defined"): nothing thrown, nothing gated runs', async () => {
    const key = newKey('get-lies');
    const win = await openPage(
      { before: 'customElements.get = () => class extends HTMLElement {};', body: GATED(key) },
      { component: false },
    );
    await settle();
    expectNoErrors(win);
    await expectNothingGated(win, key);
  });

  it('no customElements at all: nothing thrown into the page, nothing gated runs, a warning', async () => {
    const key = newKey('no-registry');
    const win = await openPage(
      {
        before: "Object.defineProperty(window, 'customElements', { value: undefined, configurable: true });",
        body: GATED(key),
      },
      { component: false },
    );
    await settle();
    expectNoErrors(win);
    await expectNothingGated(win, key);
    expect(!!consentElement(win)?.shadowRoot).to.equal(false);
    expect(warnings(win).length).to.be.greaterThan(0);
  });
});

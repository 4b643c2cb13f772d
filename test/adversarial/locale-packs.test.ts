/**
 * Locale-pack registration (docs/api.md §1 "Locale packs"): a pack is page-supplied data. A hostile
 * one renders as text; one that tries to replace a built-in locale (`fr`, `ar`), lacks keys, or
 * is not a pack at all is refused with a `[ma-cookie-consent]` warning; `__proto__` and other
 * Object.prototype names as codes pollute nothing. The registration detail lives in
 * ./locale-pack.ts only.
 *
 * Written against the contract before the feature exists in this build: most fail until it lands.
 */
import { expect } from '@open-wc/testing';
import fr from '../../locales/fr.js';
import ar from '../../locales/ar.js';
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
import { pack, packFile, packSource, registerPack, REGISTRY } from './locale-pack.js';

const HOSTILE = '<img src="x" onerror="window.__pwned = 1"><b>gras</b>';

/** Every text of a pack set to hostile markup. */
function hostilePack(): Record<string, unknown> {
  const texts = Object.fromEntries(
    Object.keys(fr)
      .filter((k) => !k.startsWith('$'))
      .map((k) => [k, `${HOSTILE} ${k}`]),
  );
  return pack({ ...texts, $name: `${HOSTILE} name` });
}

function expectTextOnly(win: PageWindow): void {
  const root = element(win).shadowRoot!;
  expect(root.querySelectorAll('img, b, script').length, 'elements from texts').to.equal(0);
  expect(win.__pwned).to.equal(undefined);
}

const titleOf = (win: PageWindow) => element(win).shadowRoot!.querySelector('#ma-banner-title')?.textContent?.trim();
const rootOf = (win: PageWindow) => element(win).shadowRoot!.querySelector('[lang][dir]')!;

describe('locale-pack registration', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  it('a hostile pack loaded before the bundle: its texts and its name render as text', async () => {
    const win = await openPage({
      before: packFile(hostilePack()),
      top: ELEMENT('lang="es" languages="es fr ar"'),
    });
    await until(() => (titleOf(win) ?? '').includes('<img'));
    expectTextOnly(win);
    await element(win).showPreferences();
    await element(win).updateComplete;
    expect(element(win).shadowRoot!.querySelector('dialog')!.textContent).to.include('<b>gras</b>');
    expectTextOnly(win);
    expectNoErrors(win);
  });

  it('a hostile pack loaded after the banner rendered: re-rendered in place, as text', async () => {
    const win = await openPage({ top: ELEMENT('languages="fr ar es"') });
    registerPack(win, hostilePack());
    await until(() =>
      (element(win).shadowRoot!.querySelector('[part~="language"]')?.textContent ?? '').includes('<img'),
    );
    element(win).setAttribute('lang', 'es');
    await until(() => (titleOf(win) ?? '').includes('<img'));
    expectTextOnly(win);
    expectNoErrors(win);
  });

  it('a pack that tries to replace "fr" is refused with a warning; French stays French', async () => {
    const win = await openPage({
      before: packFile(pack({ $code: 'fr', title: 'Remplacé' })),
      top: ELEMENT('lang="fr"'),
    });
    expect(titleOf(win)).to.equal(fr.title);
    expect(warnings(win).length, 'warnings').to.be.greaterThan(0);
  });

  it('a pack that tries to replace "ar" (and turn it left-to-right) is refused with a warning', async () => {
    const win = await openPage({
      before: packFile(pack({ $code: 'ar', $dir: 'ltr', title: 'Replaced' })),
      top: ELEMENT('lang="ar"'),
    });
    expect(titleOf(win)).to.equal(ar.title);
    expect(rootOf(win).getAttribute('dir')).to.equal('rtl');
    expect(warnings(win).length, 'warnings').to.be.greaterThan(0);
  });

  /** A page whose only fault is the packs it registers; then `lang` asks for `code`. */
  async function refused(source: string, code: string, count = 1): Promise<PageWindow> {
    const win = await openPage({ before: source, top: ELEMENT() });
    await settle();
    expect(warnings(win).length, 'warnings about the packs').to.be.at.least(count);
    element(win).setAttribute('lang', code);
    await element(win).updateComplete;
    expect(titleOf(win)).to.equal(fr.title);
    expectNoErrors(win);
    return win;
  }

  it('a pack with missing keys is refused with a warning; lang falls back to French', async () => {
    const incomplete = pack({ title: 'Título' });
    delete incomplete.refuseAll;
    const win = await refused(packFile(incomplete), 'es');
    expect(element(win).shadowRoot!.querySelector('[part~="refuse"]')!.textContent!.trim()).to.equal(fr.refuseAll);
  });

  it('a pack with a bad $dir, or with texts that are not strings, is refused with a warning', async () => {
    await refused(
      packFile(pack({ $dir: 'sideways' })) + packFile(pack({ $code: 'it', title: { html: '<b>x</b>' } })),
      'es',
      2,
    );
  });

  for (const code of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`a pack with $code "${code}" is refused with a warning and pollutes nothing`, async () => {
      const win = await refused(packFile(pack({ $code: code })), code);
      // Nothing reached Object.prototype of the page.
      const probe = (win as unknown as { eval(code: string): Record<string, unknown> }).eval('({})');
      expect(probe.title).to.equal(undefined);
      expect(probe.$code).to.equal(undefined);
    });
  }

  it('things that are not packs (a string, null, a number, an array, a function) are refused with warnings', async () => {
    await refused(['"es"', 'null', '42', '["es"]', '() => ({})'].map(packSource).join('\n'), 'es', 5);
  });

  it('a pack whose properties throw when read: nothing thrown into the page, a warning', async () => {
    await refused(
      packSource(
        `Object.defineProperty(${JSON.stringify(pack())}, 'title', { get() { throw new Error('boom'); }, enumerable: true })`,
      ),
      'es',
    );
  });

  it('the registry global clobbered by a named element: nothing thrown, French renders', async () => {
    const win = await openPage({ head: `<form id="${REGISTRY}"></form>`, top: ELEMENT() });
    await settle();
    expectNoErrors(win);
    expect(titleOf(win)).to.equal(fr.title);
  });
});

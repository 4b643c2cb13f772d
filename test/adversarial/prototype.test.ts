/**
 * Polluted prototypes: a page's own code (an old library, a query-string parser) sets
 * properties on Object.prototype before the bundle loads. An inherited property is not the
 * visitor's answer: it must never grant a category, whatever the category's name.
 */
import { expect } from '@open-wc/testing';
import {
  cleanUp,
  clearCookies,
  clickPart,
  element,
  ELEMENT,
  expectNoErrors,
  gatedInline,
  hits,
  newKey,
  openPage,
  ready,
  settle,
  storeChoice,
  until,
  validRecord,
} from './helpers.js';

/** A gated script and a gated iframe of the category, counted by the server. */
const gatedPair = (key: string, category: string) =>
  `${gatedInline(`${category}-script`, category, false)}<iframe data-consent="${category}" data-src="/__hits/${key}-${category}.js" title="x"></iframe>`;

describe('polluted prototypes', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  it('Object.prototype.maps = true: a data-consent="maps" script and iframe stay inert after "Tout refuser"', async () => {
    const key = newKey('proto');
    const win = await openPage({
      before: 'Object.prototype.maps = true;',
      top: ELEMENT('categories="analytics"'),
      body: gatedPair(key, 'maps'),
    });
    clickPart(win, 'refuse');
    await settle();
    expect(win.__runs).to.deep.equal([]);
    expect(await hits(`${key}-maps`)).to.equal(0);
    expect(element(win).isGranted('maps')).to.equal(false);
    expectNoErrors(win);
  });

  it('an inherited getter (Object.defineProperty on Object.prototype) grants nothing either', async () => {
    const key = newKey('protoget');
    const win = await openPage({
      before: "Object.defineProperty(Object.prototype, 'maps', { get() { return true; }, configurable: true });",
      top: ELEMENT('categories="analytics"'),
      body: gatedPair(key, 'maps'),
    });
    element(win).refuseAll();
    element(win).acceptAll();
    await settle();
    expect(win.__runs).to.deep.equal([]);
    expect(await hits(`${key}-maps`)).to.equal(0);
  });

  it('whenGranted("maps") does not resolve from an inherited property', async () => {
    const win = await openPage({ before: 'Object.prototype.maps = true;', top: ELEMENT('categories="analytics"') });
    let resolved = false;
    void element(win)
      .whenGranted('maps')
      .then(() => (resolved = true));
    clickPart(win, 'refuse');
    await settle();
    expect(resolved).to.equal(false);
  });

  it('categories named toString, constructor, __proto__, hasOwnProperty are never granted by a refusal', async () => {
    const key = newKey('builtin');
    const names = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
    const win = await openPage({
      before: 'Object.prototype.maps = true;',
      top: ELEMENT('categories="analytics toString constructor"'),
      body: names.map((name) => gatedPair(key, name)).join(''),
    });
    clickPart(win, 'refuse');
    element(win).setConsent({ analytics: true });
    await until(() => !!element(win).consent?.categories.analytics);
    await settle();
    expect(win.__runs).to.deep.equal([]);
    for (const name of names) {
      expect(await hits(`${key}-${name}`), name).to.equal(0);
      expect(element(win).isGranted(name), name).to.equal(false);
    }
    expectNoErrors(win);
  });

  it('a stored choice missing a category does not take its answer from Object.prototype', async () => {
    // A cookie written before "video" was offered, on a page whose code pollutes the prototype.
    storeChoice({ analytics: false });
    const key = newKey('protocookie');
    const win = await openPage({
      before: 'Object.prototype.video = true;',
      body: gatedPair(key, 'video'),
    });
    await settle();
    expect(win.__runs).to.deep.equal([]);
    expect(await hits(`${key}-video`)).to.equal(0);
    expect(element(win).isGranted('video')).to.equal(false);
    // Not an answer to the question asked: the banner asks again.
    expect(element(win).consent).to.equal(null);
  });

  it('Object.prototype.categories polluted, and a stored choice without "categories": nothing thrown, nothing granted', async () => {
    const record = validRecord();
    delete record.categories;
    document.cookie = `ma_cookie_consent=${encodeURIComponent(JSON.stringify(record))}; path=/`;
    const key = newKey('protocats');
    const win = await openPage(
      { before: 'Object.prototype.categories = { analytics: true, video: true };', body: gatedPair(key, 'analytics') },
      { component: false },
    );
    await settle();
    expectNoErrors(win);
    expect(win.__runs).to.deep.equal([]);
    expect(await hits(`${key}-analytics`)).to.equal(0);
    await ready(win, 3000);
    expect(element(win).consent).to.equal(null);
    expect(element(win).isGranted('analytics')).to.equal(false);
  });

  it('texts inherited from Object.prototype.fr render as text, not HTML', async () => {
    const win = await openPage({
      before:
        'Object.prototype.fr = { title: \'<img src="x" onerror="window.__pwned = 1">\' }; Object.prototype.title = \'<b>gras</b>\';',
    });
    await settle();
    const root = element(win).shadowRoot!;
    expect(root.querySelectorAll('img, b, script').length).to.equal(0);
    expect(win.__pwned).to.equal(undefined);
    expectNoErrors(win);
  });
});

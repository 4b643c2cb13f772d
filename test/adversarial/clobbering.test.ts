/**
 * Clobbered globals: markup injected into a page (a comment, a CMS field) can give a name to an
 * element, and a named <img>, <form>, <iframe>, <embed> or <object> then hides the document's own
 * property of that name (`document.currentScript`, `document.cookie`, `document.body`…). The
 * component must keep its promises whatever such markup says: the nonce rule holds, nothing is
 * granted, nothing gated runs before consent, nothing throws into the page.
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
  storeChoice,
  untilSettled,
  type PageWindow,
} from './helpers.js';

/** The one-tag embed of a page with a nonce-based CSP (docs/api.md §1). */
const ONE_TAG = (mode: 'defer' | 'async') => `nonce="{{nonce}}" data-categories="analytics video" ${mode}`;

/** Injected markup: a gated script without the page's nonce. */
const INJECTED = gatedInline('injected', 'analytics', false);

describe('clobbered globals: the nonce rule of the one-tag embed', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  for (const mode of ['defer', 'async'] as const) {
    it(`an injected <img name="currentScript"> does not switch the nonce rule off (${mode}, 'strict-dynamic')`, async () => {
      const win = await openPage({
        top: '',
        embed: ONE_TAG(mode),
        csp: 'dynamic',
        body: `<img name="currentScript" alt="">${INJECTED}${gatedInline('signed')}`,
      });
      element(win).acceptAll();
      await untilSettled(() => win.__runs.includes('signed'));
      expect(win.__runs).to.deep.equal(['signed']);
      expectNoErrors(win);
    });
  }

  it('nor an <iframe name="currentScript"> (whose window the document then names)', async () => {
    const win = await openPage(
      {
        top: '',
        embed: ONE_TAG('defer'),
        csp: 'dynamic',
        body: `<iframe name="currentScript" title="x"></iframe>${INJECTED}${gatedInline('signed')}`,
      },
      { component: false },
    );
    await settle();
    expectNoErrors(win);
    element(win).acceptAll();
    await untilSettled(() => win.__runs.includes('signed'));
    expect(win.__runs).to.deep.equal(['signed']);
  });

  it('nor an <object id="currentScript"> placed before a bundle in <head>', async () => {
    // A parser-blocking bundle reads currentScript while the page is parsed: the injected
    // element must come first, so here it is in the head (the parser moves it to the body).
    const win = await openPage({
      head: `<object id="currentScript"></object>`,
      embed: 'nonce="{{nonce}}"',
      csp: 'dynamic',
      body: `${INJECTED}${gatedInline('signed')}`,
    });
    element(win).acceptAll();
    await untilSettled(() => win.__runs.includes('signed'));
    expect(win.__runs).to.deep.equal(['signed']);
  });

  it('an injected gated template holding a script without the nonce stays inert too', async () => {
    const win = await openPage({
      top: '',
      embed: ONE_TAG('defer'),
      csp: 'dynamic',
      body: `<img name="currentScript" alt=""><template data-consent="analytics"><script>window.__runs.push('injected-template')</script></template>${gatedInline('signed')}`,
    });
    element(win).acceptAll();
    await untilSettled(() => win.__runs.includes('signed'));
    expect(win.__runs).to.deep.equal(['signed']);
  });
});

/**
 * Names that hide what the component reads. Each page has a gated script and a gated iframe;
 * before consent and after a refusal nothing runs, nothing is granted, nothing throws.
 * [what is hidden, injected markup, how the component is embedded]
 */
const CLOBBERS: Array<[string, string, 'element' | 'one-tag']> = [
  ['document.cookie', '<form name="cookie"><input name="split"></form>', 'element'],
  ['document.body', '<img name="body" alt="">', 'one-tag'],
  ['document.querySelector', '<img name="querySelector" alt="">', 'one-tag'],
  ['document.querySelectorAll', '<form name="querySelectorAll"></form>', 'element'],
  ['document.createElement', '<embed name="createElement">', 'one-tag'],
  ['document.addEventListener', '<img name="addEventListener" alt="">', 'element'],
  [
    'document.forms, documentElement, activeElement, defaultView, location; window.dataLayer, gtag, _paq, trustedTypes, BroadcastChannel',
    '<img name="forms" alt=""><img name="documentElement" alt=""><img name="activeElement" alt=""><img name="defaultView" alt="">' +
      '<img name="location" alt=""><img id="dataLayer" alt=""><form id="_paq"><input name="push"></form><img id="gtag" alt="">' +
      '<img id="trustedTypes" alt=""><img id="BroadcastChannel" alt="">',
    'one-tag',
  ],
];

/** The document's real <body>, whatever a named element says. */
const realBody = (win: Window) =>
  Object.getOwnPropertyDescriptor(Document.prototype, 'body')!.get!.call(win.document) as HTMLElement;

describe('clobbered globals: no grant, no crash, no script', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  for (const [what, markup, embed] of CLOBBERS) {
    it(`${what} hidden by injected markup (${embed === 'element' ? '<ma-cookie-consent> in the page' : 'one-tag embed'})`, async () => {
      const key = newKey('clobber');
      const win = await openPage(
        {
          top:
            embed === 'element'
              ? `${markup}<ma-cookie-consent categories="analytics video"></ma-cookie-consent>`
              : markup,
          embed: embed === 'element' ? '' : 'data-categories="analytics video" defer',
          body: `${gatedExternal(`${key}-a`, 'analytics', '', false)}${gatedInline('inline', 'analytics', false)}<iframe data-consent="video" data-src="/__hits/${key}-frame.js" title="x"></iframe>`,
        },
        { component: false },
      );
      await settle();
      const frame = Document.prototype.querySelector.call(win.document, 'iframe[data-consent]')!;
      const check = async () => {
        expectNoErrors(win);
        expect(win.__runs, 'gated scripts run').to.deep.equal([]);
        expect(await hits(`${key}-a`)).to.equal(0);
        expect(await hits(`${key}-frame`)).to.equal(0);
        expect(frame.hasAttribute('src')).to.equal(false);
      };
      await check();
      const el = consentElement(win);
      expect(!!el, 'the element is in the page').to.equal(true);
      // One-tag embed: the first child of the real <body>, where the visitor sees it (docs/api.md §1).
      if (embed === 'one-tag')
        expect(realBody(win).firstElementChild === el, 'first child of the real <body>').to.equal(true);
      el!.refuseAll();
      await settle();
      expect(el!.isGranted('analytics')).to.equal(false);
      expect(el!.isGranted('video')).to.equal(false);
      await check();
    });
  }

  it('a clobbered document.readyState does not make a streamed gated script run half-written', async () => {
    storeChoice({ analytics: true, video: false });
    const win = await openPage(
      {
        delay: 400,
        body: `<img name="readyState" alt=""><script type="text/plain" data-consent="analytics">window.__runs.push(['first',
<!--pause-->
'second'].join('-'));</script>`,
      },
      { component: false },
    );
    await untilSettled(() => win.__runs.length > 0 || win.__errors.length > 0);
    expect(win.__runs).to.deep.equal(['first-second']);
    expectNoErrors(win as PageWindow);
  });
});

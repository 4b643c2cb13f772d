/**
 * What kinds of elements a gated template may hold: foreign-namespace scripts (<svg><script>),
 * declarative shadow roots, frames with srcdoc, <object>/<embed>, <meta http-equiv>, nested
 * templates, event-handler attributes. On a page whose bundle tag carries a nonce, nothing in
 * an injected template runs without that nonce — not even under 'strict-dynamic', where the
 * browser trusts whatever the component inserts; nothing in a template runs or is requested
 * before consent; what the page author wrote runs once after it.
 */
import { expect } from '@open-wc/testing';
import {
  cleanUp,
  clearCookies,
  element,
  expectNoErrors,
  gatedInline,
  hits,
  newKey,
  openPage,
  settle,
  until,
  warnings,
} from './helpers.js';
import { expectAbsent } from '../helpers.js';

/** A nonce-based CSP with 'strict-dynamic', the bundle tag carrying the nonce. */
const SIGNED_PAGE = { csp: 'dynamic' as const, embed: 'nonce="{{nonce}}"' };

describe('foreign and unusual elements in an injected template, under a nonce rule', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  const injected: Array<[string, string]> = [
    ['an <svg><script> without the nonce', `<svg><script>window.__runs.push('svg-script')</script></svg>`],
    [
      'an <svg><script href> without the nonce',
      `<svg><script href="data:text/javascript,window.__runs.push('svg-href')"></script></svg>`,
    ],
    [
      'a script inside a declarative shadow root',
      `<div><template shadowrootmode="open" shadowrootclonable><script>window.__runs.push('shadow-script')</script></template></div>`,
    ],
    [
      'a script inside a declarative shadow root inside <svg><foreignObject>',
      `<svg><foreignObject><div><template shadowrootmode="open" shadowrootclonable><p>x</p><script>window.__runs.push('deep-shadow')</script></template></div></foreignObject></svg>`,
    ],
    [
      'a <math> text point holding a script',
      `<math><mi><script>window.__runs.push('math-script')</script></mi></math>`,
    ],
    [
      'an <iframe srcdoc> with a script',
      `<iframe srcdoc="<script>parent.__runs.push('tpl-srcdoc')</script>"></iframe>`,
    ],
    [
      'event-handler attributes',
      `<img src="/__adv-missing/x.png" onerror="window.__runs.push('onerror')" alt=""><svg onload="window.__runs.push('svg-onload')"></svg>`,
    ],
    ['a module script without the nonce', `<script type="module">window.__runs.push('module')</script>`],
  ];
  for (const [name, markup] of injected) {
    it(`${name} never runs`, async () => {
      const win = await openPage({
        ...SIGNED_PAGE,
        body: `<template data-consent="analytics">${markup}</template>${gatedInline('signed')}`,
      });
      element(win).acceptAll();
      await until(() => win.__runs.includes('signed'));
      await settle();
      expect(win.__runs).to.deep.equal(['signed']);
    });
  }

  it('<object> and <embed> with data: documents, and <meta http-equiv="refresh">, do nothing before consent', async () => {
    const key = newKey('objects');
    const win = await openPage({
      ...SIGNED_PAGE,
      body:
        `<template data-consent="video"><object data="/__hits/${key}-object.js"></object><embed src="/__hits/${key}-embed.js">` +
        `<meta http-equiv="refresh" content="0;url=/__hits/${key}-refresh.js"></template>`,
    });
    element(win).refuseAll();
    await settle();
    for (const what of ['object', 'embed', 'refresh']) expect(await hits(`${key}-${what}`), what).to.equal(0);
    expect(!!win.document.querySelector('template[data-consent]')).to.equal(true);
    expectNoErrors(win);
  });
});

describe('foreign and nested elements the page author wrote in a gated template', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  // Decision (docs/security.md): scripts of other namespaces never run from a gated template,
  // even the page author's own, signed with the nonce. They are removed, with a warning.
  it('an <svg><script> with the page nonce is removed, with a warning, and never runs', async () => {
    const win = await openPage({
      ...SIGNED_PAGE,
      body:
        `<template data-consent="analytics" nonce="{{nonce}}"><svg><script nonce="{{nonce}}">window.__runs.push('svg')</script></svg></template>` +
        gatedInline('signed'),
    });
    element(win).acceptAll();
    await until(() => win.__runs.includes('signed'));
    await settle();
    expect(win.__runs).to.deep.equal(['signed']);
    expect(warnings(win).some((m) => m.includes('element: <script> in <template data-consent="analytics">'))).to.equal(
      true,
    );
    expectAbsent(win.document.querySelector('svg script'));
  });

  it('an external <svg><script href> never runs, and consent requests nothing for it', async () => {
    const key = newKey('svghref');
    const win = await openPage({
      body:
        `<template data-consent="analytics"><svg><script href="/__hits/${key}.js"></script></svg></template>` +
        gatedInline('after', 'analytics', false),
    });
    await settle();
    // Firefox's speculative parser may fetch URLs inside a <template> before any consent (its
    // bug 1441044, pinned in test/gating.test.ts): a download, never a run. Chromium fetches none.
    const before = await hits(key);
    expect(before).to.be.at.most(1);
    element(win).acceptAll();
    await until(() => win.__runs.includes('after'));
    await settle();
    expect(await hits(key), 'nothing requested on consent').to.equal(before);
    expect(win.__runs).to.deep.equal(['after']);
  });

  it('nested gated templates: the inner one waits for its own category', async () => {
    const win = await openPage({
      body: `<template data-consent="analytics"><p class="outer">a</p><template data-consent="video"><p class="inner">v</p><script>window.__runs.push('inner')</script></template></template>`,
    });
    element(win).setConsent({ analytics: true });
    await until(() => !!win.document.querySelector('.outer'));
    await settle();
    expect(!!win.document.querySelector('.inner')).to.equal(false);
    expect(win.__runs).to.deep.equal([]);
    element(win).acceptAll();
    await until(() => win.__runs.includes('inner'));
    await settle();
    expect(win.__runs).to.deep.equal(['inner']);
    expect(win.document.querySelectorAll('.inner').length).to.equal(1);
  });
});

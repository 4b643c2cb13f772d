/**
 * Placeholders for blocked embeds (docs/api.md §3): a `<ma-consent-placeholder>` takes a blocked
 * gated iframe's place. Its iframe's `title` and `data-src` come from the page's markup, which
 * an attacker may have written: they render as text, the "open" link is only ever an http(s)
 * URL, and the "allow" button grants that one category and nothing else.
 *
 * Written against the contract before the feature exists in this build: these fail until it lands.
 */
import { expect } from '@open-wc/testing';
import {
  cleanUp,
  clearCookies,
  element,
  ELEMENT,
  expectNoErrors,
  gatedInline,
  openPage,
  settle,
  storeChoice,
  until,
  type PageWindow,
} from './helpers.js';
import { expectAbsent } from '../helpers.js';

const HOSTILE = '"><img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 1</script>';

/** The placeholder standing for the n-th gated iframe (inserted immediately before it). */
async function placeholderOf(win: PageWindow, n = 0): Promise<{ host: HTMLElement; root: ShadowRoot }> {
  const frame = win.document.querySelectorAll('iframe[data-consent]')[n]!;
  await until(() => frame.previousElementSibling?.localName === 'ma-consent-placeholder', 3000).catch(() => {
    throw new Error('no <ma-consent-placeholder> before the gated iframe');
  });
  const host = frame.previousElementSibling as HTMLElement;
  await until(() => !!host.shadowRoot?.querySelector('[part~="placeholder"]'), 3000);
  return { host, root: host.shadowRoot! };
}

const frameWith = (attrs: string) => `<iframe data-consent="video" ${attrs}></iframe>`;

function expectNothingInjected(win: PageWindow, root: ShadowRoot): void {
  expect(root.querySelectorAll('img, script, iframe:not([data-consent]), object, embed').length, 'elements').to.equal(
    0,
  );
  const withHandlers = Array.from(root.querySelectorAll('*'))
    .filter((node) => Array.from(node.attributes).some((a) => a.name.startsWith('on')))
    .map((node) => node.localName);
  expect(withHandlers, 'on* attributes').to.deep.equal([]);
  expect(win.__pwned).to.equal(undefined);
}

describe('placeholders for blocked embeds', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  for (const [name, url] of [
    ['javascript:', 'javascript:window.__pwned=1'],
    ['javascript: in disguise', ' JaVa\tScRiPt:window.__pwned=1'],
    ['data:', 'data:text/html,<script>parent.__pwned=1</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
  ] as const) {
    it(`the "open" link of an iframe whose data-src is ${name} is never that URL`, async () => {
      const win = await openPage({
        body: frameWith(`data-src="${url.replace(/"/g, '&quot;')}" title="Vidéo"`),
      });
      const { root } = await placeholderOf(win);
      const link = root.querySelector<HTMLAnchorElement>('[part~="open"]');
      // Not an http(s) address: no link to it, and no button that would load it.
      expectAbsent(link, 'the open link');
      expectAbsent(root.querySelector('[part~="allow"]'), 'the allow button');
      await settle();
      expectNothingInjected(win, root);
    });
  }

  it('a hostile title renders as text', async () => {
    const win = await openPage({
      body: frameWith(`data-src="https://video.example/embed/1" title="${HOSTILE.replace(/"/g, '&quot;')}"`),
    });
    const { root } = await placeholderOf(win);
    expect(root.textContent).to.include('<img src="x"');
    expectNothingInjected(win, root);
  });

  it('a hostile data-src renders its host as text, and the link is that URL exactly', async () => {
    const url = `https://video.example/embed/${encodeURIComponent(HOSTILE)}?a="><b>x</b>`;
    const win = await openPage({ body: frameWith(`data-src="${url.replace(/"/g, '&quot;')}" title="Vidéo"`) });
    const { root } = await placeholderOf(win);
    expect(root.textContent).to.include('video.example');
    expect(!!root.querySelector('b')).to.equal(false);
    const link = root.querySelector<HTMLAnchorElement>('[part~="open"]')!;
    expect(link.href).to.equal(new URL(url).href);
    expectNothingInjected(win, root);
  });

  it('a megabyte title does not hang the page and still renders as text', async () => {
    const win = await openPage({
      body: '<iframe data-consent="video" data-src="https://video.example/embed/1" id="big"></iframe>',
      before: `document.addEventListener('DOMContentLoaded', () => document.getElementById('big').title = '<i>' + 't'.repeat(${1 << 20}));`,
    });
    const { root } = await placeholderOf(win);
    expect(!!root.querySelector('i')).to.equal(false);
    expectNoErrors(win);
  });

  it('"allow" grants only its category: analytics stays refused, its scripts do not run', async () => {
    const win = await openPage({
      body:
        gatedInline('analytics', 'analytics', false) + frameWith('data-src="/__adv-missing/video.html" title="Vidéo"'),
    });
    const { root } = await placeholderOf(win);
    root.querySelector<HTMLButtonElement>('[part~="allow"]')!.click();
    await until(() => element(win).consent !== null);
    expect(element(win).consent!.categories).to.deep.equal({ analytics: false, video: true });
    expect(win.__changes.at(-1)!.source).to.equal('placeholder');
    await settle();
    expect(win.__runs).to.deep.equal([]);
    expect(win.document.querySelector<HTMLIFrameElement>('iframe[data-consent]')!.src).to.equal(
      new URL('/__adv-missing/video.html', win.location.href).href,
    );
    expect(!!win.document.querySelector('ma-consent-placeholder')).to.equal(false);
  });

  it('"allow" keeps the other categories as they were', async () => {
    storeChoice({ analytics: true, video: false });
    const win = await openPage({ body: frameWith('data-src="/__adv-missing/video.html" title="Vidéo"') });
    const { root } = await placeholderOf(win);
    root.querySelector<HTMLButtonElement>('[part~="allow"]')!.click();
    await until(() => element(win).isGranted('video'));
    expect(element(win).consent!.categories).to.deep.equal({ analytics: true, video: true });
  });

  it('an iframe whose category is not offered gets no "allow" button, even with Object.prototype polluted', async () => {
    const win = await openPage({
      before: 'Object.prototype.maps = true;',
      top: ELEMENT('categories="analytics video"'),
      body: '<iframe data-consent="maps" data-src="https://maps.example/embed" title="Carte"></iframe>',
    });
    const { root } = await placeholderOf(win);
    expect(!!root.querySelector('[part~="allow"]')).to.equal(false);
    expect(win.document.querySelector('iframe[data-consent]')!.hasAttribute('src')).to.equal(false);
  });
});

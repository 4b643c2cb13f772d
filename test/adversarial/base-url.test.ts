/**
 * Base-URL changes: a gated script's or iframe's URL is written by the page author, but it is
 * only requested on consent. If a <base href> injected in between (by markup the page let in,
 * or by a gated template) changed what that URL means, consent would fetch code from a host the
 * page author never wrote. A gated URL must keep the meaning it had when the page was parsed:
 * it is never fetched from a host other than the page's own or the one written in it.
 */
import { expect } from '@open-wc/testing';
import {
  cleanUp,
  clearCookies,
  element,
  fetched,
  gatedInline,
  newKey,
  openPage,
  otherOrigin,
  settle,
  until,
  type PageWindow,
} from './helpers.js';

/** Requests of this page for `key`, as full URLs. */
const requestsFor = (win: PageWindow, key: string) => fetched(win).filter((url) => url.includes(key));

function expectOnlyFromHere(win: PageWindow, key: string): void {
  const urls = requestsFor(win, key);
  expect(urls.length, `requests for ${key}`).to.be.greaterThan(0);
  for (const url of urls) expect(new URL(url).host, url).to.equal(location.host);
}

/** Page code (or injected markup made live) that adds a <base> to the head, before consent. */
const injectBase = (win: PageWindow, href: string) => {
  const base = win.document.createElement('base');
  base.href = href;
  win.document.head.prepend(base);
};

describe('base-URL changes before consent', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  it('an injected <base> does not move a gated script with a root-relative src to another host', async () => {
    const key = newKey('base-root');
    const win = await openPage({
      body: `<script type="text/plain" data-consent="analytics" src="/__hits/${key}.js"></script>${gatedInline('after', 'analytics', false)}`,
    });
    injectBase(win, `${otherOrigin()}/`);
    element(win).acceptAll();
    await until(() => win.__runs.includes('after'), 5000);
    await settle();
    expectOnlyFromHere(win, key);
  });

  it('nor one with a path-relative src', async () => {
    const key = newKey('base-rel');
    const win = await openPage({
      body: `<script type="text/plain" data-consent="analytics" src="../__hits/${key}.js"></script>${gatedInline('after', 'analytics', false)}`,
    });
    injectBase(win, `${otherOrigin()}/__adv/`);
    element(win).acceptAll();
    await until(() => win.__runs.includes('after'), 5000);
    await settle();
    expectOnlyFromHere(win, key);
  });

  it('nor a gated iframe’s relative data-src', async () => {
    const key = newKey('base-frame');
    const win = await openPage({
      body: `<iframe data-consent="video" data-src="/__hits/${key}.js" title="x"></iframe>`,
    });
    injectBase(win, `${otherOrigin()}/`);
    element(win).acceptAll();
    const frame = win.document.querySelector('iframe')!;
    await until(() => frame.hasAttribute('src'));
    // What the frame loads is its src as resolved now, against the page's current base.
    expect(new URL(frame.src).host).to.equal(location.host);
  });

  it('a <base> inside a gated template does not redirect the gated scripts that follow it', async () => {
    const key = newKey('base-tpl');
    const win = await openPage({
      body:
        `<template data-consent="analytics"><base href="${otherOrigin()}/"><p>x</p></template>` +
        `<script type="text/plain" data-consent="analytics" src="/__hits/${key}.js"></script>${gatedInline('after', 'analytics', false)}`,
    });
    element(win).acceptAll();
    await until(() => win.__runs.includes('after'), 5000);
    await settle();
    expectOnlyFromHere(win, key);
  });

  it('an absolute src keeps its host whatever the base (the control)', async () => {
    const key = newKey('base-abs');
    const win = await openPage({
      body: `<script type="text/plain" data-consent="analytics" src="${location.origin}/__hits/${key}.js"></script>${gatedInline('after', 'analytics', false)}`,
    });
    injectBase(win, `${otherOrigin()}/`);
    element(win).acceptAll();
    await until(() => win.__runs.includes('after'), 5000);
    await settle();
    expectOnlyFromHere(win, key);
  });
});

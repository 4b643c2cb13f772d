/**
 * Order inside templates (docs/api.md §5: "Scripts inside a gated template keep the same order
 * rules"): a template holding a library and the inline call that uses it is the usual way to
 * gate a tag with its set-up code; the inline call must wait for the library, and gated
 * scripts after the template wait for both.
 */
import { expect } from '@open-wc/testing';
import { cleanUp, clearCookies, element, expectNoErrors, gatedInline, newKey, openPage, until } from './helpers.js';

/** Records whether the library had run when this inline script ran. */
const uses = (name: string, key: string) =>
  `<script>window.__runs.push(${JSON.stringify(name)} + (window.__runs.includes(${JSON.stringify(key)}) ? ':lib-ready' : ':lib-missing'))</script>`;

describe('order inside templates', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  it('lib.js (slow), then lib.init() in the same template, then a gated lib.track() after the template', async () => {
    const key = newKey('lib');
    const win = await openPage({
      body:
        `<template data-consent="analytics"><script src="/__hits/${key}.js?delay=800"></script>${uses('init', key)}</template>` +
        `<script type="text/plain" data-consent="analytics">window.__runs.push('track' + (window.__runs.includes(${JSON.stringify(key)}) ? ':lib-ready' : ':lib-missing'))</script>`,
    });
    element(win).acceptAll();
    await until(() => win.__runs.length >= 3, 6000);
    expect(win.__runs).to.deep.equal([key, 'init:lib-ready', 'track:lib-ready']);
    expectNoErrors(win);
  });

  it('two templates in a row: the second one waits for the first one’s external script', async () => {
    const key = newKey('twotpl');
    const win = await openPage({
      body:
        `<template data-consent="analytics"><script src="/__hits/${key}.js?delay=800"></script></template>` +
        `<template data-consent="analytics">${uses('second-template', key)}</template>`,
    });
    element(win).acceptAll();
    await until(() => win.__runs.length >= 2, 6000);
    expect(win.__runs).to.deep.equal([key, 'second-template:lib-ready']);
  });

  it('a gated external script before a template: the template’s inline script waits for it', async () => {
    const key = newKey('before-tpl');
    const win = await openPage({
      body:
        `<script type="text/plain" data-consent="analytics" src="/__hits/${key}.js?delay=800"></script>` +
        `<template data-consent="analytics">${uses('template', key)}</template>`,
    });
    element(win).acceptAll();
    await until(() => win.__runs.length >= 2, 6000);
    expect(win.__runs).to.deep.equal([key, 'template:lib-ready']);
  });

  it('two external scripts in one template, the first slower: still in document order', async () => {
    const key = newKey('tplext');
    const win = await openPage({
      body: `<template data-consent="analytics"><script src="/__hits/${key}-slow.js?delay=800"></script><script src="/__hits/${key}-fast.js"></script></template>${gatedInline('after', 'analytics', false)}`,
    });
    element(win).acceptAll();
    await until(() => win.__runs.length >= 3, 6000);
    expect(win.__runs).to.deep.equal([`${key}-slow`, `${key}-fast`, 'after']);
  });
});

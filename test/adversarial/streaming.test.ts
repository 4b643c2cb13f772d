/**
 * Streamed and foster-parented markup: the page arrives in parts (the server pauses inside a
 * gated element), with a stored choice that grants it, so the gate is eager to run it. A gated
 * inline script or template must run or be inserted once, whole, even when one of its ancestors
 * already has a next sibling while the parser is still inside it (page code appended a node to
 * <html>, or the parser foster-parented the element out of a table).
 */
import { expect } from '@open-wc/testing';
import { cleanUp, clearCookies, expectNoErrors, openPage, storeChoice, untilSettled } from './helpers.js';

/** A gated inline script cut by the network in the middle of its code. */
const SPLIT_SCRIPT = `<script type="text/plain" data-consent="analytics">window.__runs.push(['first',
<!--pause-->
'second'].join('-'));</script>`;

const SPLIT_TEMPLATE = `<template data-consent="analytics"><p class="one">un</p><!--pause--><p class="two">deux</p></template>`;

/** Page code that gives an ancestor of what follows a next sibling, as analytics or chat tags do. */
const APPEND_TO_HTML = `<script>document.documentElement.append(document.createElement('aside'));</script>`;
const AFTER_MAIN = `<script>document.getElementById('contenu').after(document.createElement('aside'));</script>`;

describe('streamed and foster-parented markup, with a stored choice', function () {
  this.timeout(20000);
  beforeEach(() => {
    clearCookies();
    storeChoice({ analytics: true, video: false });
  });
  afterEach(cleanUp);

  const cases: Array<[string, string]> = [
    [
      'a plain page cut in three places inside the script',
      SPLIT_SCRIPT.replace("'first',", "'fi' +\n<!--pause-->\n'rst',"),
    ],
    ['a page script appended a node to <html> first', APPEND_TO_HTML + SPLIT_SCRIPT],
    ['a page script put a node after <main> first', AFTER_MAIN + SPLIT_SCRIPT],
    [
      'the script is foster-parented out of a <table>',
      `<table><div>${SPLIT_SCRIPT}</div><tr><td>cellule</td></tr></table>`,
    ],
  ];
  for (const [name, body] of cases) {
    it(`a gated inline script runs once, whole: ${name}`, async () => {
      const win = await openPage({ body, delay: 400 }, { component: false });
      await untilSettled(() => win.__runs.length > 0 || win.__errors.length > 0);
      expect(win.__runs).to.deep.equal(['first-second']);
      expectNoErrors(win);
    });
  }

  const templates: Array<[string, string]> = [
    ['a page script appended a node to <html> first', APPEND_TO_HTML + SPLIT_TEMPLATE],
    [
      'the template is foster-parented out of a <table>',
      `<table><div>${SPLIT_TEMPLATE}</div><tr><td>cellule</td></tr></table>`,
    ],
  ];
  for (const [name, body] of templates) {
    it(`a gated template is inserted once, whole: ${name}`, async () => {
      const win = await openPage({ body, delay: 400 }, { component: false });
      await untilSettled(() => !!win.document.querySelector('.one'));
      expect(win.document.querySelectorAll('.one').length).to.equal(1);
      expect(win.document.querySelectorAll('.two').length).to.equal(1);
      expect(win.document.querySelector('.one')!.nextElementSibling === win.document.querySelector('.two')).to.equal(
        true,
      );
      expectNoErrors(win);
    });
  }
});

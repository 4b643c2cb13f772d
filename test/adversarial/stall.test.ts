/**
 * Scripts that never run or never finish loading (docs/api.md §5): a gated external script the
 * browser will never execute is inserted as written but not waited for; any other external
 * script is waited for until load, error, or a 10 s time-out that warns. One such script must
 * never stall the gated scripts after it.
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

/** Gated external scripts (counted as `<key>-never`) that no browser runs here. */
const NEVER_RUN: Array<[string, string]> = [
  ['nomodule', 'nomodule'],
  ['data-type="text/babel"', 'data-type="text/babel"'],
  ['data-type="application/json"', 'data-type="application/json"'],
  ['language="vbscript"', 'language="vbscript"'],
  ['for="window" event="onunload"', 'for="window" event="onunload"'],
];

describe('scripts that never run or never finish loading', function () {
  this.timeout(25000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  for (const [name, attributes] of NEVER_RUN) {
    it(`a gated external script with ${name} is inserted as written and does not stall the scripts after it`, async () => {
      const key = newKey('never');
      const win = await openPage({
        body:
          `<script type="text/plain" data-consent="analytics" src="/__hits/${key}-never.js" ${attributes}></script>` +
          gatedInline('after', 'analytics', false),
      });
      element(win).acceptAll();
      await until(() => win.__runs.includes('after'), 4000);
      // Inserted as written: the live copy keeps the attribute that keeps the browser from running it.
      // The copy's src is the URL as resolved when the gate first saw it (absolute).
      const live = win.document.querySelector<HTMLScriptElement>(`script[src$="/__hits/${key}-never.js"]`)!;
      expect(!!live, 'the live copy').to.equal(true);
      expect(live.hasAttribute('data-consent')).to.equal(false);
      const [attribute] = attributes.replace('data-type', 'type').split('=');
      expect(live.hasAttribute(attribute), attribute).to.equal(true);
      await settle();
      expect(win.__runs).to.deep.equal(['after']);
      expect(await hits(`${key}-never`), 'requests').to.equal(0);
      expectNoErrors(win);
    });
  }

  it('an external script that fails (404, bad URL, empty src) lets the next ones run, in order', async () => {
    const win = await openPage({
      body:
        '<script type="text/plain" data-consent="analytics" src="/__adv-missing/nothing.js"></script>' +
        gatedInline('one', 'analytics', false) +
        '<script type="text/plain" data-consent="analytics" src="http://[::1"></script>' +
        gatedInline('two', 'analytics', false) +
        '<script type="text/plain" data-consent="analytics" src=""></script>' +
        gatedInline('three', 'analytics', false),
    });
    element(win).acceptAll();
    await until(() => win.__runs.length >= 3, 5000);
    expect(win.__runs).to.deep.equal(['one', 'two', 'three']);
  });

  it('an external script whose server never answers is given up after 10 s, with a warning, and the queue goes on', async () => {
    const key = newKey('hang');
    const win = await openPage({
      body:
        `<script type="text/plain" data-consent="analytics" src="/__adv-hang/${key}.js?ms=30000"></script>` +
        gatedInline('after-timeout', 'analytics', false),
    });
    element(win).acceptAll();
    await until(() => win.__runs.includes('after-timeout'), 16000);
    expect(await hits(key)).to.equal(1);
    expect(
      warnings(win).some((m) => m.includes(key)),
      'a warning naming the script',
    ).to.equal(true);
    expectNoErrors(win);
  });

  it('an async gated script that never loads is not waited for at all', async () => {
    const key = newKey('hangasync');
    const win = await openPage({
      body:
        `<script type="text/plain" data-consent="analytics" src="/__adv-hang/${key}.js?ms=30000" async></script>` +
        gatedInline('after-async', 'analytics', false),
    });
    element(win).acceptAll();
    await until(() => win.__runs.includes('after-async'), 3000);
    expect(win.__runs).to.deep.equal(['after-async']);
  });
});

/**
 * Re-marked and morphed elements: page code or a DOM-morphing library (htmx, Turbo, idiomorph,
 * a CMS preview) puts the gating markers back on what already ran, or puts a copy of the
 * original gated markup back in the page. Each gated script runs exactly once per page
 * (docs/api.md §5), whatever decision or gated insertion comes next.
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
  untilHits,
  type PageWindow,
} from './helpers.js';

/** What makes the gate look again: a decision, then a new gated element added by the page. */
async function nudge(win: PageWindow): Promise<void> {
  const el = element(win);
  el.refuseAll();
  el.acceptAll();
  const late = win.document.createElement('script');
  late.type = 'text/plain';
  late.dataset.consent = 'analytics';
  late.text = "window.__runs.push('late')";
  win.document.body.append(late);
  await until(() => win.__runs.includes('late'));
  el.setConsent({ analytics: true, video: true });
  await settle();
}

const once = (win: PageWindow, name: string) => win.__runs.filter((r) => r === name);

/** Puts the gating markers back on the live script in #box, then lets the gate look again. */
async function remark(win: PageWindow): Promise<void> {
  const live = win.document.querySelector('#box script')!;
  live.setAttribute('type', 'text/plain');
  live.setAttribute('data-consent', 'analytics');
  await nudge(win);
}

describe('re-marked and morphed elements', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  it('type="text/plain" data-consent put back on the live copy of an inline script: it does not run again', async () => {
    const win = await openPage({ body: `<div id="box">${gatedInline('inline', 'analytics', false)}</div>` });
    element(win).acceptAll();
    await until(() => win.__runs.includes('inline'));
    await remark(win);
    expect(once(win, 'inline')).to.have.length(1);
    expectNoErrors(win);
  });

  it('the markers put back on the live copy of an external script: it is not requested again', async () => {
    const key = newKey('remark');
    const win = await openPage({
      body: `<div id="box"><script type="text/plain" data-consent="analytics" src="/__hits/${key}.js"></script></div>`,
    });
    element(win).acceptAll();
    await until(() => win.__runs.includes(key));
    await remark(win);
    expect(await hits(key)).to.equal(1);
    expect(once(win, key)).to.have.length(1);
  });

  it('a clone of the original taken before consent and put back after: it does not run again', async () => {
    const win = await openPage({ body: `<div id="box">${gatedInline('cloned', 'analytics', false)}</div>` });
    const copy = win.document.querySelector('#box script')!.cloneNode(true);
    element(win).acceptAll();
    await until(() => win.__runs.includes('cloned'));
    win.document.getElementById('box')!.append(copy);
    await nudge(win);
    expect(once(win, 'cloned')).to.have.length(1);
  });

  it('a region re-rendered from the same HTML (innerHTML morph) does not run its gated script again', async () => {
    const win = await openPage({ body: `<div id="box">${gatedInline('morphed', 'analytics', false)}</div>` });
    const box = win.document.getElementById('box')!;
    const html = box.innerHTML;
    element(win).acceptAll();
    await until(() => win.__runs.includes('morphed'));
    box.innerHTML = html;
    await nudge(win);
    expect(once(win, 'morphed')).to.have.length(1);
  });

  it('the markers put back on a script that came out of a gated template: it does not run again', async () => {
    const win = await openPage({
      body: `<div id="box"><template data-consent="analytics"><script>window.__runs.push('from-template')</script></template></div>`,
    });
    element(win).acceptAll();
    await until(() => win.__runs.includes('from-template'));
    await remark(win);
    expect(once(win, 'from-template')).to.have.length(1);
  });

  it('an activated iframe re-marked (src removed, data-consent back) is not loaded again', async () => {
    const key = newKey('reframe');
    const win = await openPage({
      body: `<iframe data-consent="video" data-src="/__hits/${key}.js" title="x"></iframe>`,
    });
    element(win).acceptAll();
    const frame = win.document.querySelector('iframe')!;
    await until(() => frame.src === new URL(`/__hits/${key}.js`, win.location.href).href);
    await untilHits(key, 1);
    frame.removeAttribute('src');
    frame.setAttribute('data-consent', 'video');
    // Later decisions and gated insertions, without withdrawing video (a withdrawal unloads
    // the category's iframes on purpose, and a new grant loads them again: docs/api.md §3).
    const late = win.document.createElement('script');
    late.type = 'text/plain';
    late.dataset.consent = 'analytics';
    late.text = "window.__runs.push('late')";
    win.document.body.append(late);
    await until(() => win.__runs.includes('late'));
    element(win).setConsent({ analytics: true, video: true });
    await settle();
    expect(frame.hasAttribute('src')).to.equal(false);
    expect(await hits(key)).to.equal(1);
  });
});

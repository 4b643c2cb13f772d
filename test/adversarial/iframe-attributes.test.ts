/**
 * How an iframe is activated: a gated iframe gets `src` from `data-src` on consent (docs/api.md
 * §5). Attributes that take precedence over `src` (`srcdoc`), and `data-src` values that are
 * not web addresses (`javascript:`, `data:`), must neither run anything before consent nor turn
 * consent into running the page's attacker's code: only an http(s) (or relative) `data-src` is
 * ever loaded, and other values are reported.
 */
import { expect } from '@open-wc/testing';
import {
  cleanUp,
  clearCookies,
  element,
  expectNoErrors,
  hits,
  newKey,
  openPage,
  settle,
  until,
  untilHits,
  warnings,
} from './helpers.js';

describe('iframe attributes that take precedence over src', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  it('srcdoc on a gated iframe (which the browser loads at once, before any consent) is reported, and consent loads data-src', async () => {
    const key = newKey('srcdoc');
    const win = await openPage({
      body: `<iframe data-consent="video" data-src="/__hits/${key}.js" srcdoc="<p>aperçu</p>" title="x"></iframe>`,
    });
    // A warning naming the attribute or quoting its value.
    expect(
      warnings(win).some((m) => /srcdoc|aperçu/.test(m)),
      'a warning about srcdoc',
    ).to.equal(true);
    element(win).acceptAll();
    await untilHits(key, 1);
    const frame = win.document.querySelector('iframe')!;
    await until(() => frame.contentDocument?.body?.textContent?.includes(key) === true);
  });

  it("an injected gated iframe with srcdoc under a nonce CSP with 'strict-dynamic': its script never runs", async () => {
    const win = await openPage({
      csp: 'dynamic',
      embed: 'nonce="{{nonce}}"',
      body: `<iframe data-consent="video" data-src="/__adv-missing/x.html" srcdoc="<script>parent.__runs.push('srcdoc')</script>" title="x"></iframe>`,
    });
    element(win).acceptAll();
    await settle();
    expect(win.__runs).to.deep.equal([]);
    expectNoErrors(win);
  });

  /** [name, data-src, what a warning about it says (the attribute, or the offending value)] */
  const hostile: Array<[string, string, RegExp]> = [
    ['javascript:', "javascript:parent.__runs.push('javascript-url')", /data-src|javascript/i],
    [
      'javascript: hidden by case, tabs and newlines',
      " JaVa\tScRiPt\n:parent.__runs.push('javascript-url')",
      /data-src|java\s*script/i,
    ],
    ['data:text/html', "data:text/html,<script>parent.postMessage('data-url', '*')</script>", /data-src|data:/i],
    ['vbscript:', 'vbscript:msgbox(1)', /data-src|vbscript/i],
  ];
  for (const [name, url, warning] of hostile) {
    it(`data-src with a ${name} URL is never loaded, even after consent, and is reported`, async () => {
      const win = await openPage({
        body: `<iframe data-consent="video" data-src="${url.replace(/"/g, '&quot;')}" title="x"></iframe>`,
      });
      const posted: unknown[] = [];
      win.addEventListener('message', (e) => posted.push(e.data));
      element(win).acceptAll();
      await settle();
      const frame = win.document.querySelector('iframe')!;
      expect(frame.getAttribute('src') ?? '', 'src').not.to.match(/^\s*(javascript|data|vbscript):/i);
      expect(frame.getAttribute('src') ?? '', 'src').not.to.match(/script/i);
      expect(win.__runs).to.deep.equal([]);
      expect(posted).to.deep.equal([]);
      expect(
        warnings(win).some((m) => warning.test(m)),
        'a warning',
      ).to.equal(true);
      expectNoErrors(win);
    });
  }

  it('an http(s) data-src is loaded as written (the control)', async () => {
    const key = newKey('https');
    const win = await openPage({
      body: `<iframe data-consent="video" data-src="/__hits/${key}.js" title="x"></iframe>`,
    });
    element(win).acceptAll();
    await untilHits(key, 1);
    expect(await hits(key)).to.equal(1);
  });
});

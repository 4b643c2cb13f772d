/**
 * The built bundle under the policies a ministry may serve (issue 4 items 3 and 4): a
 * nonce-based Content-Security-Policy without any `unsafe-*`
 * (`default-src 'self'; script-src 'self' 'nonce-…'; style-src 'self'`), then Trusted Types
 * on top. The banner must be styled, nothing may be reported, and gated scripts carrying the
 * nonce must run after consent. Each fixture records `securitypolicyviolation` events from its
 * first line, before the component loads.
 */
import { expect } from '@open-wc/testing';
import { clearCookies, until, wait } from './helpers.js';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}
interface PageWindow extends Window {
  __runs?: string[];
  __violations: Violation[];
  __errors: string[];
  __warnings: string[];
  trustedTypes?: unknown;
}
interface Element extends HTMLElement {
  updateComplete: Promise<unknown>;
  setConsent(choices: Record<string, boolean>): void;
}

let frame: HTMLIFrameElement | null = null;

async function openPage(fixture: string, params: Record<string, string>): Promise<PageWindow> {
  frame?.remove();
  frame = document.createElement('iframe');
  frame.style.cssText = 'inline-size: 1000px; block-size: 700px';
  const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
  frame.src = `/__page/${fixture}.html?${new URLSearchParams(params)}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  const el = element(win);
  if (win.customElements.get('ma-cookie-consent')) await el.updateComplete;
  return win;
}

const element = (win: PageWindow) => win.document.querySelector('ma-cookie-consent') as Element;
const part = (win: PageWindow, name: string) =>
  element(win).shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
const receivedIds = async () =>
  ((await (await fetch('/__receipts')).json()) as string[]).map((body) => (JSON.parse(body) as { id: string }).id);
const hits = async (key: string) => ((await (await fetch(`/__hits?key=${key}`)).json()) as { count: number }).count;

/**
 * Violations are reported asynchronously: give them time to arrive before saying "none". The
 * test server injects its own reload script into every page (without the nonce): not ours.
 */
async function settled(win: PageWindow): Promise<{ violations: Violation[]; errors: string[] }> {
  await wait(300);
  return { violations: win.__violations.filter((v) => !v.blocked.includes('/__web-dev-server')), errors: win.__errors };
}

/** Accepts in the banner: the three gated scripts run in document order, and nothing is reported. */
async function acceptRunsInOrder(win: PageWindow, key: string): Promise<void> {
  part(win, 'accept')!.click();
  await until(() => (win.__runs?.length ?? 0) >= 3);
  expect(win.__runs).to.deep.equal([`${key}-slow`, 'inline', `${key}-fast`]);
  expect(await settled(win)).to.deep.equal({ violations: [], errors: [] });
}

describe('strict Content-Security-Policy (built bundle)', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    frame?.remove();
    frame = null;
    clearCookies();
  });

  it('is really enforced here: an inline style element or attribute would be reported', async () => {
    const win = await openPage('csp', { key: 'control', csp: 'strict' });
    const style = win.document.createElement('style');
    style.textContent = 'body { color: red }';
    win.document.head.append(style);
    win.document.body.setAttribute('style', 'color: red');
    await until(() => win.__violations.length >= 2);
    expect(win.__violations.map((v) => v.directive).sort()).to.deep.equal(['style-src-attr', 'style-src-elem']);
  });

  it('shows a styled banner with zero violations (constructed stylesheets, no <style>)', async () => {
    const win = await openPage('csp', { key: 'styled', csp: 'strict' });
    const banner = part(win, 'banner')!;
    expect(banner).not.to.equal(null);
    const root = element(win).shadowRoot!;
    expect(root.querySelectorAll('style')).to.have.length(0);
    expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
    // The component's rules apply, reading the site's theme token set on :root.
    const accept = win.getComputedStyle(part(win, 'accept')!);
    const refuse = win.getComputedStyle(part(win, 'refuse')!);
    expect(accept.backgroundColor).to.equal('rgb(1, 90, 50)');
    expect(refuse.backgroundColor).to.equal('rgb(1, 90, 50)');
    expect(accept.fontWeight).to.equal(refuse.fontWeight);
    expect(part(win, 'accept')!.getBoundingClientRect().height).to.equal(
      part(win, 'refuse')!.getBoundingClientRect().height,
    );
    expect(win.getComputedStyle(banner).display).not.to.equal('inline');
    expect(await settled(win)).to.deep.equal({ violations: [], errors: [] });
  });

  it('the docked banner, the dialog and the language switch: zero violations', async () => {
    const win = await openPage('csp', { key: 'docked', csp: 'strict', attrs: 'position="bottom" lang="fr"' });
    expect(win.getComputedStyle(part(win, 'banner')!).position).to.equal('fixed');
    await until(() => win.document.documentElement.style.scrollPaddingBottom !== '');
    win.document.querySelector<HTMLAnchorElement>('[data-consent-open]')!.click();
    await until(() => !!element(win).shadowRoot!.querySelector('dialog')?.open);
    element(win).shadowRoot!.querySelector<HTMLButtonElement>('dialog [part~="language"] button')!.click();
    await element(win).updateComplete;
    expect(element(win).shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
    element(win).shadowRoot!.querySelector<HTMLButtonElement>('dialog [part~="refuse"]')!.click();
    await element(win).updateComplete;
    expect(await settled(win)).to.deep.equal({ violations: [], errors: [] });
  });

  it('gated scripts carrying the nonce run after consent, in order; nothing before', async () => {
    const key = `csp${Date.now()}`;
    const win = await openPage('csp', { key, csp: 'strict' });
    await wait(300);
    expect(win.__runs).to.equal(undefined);
    expect(await hits(`${key}-slow`)).to.equal(0);
    await acceptRunsInOrder(win, key);
    expect(win.document.querySelector('.from-template')).not.to.equal(null);
  });

  it('a same-origin log-endpoint needs nothing more: the receipt arrives, nothing is reported', async () => {
    const win = await openPage('csp', { key: 'receipt', csp: 'strict', attrs: 'log-endpoint="/__receipts"' });
    part(win, 'refuse')!.click();
    const id = (element(win) as Element & { consent: { id: string } }).consent.id;
    const start = performance.now();
    while (!(await receivedIds()).includes(id) && performance.now() - start < 4000) await wait(50);
    expect(await receivedIds()).to.include(id);
    expect(await settled(win)).to.deep.equal({ violations: [], errors: [] });
  });

  it('never runs a gated script that lacks the page nonce, and says so', async () => {
    const key = `launder${Date.now()}`;
    const win = await openPage('csp', { key, csp: 'strict', attrs: 'categories="analytics video"' });
    element(win).setConsent({ analytics: true, video: true });
    await until(() => (win.__runs?.length ?? 0) >= 3);
    await wait(300);
    expect(win.__runs).to.deep.equal([`${key}-slow`, 'inline', `${key}-fast`]);
    expect(win.__warnings.filter((w) => w.includes('nonce: '))).to.have.length(1);
    expect((await settled(win)).violations).to.deep.equal([]);
  });
});

describe("nonce-only Content-Security-Policy with 'strict-dynamic' (built bundle)", () => {
  beforeEach(clearCookies);
  afterEach(() => {
    frame?.remove();
    frame = null;
    clearCookies();
  });

  it('the banner with zero violations, and gated scripts carrying the nonce after consent', async () => {
    const key = `dyn${Date.now()}`;
    const win = await openPage('csp', { key, csp: 'dynamic' });
    expect(part(win, 'banner')).not.to.equal(null);
    await wait(300);
    expect(win.__runs).to.equal(undefined);
    expect(await hits(`${key}-slow`)).to.equal(0);
    await acceptRunsInOrder(win, key);
  });

  it("does not let 'strict-dynamic' run injected gated markup without the nonce", async () => {
    // Under 'strict-dynamic' the browser trusts whatever a trusted script inserts, so the
    // component itself must refuse a gated script that the page did not sign with its nonce.
    const key = `dynlaunder${Date.now()}`;
    const win = await openPage('csp', { key, csp: 'dynamic', attrs: 'categories="analytics video"' });
    element(win).setConsent({ analytics: true, video: true });
    await until(() => (win.__runs?.length ?? 0) >= 3);
    await wait(300);
    expect(win.__runs).not.to.include('without-nonce');
    expect(win.__warnings.join()).to.contain('[ma-cookie-consent] nonce: ');
  });
});

describe('Trusted Types (built bundle)', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    frame?.remove();
    frame = null;
    clearCookies();
  });

  it('with require-trusted-types-for, gated scripts still run and nothing is reported', async () => {
    const key = `tt${Date.now()}`;
    const win = await openPage('csp', { key, csp: 'strict', tt: '1' });
    if ('trustedTypes' in win) {
      // Enforcement is real: a plain string may not become script text here.
      expect(() => {
        win.document.createElement('script').text = 'void 0';
      }).to.throw();
      await until(() => win.__violations.length === 1);
      win.__violations.length = 0;
    }
    expect(part(win, 'banner')).not.to.equal(null);
    await acceptRunsInOrder(win, key);
    expect(win.document.querySelector('.from-template')).not.to.equal(null);
  });

  it("the script loaded twice under Trusted Types with 'allow-duplicates': no error, no report", async () => {
    const key = `ttdup${Date.now()}`;
    const win = await openPage('csp-twice', { key, csp: 'strict', tt: 'dup' });
    expect(win.document.querySelectorAll('ma-cookie-consent')).to.have.length(1);
    await acceptRunsInOrder(win, key);
  });

  it('the script loaded twice without it: the second copy stops before its Lit, nothing is reported', async () => {
    const key = `ttnodup${Date.now()}`;
    const win = await openPage('csp-twice', { key, csp: 'strict', tt: '1' });
    await acceptRunsInOrder(win, key);
  });

  it('a trusted-types directive that forgets ma-cookie-consent: the banner works, gated scripts stay blocked and it says why', async () => {
    const key = `ttlit${Date.now()}`;
    const win = await openPage('csp', { key, csp: 'strict', tt: 'lit' });
    const warnings: string[] = [];
    const pageConsole = (win as unknown as { console: Console }).console;
    const original = pageConsole.warn;
    pageConsole.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      expect(part(win, 'banner')).not.to.equal(null);
      part(win, 'accept')!.click();
      await wait(800);
    } finally {
      pageConsole.warn = original;
    }
    expect(element(win).shadowRoot!.querySelector('[part~="confirmation"]')).not.to.equal(null);
    expect(win.__runs).to.equal(undefined);
    expect(await hits(`${key}-slow`)).to.equal(0);
    expect(win.__errors).to.deep.equal([]);
    if ('trustedTypes' in win) {
      expect(warnings[0]).to.match(/^\[ma-cookie-consent\] trusted-types: "ma-cookie-consent"/);
      expect(win.__violations.map((v) => v.sample)).to.include('ma-cookie-consent');
    }
  });

  it('a trusted-types directive that forgets lit-html: no banner, and still nothing runs before consent', async () => {
    const key = `ttown${Date.now()}`;
    const win = await openPage('csp', { key, csp: 'strict', tt: 'own' });
    await wait(400);
    if ('trustedTypes' in win) {
      expect(win.__violations.map((v) => v.sample)).to.include('lit-html');
      expect(win.customElements.get('ma-cookie-consent')).to.equal(undefined);
    }
    expect(win.__runs).to.equal(undefined);
    expect(await hits(`${key}-slow`)).to.equal(0);
    expect(await hits(`${key}-fast`)).to.equal(0);
  });
});

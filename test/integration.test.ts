/**
 * The built bundle (dist/ma-cookie-consent.min.js) in real pages, as a ministry site uses it:
 * gated scripts never run or download before consent, run once and in order after it, and a
 * reload remembers the choice.
 */
import { expect } from '@open-wc/testing';
import { clearCookies, storedConsent, until, wait } from './helpers.js';

interface PageWindow extends Window {
  __runs?: string[];
}

let frame: HTMLIFrameElement | null = null;

async function openPage(key: string, attrs = ''): Promise<PageWindow> {
  frame?.remove();
  frame = document.createElement('iframe');
  frame.style.cssText = 'inline-size: 1000px; block-size: 700px';
  const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
  frame.src = `/__page/page.html?key=${key}&attrs=${encodeURIComponent(attrs)}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  await until(() => !!win.document.querySelector('ma-cookie-consent')?.shadowRoot);
  await (win.document.querySelector('ma-cookie-consent') as HTMLElement & { updateComplete: Promise<unknown> })
    .updateComplete;
  return win;
}

async function reload(): Promise<PageWindow> {
  const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
  frame!.contentWindow!.location.reload();
  await loaded;
  const win = frame!.contentWindow as PageWindow;
  await until(() => !!win.document.querySelector('ma-cookie-consent')?.shadowRoot);
  return win;
}

// Chromium and Firefox run at the same time against one test server, whose download counters
// are keyed: a random part keeps two browsers (or two runs) from ever sharing a key.
const newKey = (name: string) => `${name}${Math.random().toString(36).slice(2, 10)}`;

const hits = async (key: string) => ((await (await fetch(`/__hits?key=${key}`)).json()) as { count: number }).count;

function clickPart(win: PageWindow, name: string) {
  const el = win.document.querySelector('ma-cookie-consent')!;
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${name}"]`)!.click();
}

describe('built bundle in a page', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    frame?.remove();
    frame = null;
    clearCookies();
  });

  it('registers the element once, with the banner in the first paint position', async () => {
    const win = await openPage('reg');
    const el = win.document.querySelector('ma-cookie-consent')!;
    expect(win.customElements.get('ma-cookie-consent')).to.be.a('function');
    expect(win.document.body.firstElementChild).to.equal(el);
    expect(el.shadowRoot!.querySelector('[part="banner"]')).not.to.equal(null);
  });

  it('runs nothing and requests nothing before consent, also after a refusal and a reload', async () => {
    const key = newKey('none');
    let win = await openPage(key);
    await wait(400);
    expect(win.__runs).to.equal(undefined);
    expect(await hits(`${key}-slow`)).to.equal(0);
    expect(await hits(`${key}-fast`)).to.equal(0);
    clickPart(win, 'refuse');
    expect((storedConsent()!.categories as Record<string, boolean>).analytics).to.equal(false);
    win = await reload();
    await wait(400);
    expect(win.__runs).to.equal(undefined);
    expect(await hits(`${key}-slow`)).to.equal(0);
    expect(win.document.querySelector('ma-cookie-consent')!.shadowRoot!.querySelector('[part="banner"]')).to.equal(
      null,
    );
  });

  it('after accept, runs each gated script once, in document order (slow external first)', async () => {
    const key = newKey('acc');
    let win = await openPage(key);
    clickPart(win, 'accept');
    await until(() => (win.__runs?.length ?? 0) >= 3);
    expect(win.__runs).to.deep.equal([`${key}-slow`, 'inline', `${key}-fast`]);
    // More decisions never run anything twice.
    const el = win.document.querySelector('ma-cookie-consent') as HTMLElement & {
      acceptAll(): void;
      refuseAll(): void;
    };
    el.refuseAll();
    el.acceptAll();
    await wait(400);
    expect(win.__runs).to.have.length(3);
    expect(await hits(`${key}-slow`)).to.equal(1);
    // At reload, the stored choice runs them again without any click.
    win = await reload();
    await until(() => (win.__runs?.length ?? 0) >= 3);
    expect(win.__runs).to.deep.equal([`${key}-slow`, 'inline', `${key}-fast`]);
  });

  it('keeps the nonce on activated scripts', async () => {
    const win = await openPage(newKey('nonce'));
    const original = win.document.querySelector<HTMLScriptElement>('script[data-consent]:not([src])')!;
    const nonce = original.nonce;
    expect(nonce).not.to.equal('');
    clickPart(win, 'accept');
    await until(() => (win.__runs?.length ?? 0) >= 3);
    const live = Array.from(win.document.querySelectorAll('script')).find((s) => s.text.includes("push('inline')"))!;
    expect(live.nonce).to.equal(nonce);
    expect(live.hasAttribute('data-consent')).to.equal(false);
    expect(live.type).to.equal('');
  });

  it('loading the script twice neither throws nor shows two banners', async () => {
    const win = await openPage('twice');
    const errors: unknown[] = [];
    win.addEventListener('error', (e) => errors.push(e.error));
    const again = win.document.createElement('script');
    again.src = '/dist/ma-cookie-consent.min.js';
    const done = new Promise((r) => again.addEventListener('load', r));
    win.document.head.append(again);
    await done;
    expect(errors).to.deep.equal([]);
    expect(win.document.querySelectorAll('ma-cookie-consent')).to.have.length(1);
  });
});

describe('one-tag embed', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    frame?.remove();
    frame = null;
    clearCookies();
  });

  it('inserts the element first in <body>, copying data-* attributes', async () => {
    frame = document.createElement('iframe');
    const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
    frame.src = '/__page/embed.html';
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow!;
    await until(() => !!win.document.querySelector('ma-cookie-consent')?.shadowRoot?.querySelector('[part="banner"]'));
    const el = win.document.querySelector('ma-cookie-consent')!;
    expect(win.document.body.firstElementChild).to.equal(el);
    expect(el.getAttribute('policy-url')).to.equal('/cgu#article-6');
    expect(el.getAttribute('lang')).to.equal('ar');
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
    expect(el.shadowRoot!.querySelector('[part="policy-link"]')!.getAttribute('href')).to.equal('/cgu#article-6');
  });
});

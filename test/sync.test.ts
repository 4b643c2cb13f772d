/**
 * Cross-tab sync (docs/api.md §4, issue 4 item 6), with the built bundle. Two same-origin frames
 * are two tabs as far as cookies and BroadcastChannel go: a decision in one must reach the
 * other within 2 seconds (banner closes, scripts run, withdrawals clear, source "other-tab"),
 * and where BroadcastChannel is missing, a re-check on focus or visibilitychange must do it.
 */
import { expect } from '@open-wc/testing';
import { clearCookies, rawCookie, until, wait, expectAbsent } from './helpers.js';

interface Detail {
  categories: Record<string, boolean>;
  id: string;
  source: string;
}
interface Element extends HTMLElement {
  consent: { categories: Record<string, boolean>; id: string } | null;
  acceptAll(): void;
  refuseAll(): void;
  reset(): void;
  config: unknown;
  updateComplete: Promise<unknown>;
}
interface Tab extends Window {
  __changes: Detail[];
  __errors: string[];
  __runs?: string[];
}

/** The contract's bound for a decision to reach the other tabs. */
const WITHIN = 2000;

const frames: HTMLIFrameElement[] = [];

async function openTab(query = ''): Promise<Tab> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = `/__page/sync.html?${query}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const tab = frame.contentWindow as Tab;
  await until(() => !!element(tab).shadowRoot);
  await element(tab).updateComplete;
  return tab;
}

const element = (tab: Tab) => tab.document.querySelector('ma-cookie-consent') as Element;
const banner = (tab: Tab) => element(tab).shadowRoot!.querySelector('[part~="banner"]');
const click = (tab: Tab, part: string) =>
  element(tab).shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!.click();

describe('cross-tab sync', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
    clearCookies();
  });

  it('a decision in one tab closes the banner and runs the scripts in the other, as "other-tab"', async () => {
    const a = await openTab();
    const b = await openTab();
    expect(banner(a)).not.to.equal(null);
    expect(banner(b)).not.to.equal(null);
    expect(b.__runs).to.equal(undefined);

    click(a, 'accept');
    await until(() => b.__changes.length > 0, WITHIN);
    await element(b).updateComplete;
    expect(b.__changes).to.have.length(1);
    expect(b.__changes[0].source).to.equal('other-tab');
    expect(b.__changes[0].id).to.equal(element(a).consent!.id);
    expect(element(b).consent).to.deep.equal(element(a).consent);
    expectAbsent(banner(b));
    await until(() => (b.__runs?.length ?? 0) > 0, WITHIN);
    expect(b.__runs).to.deep.equal(['analytics']);
    // The tab that decided hears nothing back from itself.
    expect(a.__changes.map((d) => d.source)).to.deep.equal(['banner']);
    expect([...a.__errors, ...b.__errors]).to.deep.equal([]);
  });

  it('only the tab where the visitor decided sends a receipt', async () => {
    const a = await openTab(`attrs=${encodeURIComponent('log-endpoint="/__receipts"')}`);
    const b = await openTab(`attrs=${encodeURIComponent('log-endpoint="/__receipts"')}`);
    element(a).acceptAll();
    const id = element(a).consent!.id;
    await until(() => element(b).consent?.id === id, WITHIN);
    const received = async () =>
      ((await (await fetch('/__receipts')).json()) as string[]).filter(
        (body) => (JSON.parse(body) as { id: string }).id === id,
      );
    const start = performance.now();
    while ((await received()).length === 0 && performance.now() - start < 4000) await wait(50);
    await wait(300);
    expect((await received()).map((body) => (JSON.parse(body) as { source: string }).source)).to.deep.equal(['api']);
  });

  it('a reset in one tab shows the banner again in the other', async () => {
    const a = await openTab();
    const b = await openTab();
    element(a).refuseAll();
    await until(() => element(b).consent !== null, WITHIN);
    element(a).reset();
    await until(() => element(b).consent === null, WITHIN);
    await element(b).updateComplete;
    expect(banner(b)).not.to.equal(null);
    expect(rawCookie('ma_cookie_consent')).to.equal(undefined);
    expect([...a.__errors, ...b.__errors]).to.deep.equal([]);
  });

  it('a withdrawal in one tab clears the other tab’s cookies of that category', async () => {
    const a = await openTab();
    const b = await openTab();
    // Only the other tab knows this cookie belongs to analytics: if it did not act on the
    // withdrawal itself, the cookie would survive.
    element(b).config = { categories: { analytics: { cookies: ['tab_b_tracker'] } } };
    element(a).acceptAll();
    await until(() => element(b).consent?.categories.analytics === true, WITHIN);
    document.cookie = 'tab_b_tracker=1; path=/';
    expect(rawCookie('tab_b_tracker')).to.equal('1');

    element(a).refuseAll();
    await until(() => rawCookie('tab_b_tracker') === undefined, WITHIN);
    const last = b.__changes[b.__changes.length - 1];
    expect(last.source).to.equal('other-tab');
    expect(last.categories).to.deep.equal({ analytics: false });
    expect(element(b).consent!.categories.analytics).to.equal(false);
  });

  it('without BroadcastChannel, a tab catches up when it gets focus or becomes visible', async () => {
    const a = await openTab('nobc=1');
    const b = await openTab('nobc=1');
    expect('BroadcastChannel' in b).to.equal(false);
    element(a).acceptAll();
    // No channel: nothing reaches the other tab until it is looked at again.
    await wait(300);
    expect(element(b).consent).to.equal(null);
    b.dispatchEvent(new Event('focus'));
    await until(() => b.__changes.length === 1, WITHIN);
    expect(b.__changes[0]).to.include({ source: 'other-tab', id: element(a).consent!.id });
    await element(b).updateComplete;
    expectAbsent(banner(b));
    await until(() => (b.__runs?.length ?? 0) > 0, WITHIN);

    element(a).refuseAll();
    await wait(300);
    expect(element(b).consent!.categories.analytics).to.equal(true);
    b.document.dispatchEvent(new Event('visibilitychange', { bubbles: true }) /* as the browser fires it */);
    await until(() => element(b).consent?.categories.analytics === false, WITHIN);
    expect(b.__changes[1].source).to.equal('other-tab');
    expect([...a.__errors, ...b.__errors]).to.deep.equal([]);
  });

  it('where cookies are blocked, the decision itself travels to the other tab', async () => {
    const a = await openTab('nocookie=1');
    const b = await openTab('nocookie=1');
    element(a).acceptAll();
    await until(() => element(b).consent !== null, WITHIN);
    expect(element(b).consent).to.deep.equal(element(a).consent);
    expect(b.__changes[0].source).to.equal('other-tab');
    await until(() => (b.__runs?.length ?? 0) > 0, WITHIN);
    // A later re-check finds no cookie, and must not forget what the other tab sent.
    b.dispatchEvent(new Event('focus'));
    await wait(200);
    expect(element(b).consent).to.deep.equal(element(a).consent);
    element(a).reset();
    await until(() => element(b).consent === null, WITHIN);
  });

  it('trusts a valid message over a cookie not yet visible, and ignores malformed messages', async () => {
    const b = await openTab();
    const channel = new BroadcastChannel('ma-cookie-consent:ma_cookie_consent||/');
    try {
      for (const junk of [
        '{',
        '[]',
        JSON.stringify({ v: 1, rev: '2', ts: new Date().toISOString(), id: 'x', categories: { analytics: true } }),
        'x'.repeat(5000),
        42,
        { categories: { analytics: true } },
      ]) {
        channel.postMessage(junk);
      }
      await wait(300);
      expect(element(b).consent).to.equal(null);
      expect(b.__changes).to.deep.equal([]);
      expect(banner(b)).not.to.equal(null);

      // Another tab's valid decision whose cookie this tab cannot see yet (written by another
      // process a moment ago): the message is the decision.
      const record = {
        v: 1,
        rev: '1',
        ts: new Date().toISOString(),
        id: '11111111-2222-4333-8444-555555555555',
        categories: { analytics: true },
      };
      channel.postMessage(JSON.stringify(record));
      await until(() => b.__changes.length === 1, WITHIN);
      expect(b.__changes[0]).to.include({ source: 'other-tab', id: record.id });
      expect(b.__errors).to.deep.equal([]);
    } finally {
      channel.close();
    }
  });
});

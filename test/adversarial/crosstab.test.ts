/**
 * Cross-tab state under an open dialog: two same-origin frames share cookies and
 * BroadcastChannels as two tabs do. What one tab does must never leave the other one's open
 * preferences dialog showing, and ready to save, an answer the visitor no longer holds.
 */
import { expect } from '@open-wc/testing';
import {
  cleanUp,
  clearCookies,
  element,
  expectNoErrors,
  gatedInline,
  openPage,
  settle,
  until,
  type PageWindow,
} from './helpers.js';

const TAB = {
  top: '<ma-cookie-consent categories="analytics video"></ma-cookie-consent>',
  body: gatedInline('analytics', 'analytics', false),
};

const dialogOf = (win: PageWindow) => element(win).shadowRoot!.querySelector('dialog')!;
const switchOf = (win: PageWindow, category: string) =>
  element(win).shadowRoot!.querySelector<HTMLInputElement>(`dialog input#ma-cat-${category}`)!;
const dialogButton = (win: PageWindow, name: string) =>
  element(win).shadowRoot!.querySelector<HTMLButtonElement>(`dialog [part~="${name}"]`)!;

async function openDialog(win: PageWindow): Promise<void> {
  await element(win).showPreferences();
  await until(() => dialogOf(win)?.open === true);
}

/** Tab A accepts and opens its dialog; tab B resets: A's dialog stays open, with no choice. */
async function resetUnderOpenDialog(): Promise<[PageWindow, PageWindow]> {
  const a = await openPage(TAB);
  const b = await openPage(TAB);
  element(a).acceptAll();
  await until(() => element(b).consent !== null, 3000);
  await openDialog(a);
  expect(switchOf(a, 'analytics').checked).to.equal(true);
  element(b).reset();
  await until(() => element(a).consent === null, 3000);
  await element(a).updateComplete;
  expect(dialogOf(a).open, 'the dialog stays open').to.equal(true);
  return [a, b];
}

describe('cross-tab state under an open dialog', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(cleanUp);

  it('tab B resets while tab A (accepted) has the dialog open: A’s switches show no choice', async () => {
    const [a] = await resetUnderOpenDialog();
    expect(!!element(a).shadowRoot!.querySelector('[part~="banner"]')).to.equal(true);
    expect(switchOf(a, 'analytics').checked, 'analytics switch').to.equal(false);
    expect(switchOf(a, 'video').checked, 'video switch').to.equal(false);
    expectNoErrors(a);
  });

  it('…and pressing "save" untouched in tab A then grants nothing', async () => {
    const [a, b] = await resetUnderOpenDialog();
    dialogButton(a, 'save').click();
    await element(a).updateComplete;
    expect(element(a).consent!.categories).to.deep.equal({ analytics: false, video: false });
    await until(() => element(b).consent !== null, 3000);
    expect(element(b).consent!.categories).to.deep.equal({ analytics: false, video: false });
  });

  it('tab B accepts while tab A (refused) has the dialog open: A’s dialog never offers to save the stale answer', async () => {
    const a = await openPage(TAB);
    const b = await openPage(TAB);
    element(a).refuseAll();
    await openDialog(a);
    element(b).acceptAll();
    await until(() => element(a).isGranted('analytics'), 3000);
    await element(a).updateComplete;
    // A decision made in another tab closes the dialog: it held an answer the visitor replaced.
    expect(dialogOf(a).open, 'the dialog is closed').to.equal(false);
    await until(() => a.__runs.includes('analytics'), 3000);
    expectNoErrors(a);
  });

  it('tab B resets while tab A’s dialog is open, then A closes it with Escape: still no choice, nothing granted', async () => {
    const [a] = await resetUnderOpenDialog();
    dialogOf(a).dispatchEvent(new Event('cancel'));
    dialogOf(a).close();
    await settle();
    expect(element(a).consent).to.equal(null);
    expect(element(a).isGranted('analytics')).to.equal(false);
    expect(!!element(a).shadowRoot!.querySelector('[part~="banner"]')).to.equal(true);
  });

  it('junk on the tabs’ channel (objects, broken JSON, __proto__, a megabyte) grants nothing and throws nothing', async () => {
    const a = await openPage(TAB);
    element(a).refuseAll();
    // The channel the component uses today; junk on any other channel is harmless anyway.
    const channel = new BroadcastChannel('ma-cookie-consent:ma_cookie_consent||/');
    const now = new Date().toISOString();
    const junk: unknown[] = [
      { categories: { analytics: true } },
      '{"v":1,"rev":"1"',
      `{"v":1,"rev":"1","ts":"${now}","id":"x","categories":{"analytics":"true","video":1}}`,
      `{"v":1,"rev":"1","ts":"${now}","id":"x","categories":{"__proto__":{"analytics":true,"video":true}}}`,
      `{"v":1,"rev":"1","ts":"${now}","id":"x","__proto__":{"categories":{"analytics":true,"video":true}}}`,
      'x'.repeat(1 << 20),
      42,
      ['analytics'],
    ];
    for (const message of junk) channel.postMessage(message);
    channel.close();
    await settle();
    expect(element(a).consent!.categories).to.deep.equal({ analytics: false, video: false });
    expect(a.__runs).to.deep.equal([]);
    expectNoErrors(a);
  });
});

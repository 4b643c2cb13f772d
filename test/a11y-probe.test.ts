/**
 * Issue 5, item 2: keyboard only, with real key events (sendKeys), from the top of a page whose
 * body starts with the element. Nothing here calls .click() or .focus() on the component.
 */
import { expect } from '@open-wc/testing';
import type { MaCookieConsent } from '../src/ma-cookie-consent.js';
import { deepActive, dialogOf, focusTopOfPage, inBanner, inDialog, mount, part, press, shiftTab, SPACE, tab, tabTo, unmount } from './a11y-helpers.js';
import { storedConsent } from './helpers.js';

const stored = () => storedConsent()?.categories as Record<string, boolean> | undefined;
const skipLink = () => document.querySelector<HTMLAnchorElement>('[data-a11y-page] > a')!;
const languageButton = (el: MaCookieConsent, scope: string) => el.shadowRoot!.querySelector(`${scope} [part~="language"] button`);
const isBody = (node: Element | null) => node === null || node === document.body || node === document.documentElement;

describe('a11y: keyboard only, real keys', () => {
  afterEach(unmount);
  beforeEach(function () { console.log('START', this.currentTest?.title); });

  for (const lang of ['fr', 'ar']) {
    it(`${lang}: the first Tab from the top of the page reaches the banner, then its controls in order`, async () => {
      const el = await mount({ lang, 'policy-url': '/cgu#article-6' }, { links: 2 });
      focusTopOfPage();
      const first = await tab();
      expect(part(el, 'banner')!.contains(first), 'first Tab lands in the banner').to.equal(true);
      expect(first).to.equal(languageButton(el, '.banner'));
      expect(await tab()).to.equal(part(el, 'policy-link'));
      expect(await tab()).to.equal(inBanner(el, 'accept'));
      expect(await tab()).to.equal(inBanner(el, 'refuse'));
      expect(await tab()).to.equal(inBanner(el, 'customize'));
      // Out of the banner into the page: the banner is not a trap.
      expect(await tab()).to.equal(skipLink());
      expect(await shiftTab()).to.equal(inBanner(el, 'customize'));
      expect(await shiftTab()).to.equal(inBanner(el, 'refuse'));
      expect(await shiftTab()).to.equal(inBanner(el, 'accept'));
    });

    it(`${lang}: Enter on accept decides, focus lands on the confirmation, Enter on hide goes to the manage button`, async () => {
      const el = await mount({ lang, 'policy-url': '/cgu' });
      focusTopOfPage();
      await tab(3);
      expect(deepActive()).to.equal(inBanner(el, 'accept'));
      await press(el, 'Enter');
      expect(stored()).to.deep.equal({ analytics: true });
      expect(deepActive()).to.equal(part(el, 'confirmation'));
      expect(part(el, 'confirmation')!.getAttribute('role')).to.equal('status');
      expect(await tab()).to.equal(part(el, 'hide'));
      await press(el, 'Enter');
      expect(part(el, 'banner')).to.equal(null);
      expect(deepActive()).to.equal(part(el, 'manage'));
    });
  }

  it('Space on refuse decides; Space on hide; focus is never lost to <body>', async () => {
    const el = await mount({ lang: 'fr' });
    focusTopOfPage();
    await tab(3);
    expect(deepActive()).to.equal(inBanner(el, 'refuse'));
    await press(el, SPACE);
    expect(stored()).to.deep.equal({ analytics: false });
    expect(deepActive()).to.equal(part(el, 'confirmation'));
    await tab();
    await press(el, SPACE);
    expect(isBody(deepActive())).to.equal(false);
    expect(deepActive()).to.equal(part(el, 'manage'));
  });

  it('with hide-manage-button, hiding sends focus to the next thing on the page, not <body>', async () => {
    const el = await mount({ lang: 'ar', 'hide-manage-button': true });
    focusTopOfPage();
    await tab(2);
    await press(el, 'Enter');
    expect(deepActive()).to.equal(part(el, 'confirmation'));
    await tab();
    await press(el, 'Enter');
    expect(part(el, 'manage')).to.equal(null);
    expect(deepActive()).to.equal(skipLink());
  });

  it('Escape on the banner records nothing and leaves it in place', async () => {
    const el = await mount({ lang: 'fr' });
    focusTopOfPage();
    await tab(2);
    await press(el, 'Escape');
    expect(storedConsent()).to.equal(undefined);
    expect(part(el, 'banner')).not.to.equal(null);
    expect(deepActive()).to.equal(inBanner(el, 'accept'));
  });

  it('the language switch works with Enter and keeps focus on the switch', async () => {
    const el = await mount({ lang: 'fr' });
    focusTopOfPage();
    await tab();
    await press(el, 'Enter');
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('ar');
    const now = deepActive();
    expect(now).to.equal(languageButton(el, '.banner'));
    expect(now!.getAttribute('lang')).to.equal('fr');
  });

  for (const lang of ['fr', 'ar']) {
    it(`${lang}: customize → dialog; Tab, Shift+Tab, Space on a switch, Enter on save; focus on the confirmation`, async () => {
      const el = await mount({ lang, categories: 'analytics video', 'policy-url': '/cgu' });
      focusTopOfPage();
      await tab(4);
      expect(deepActive()).to.equal(inBanner(el, 'customize'));
      await press(el, 'Enter');
      const dialog = dialogOf(el);
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(dialog.contains(deepActive()), 'focus moved into the dialog').to.equal(true);

      const analytics = dialog.querySelector<HTMLInputElement>('#ma-cat-analytics')!;
      const video = dialog.querySelector<HTMLInputElement>('#ma-cat-video')!;
      expect(await tab()).to.equal(inDialog(el, 'close'));
      expect(await tab()).to.equal(languageButton(el, 'dialog'));
      // The necessary switch is disabled: Tab passes over it.
      expect(await tab()).to.equal(analytics);
      expect(await tab()).to.equal(video);
      expect(await shiftTab()).to.equal(analytics);
      await press(el, SPACE);
      expect(analytics.checked).to.equal(true);
      expect(analytics.getAttribute('role')).to.equal('switch');
      await press(el, SPACE);
      expect(analytics.checked).to.equal(false);
      await press(el, SPACE);
      expect(analytics.checked).to.equal(true);
      expect(video.checked).to.equal(false);

      // On through the link, accept and refuse, to save.
      expect(await tab(2)).to.equal(dialog.querySelector('a'));
      expect(await tab()).to.equal(inDialog(el, 'accept'));
      expect(await tab()).to.equal(inDialog(el, 'refuse'));
      expect(await tab()).to.equal(inDialog(el, 'save'));
      await press(el, 'Enter');
      expect(stored()).to.deep.equal({ analytics: true, video: false });
      expect(dialog.open).to.equal(false);
      await el.updateComplete;
      expect(deepActive()).to.equal(part(el, 'confirmation'));
    });
  }

  it('Escape closes the dialog without saving and focus returns to customize', async () => {
    const el = await mount({ lang: 'fr' });
    focusTopOfPage();
    await tab(3);
    const customize = inBanner(el, 'customize');
    expect(deepActive()).to.equal(customize);
    await press(el, SPACE);
    expect(dialogOf(el).open).to.equal(true);
    await tab(3);
    expect(deepActive()).to.equal(dialogOf(el).querySelector('#ma-cat-analytics'));
    await press(el, SPACE);
    await press(el, 'Escape');
    expect(dialogOf(el).open).to.equal(false);
    expect(storedConsent()).to.equal(undefined);
    expect(part(el, 'banner')).not.to.equal(null);
    expect(deepActive()).to.equal(inBanner(el, 'customize'));
    // Reopened, the switch shows the stored state again (off), not the abandoned draft.
    await press(el, 'Enter');
    expect(dialogOf(el).querySelector<HTMLInputElement>('#ma-cat-analytics')!.checked).to.equal(false);
  });

  it('dialog accept and refuse work with the keyboard', async () => {
    const el = await mount({ lang: 'ar' });
    focusTopOfPage();
    await tab(3);
    await press(el, 'Enter');
    const refuse = inDialog(el, 'refuse')!;
    await tabTo(refuse);
    await press(el, SPACE);
    expect(stored()).to.deep.equal({ analytics: false });
    expect(deepActive()).to.equal(part(el, 'confirmation'));
  });

  it('the manage button opens the dialog by keyboard; Escape and save both return focus to it', async () => {
    const el = await mount({ lang: 'fr' });
    focusTopOfPage();
    await tab(2);
    await press(el, 'Enter');
    await tab();
    await press(el, 'Enter');
    const manage = part(el, 'manage')!;
    expect(deepActive()).to.equal(manage);

    await press(el, 'Enter');
    expect(dialogOf(el).open).to.equal(true);
    await press(el, 'Escape');
    expect(dialogOf(el).open).to.equal(false);
    expect(deepActive()).to.equal(manage);

    await press(el, SPACE);
    expect(dialogOf(el).open).to.equal(true);
    const analytics = dialogOf(el).querySelector<HTMLInputElement>('#ma-cat-analytics')!;
    await tabTo(analytics);
    await press(el, SPACE);
    const save = inDialog(el, 'save')!;
    await tabTo(save);
    await press(el, SPACE);
    expect(stored()).to.deep.equal({ analytics: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(deepActive()).to.equal(part(el, 'manage'));
  });

  it.only('a page link with data-consent-open: Enter opens, Escape returns focus to the link, save too', async () => {
    const el = await mount({ lang: 'fr' }, { links: 1 });
    // A choice exists, so the page is in its everyday state.
    el.refuseAll();
    await el.updateComplete;
    const link = document.querySelector<HTMLAnchorElement>('.consent-open')!;
    const beacon = (m: string) => navigator.sendBeacon('/__receipts', JSON.stringify({ probe: m, active: deepActive()?.outerHTML.slice(0, 80) }));
    window.addEventListener('pagehide', () => beacon('pagehide ' + location.href));
    document.addEventListener('click', (e) => beacon('click ' + (e.composedPath()[0] as Element).outerHTML?.slice(0, 60) + ' default=' + e.defaultPrevented), true);
    document.addEventListener('keydown', (e) => beacon('keydown ' + e.key), true);
    focusTopOfPage();
    await tabTo(link);
    await press(el, 'Enter');
    expect(dialogOf(el).open).to.equal(true);
    await press(el, 'Escape');
    expect(deepActive()).to.equal(link);

    await press(el, 'Enter');
    const save = inDialog(el, 'save')!;
    await tabTo(save);
    await press(el, 'Enter');
    expect(dialogOf(el).open).to.equal(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(isBody(deepActive())).to.equal(false);
    expect(deepActive()).to.equal(link);
  });
});

/**
 * Issue 5, item 2: keyboard only, with real key events (sendKeys), from the top of a page whose
 * body starts with the element. Nothing here calls .click() or .focus() on the component.
 */
import { expect } from '@open-wc/testing';
import type { MaCookieConsent } from '../src/ma-cookie-consent.js';
import {
  deepActive,
  dialogOf,
  expectFocus,
  focusTopOfPage,
  inBanner,
  inDialog,
  mount,
  part,
  press,
  shiftTab,
  SPACE,
  tab,
  tabTo,
  unmount,
} from './a11y-helpers.js';
import { storedConsent, expectAbsent } from './helpers.js';

const stored = () => storedConsent()?.categories as Record<string, boolean> | undefined;
const skipLink = () => document.querySelector<HTMLAnchorElement>('[data-a11y-page] > a')!;
const languageButton = (el: MaCookieConsent, scope: string) =>
  el.shadowRoot!.querySelector(`${scope} [part~="language"] button`);
const isBody = (node: Element | null) => node === null || node === document.body || node === document.documentElement;

describe('a11y: keyboard only, real keys', () => {
  afterEach(unmount);

  for (const lang of ['fr', 'ar']) {
    it(`${lang}: the first Tab from the top of the page reaches the banner, then its controls in order`, async () => {
      const el = await mount({ lang, 'policy-url': '/cgu#article-6' }, { links: 2 });
      focusTopOfPage();
      const first = await tab();
      expect(part(el, 'banner')!.contains(first), 'first Tab lands in the banner').to.equal(true);
      expectFocus(languageButton(el, '.banner'), 'first Tab');
      await tab();
      expectFocus(part(el, 'policy-link'));
      await tab();
      expectFocus(inBanner(el, 'accept'));
      await tab();
      expectFocus(inBanner(el, 'refuse'));
      await tab();
      expectFocus(inBanner(el, 'customize'));
      // Out of the banner into the page: the banner is not a trap.
      await tab();
      expectFocus(skipLink());
      await shiftTab();
      expectFocus(inBanner(el, 'customize'));
      await shiftTab();
      expectFocus(inBanner(el, 'refuse'));
      await shiftTab();
      expectFocus(inBanner(el, 'accept'));
    });

    it(`${lang}: Enter on accept decides, focus lands on the confirmation, Enter on hide goes to the manage button`, async () => {
      const el = await mount({ lang, 'policy-url': '/cgu' });
      focusTopOfPage();
      await tab(3);
      expectFocus(inBanner(el, 'accept'));
      await press(el, 'Enter');
      expect(stored()).to.deep.equal({ analytics: true });
      expectFocus(part(el, 'confirmation'));
      expect(part(el, 'confirmation')!.getAttribute('role')).to.equal('status');
      await tab();
      expectFocus(part(el, 'hide'));
      await press(el, 'Enter');
      expectAbsent(part(el, 'banner'));
      expectFocus(part(el, 'manage'));
    });
  }

  it('Space on refuse decides; Space on hide; focus is never lost to <body>', async () => {
    const el = await mount({ lang: 'fr' });
    focusTopOfPage();
    await tab(3);
    expectFocus(inBanner(el, 'refuse'));
    await press(el, SPACE);
    expect(stored()).to.deep.equal({ analytics: false });
    expectFocus(part(el, 'confirmation'));
    await tab();
    await press(el, SPACE);
    expect(isBody(deepActive())).to.equal(false);
    expectFocus(part(el, 'manage'));
  });

  it('with hide-manage-button, hiding sends focus to the next thing on the page, not <body>', async () => {
    const el = await mount({ lang: 'ar', 'hide-manage-button': true });
    focusTopOfPage();
    await tab(2);
    await press(el, 'Enter');
    expectFocus(part(el, 'confirmation'));
    await tab();
    await press(el, 'Enter');
    expectAbsent(part(el, 'manage'));
    expectFocus(skipLink());
  });

  it('Escape on the banner records nothing and leaves it in place', async () => {
    const el = await mount({ lang: 'fr' });
    focusTopOfPage();
    await tab(2);
    await press(el, 'Escape');
    expect(storedConsent()).to.equal(undefined);
    expect(part(el, 'banner')).not.to.equal(null);
    expectFocus(inBanner(el, 'accept'));
  });

  it('the language switch works with Enter and keeps focus on the switch', async () => {
    const el = await mount({ lang: 'fr' });
    focusTopOfPage();
    await tab();
    await press(el, 'Enter');
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('ar');
    const now = deepActive();
    expectFocus(languageButton(el, '.banner'));
    expect(now!.getAttribute('lang')).to.equal('fr');
  });

  for (const lang of ['fr', 'ar']) {
    it(`${lang}: customize → dialog; Tab, Shift+Tab, Space on a switch, Enter on save; focus on the confirmation`, async () => {
      const el = await mount({ lang, categories: 'analytics video', 'policy-url': '/cgu' });
      focusTopOfPage();
      await tab(5);
      expectFocus(inBanner(el, 'customize'));
      await press(el, 'Enter');
      const dialog = dialogOf(el);
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(dialog.contains(deepActive()), 'focus moved into the dialog').to.equal(true);

      const analytics = dialog.querySelector<HTMLInputElement>('#ma-cat-analytics')!;
      const video = dialog.querySelector<HTMLInputElement>('#ma-cat-video')!;
      await tab();
      expectFocus(inDialog(el, 'close'));
      await tab();
      expectFocus(languageButton(el, 'dialog'));
      // The necessary switch is disabled: Tab passes over it.
      await tab();
      expectFocus(analytics);
      await tab();
      expectFocus(video);
      await shiftTab();
      expectFocus(analytics);
      await press(el, SPACE);
      expect(analytics.checked).to.equal(true);
      expect(analytics.getAttribute('role')).to.equal('switch');
      await press(el, SPACE);
      expect(analytics.checked).to.equal(false);
      await press(el, SPACE);
      expect(analytics.checked).to.equal(true);
      expect(video.checked).to.equal(false);

      // On through the link, accept and refuse, to save.
      await tab(2);
      expectFocus(dialog.querySelector('a'));
      await tab();
      expectFocus(inDialog(el, 'accept'));
      await tab();
      expectFocus(inDialog(el, 'refuse'));
      await tab();
      expectFocus(inDialog(el, 'save'));
      await press(el, 'Enter');
      expect(stored()).to.deep.equal({ analytics: true, video: false });
      expect(dialog.open).to.equal(false);
      await el.updateComplete;
      expectFocus(part(el, 'confirmation'));
    });
  }

  it('Escape closes the dialog without saving and focus returns to customize', async () => {
    const el = await mount({ lang: 'fr' });
    focusTopOfPage();
    await tab(4);
    const customize = inBanner(el, 'customize');
    expectFocus(customize);
    await press(el, SPACE);
    expect(dialogOf(el).open).to.equal(true);
    await tab(3);
    expectFocus(dialogOf(el).querySelector('#ma-cat-analytics'));
    await press(el, SPACE);
    await press(el, 'Escape');
    expect(dialogOf(el).open).to.equal(false);
    expect(storedConsent()).to.equal(undefined);
    expect(part(el, 'banner')).not.to.equal(null);
    expectFocus(inBanner(el, 'customize'));
    // Reopened, the switch shows the stored state again (off), not the abandoned draft.
    await press(el, 'Enter');
    expect(dialogOf(el).querySelector<HTMLInputElement>('#ma-cat-analytics')!.checked).to.equal(false);
  });

  it('dialog accept and refuse work with the keyboard', async () => {
    const el = await mount({ lang: 'ar' });
    focusTopOfPage();
    await tab(4);
    await press(el, 'Enter');
    const refuse = inDialog(el, 'refuse')!;
    await tabTo(refuse);
    await press(el, SPACE);
    expect(stored()).to.deep.equal({ analytics: false });
    expectFocus(part(el, 'confirmation'));
  });

  it('the manage button opens the dialog by keyboard; Escape and save both return focus to it', async () => {
    const el = await mount({ lang: 'fr' });
    focusTopOfPage();
    await tab(3);
    await press(el, 'Enter');
    await tab();
    await press(el, 'Enter');
    const manage = part(el, 'manage')!;
    expectFocus(manage);

    await press(el, 'Enter');
    expect(dialogOf(el).open).to.equal(true);
    await press(el, 'Escape');
    expect(dialogOf(el).open).to.equal(false);
    expectFocus(manage);

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
    expectFocus(part(el, 'manage'));
  });

  it('a page link with data-consent-open: Enter opens, Escape returns focus to the link, save too', async () => {
    const el = await mount({ lang: 'fr' }, { links: 1 });
    // A choice exists, so the page is in its everyday state.
    el.refuseAll();
    await el.updateComplete;
    const link = document.querySelector<HTMLAnchorElement>('.consent-open')!;
    focusTopOfPage();
    await tabTo(link);
    await press(el, 'Enter');
    expect(dialogOf(el).open).to.equal(true);
    await press(el, 'Escape');
    expectFocus(link);

    await press(el, 'Enter');
    const save = inDialog(el, 'save')!;
    await tabTo(save);
    await press(el, 'Enter');
    expect(dialogOf(el).open).to.equal(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(isBody(deepActive())).to.equal(false);
    expectFocus(link);
  });
});

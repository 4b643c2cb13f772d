import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import '../src/packs/en.js';
import type { MaCookieConsent } from '../src/ma-cookie-consent.js';
import { captureWarnings, clearCookies, storedConsent, validRecord, writeRawCookie, expectAbsent } from './helpers.js';

const part = (el: MaCookieConsent, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const button = (el: MaCookieConsent, name: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`.banner [part~="${name}"], dialog [part~="${name}"]`);
const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

// The space bar by its character: puppeteer's WebDriver BiDi keyboard (Firefox) knows no
// "Space" key name, and ' ' is the same physical key (code "Space") in both browsers.
const SPACE = ' ';

async function render(markup = html`<ma-cookie-consent></ma-cookie-consent>`) {
  const el = await fixture<MaCookieConsent>(markup);
  await el.updateComplete;
  return el;
}

describe('<ma-cookie-consent>', () => {
  beforeEach(clearCookies);
  afterEach(clearCookies);

  describe('rendering', () => {
    it('shows the French banner with lang and dir on the rendered root', async () => {
      const el = await render(html`<ma-cookie-consent lang="fr" policy-url="/cgu#article-6"></ma-cookie-consent>`);
      const root = el.shadowRoot!.querySelector('.root')!;
      expect(root.getAttribute('lang')).to.equal('fr');
      expect(root.getAttribute('dir')).to.equal('ltr');
      const banner = part(el, 'banner')!;
      expect(banner.localName).to.equal('section');
      expect(banner.getAttribute('aria-labelledby')).to.equal('ma-banner-title');
      // The short first layer: what is measured, why, not to identify, and that refusing is possible.
      expect(banner.textContent).to.contain('pages consultées, date et heure');
      expect(banner.textContent).to.contain("afin de l'améliorer");
      expect(banner.textContent).to.contain('ne servent pas à vous identifier');
      expect(banner.textContent).to.contain('Vous pouvez refuser\u00a0; votre choix reste modifiable à tout moment.');
      expect(button(el, 'accept')!.textContent!.trim()).to.equal('Tout accepter');
      expect(button(el, 'refuse')!.textContent!.trim()).to.equal('Tout refuser');
      expect(button(el, 'customize')!.textContent!.trim()).to.equal('Personnaliser');
      expect(part(el, 'policy-link')!.getAttribute('href')).to.equal('/cgu#article-6');
      expect(el.shadowRoot!.textContent).not.to.contain('×');
    });

    it('shows the Arabic banner right to left', async () => {
      const el = await render(html`<ma-cookie-consent lang="ar"></ma-cookie-consent>`);
      const root = el.shadowRoot!.querySelector('.root')!;
      expect(root.getAttribute('lang')).to.equal('ar');
      expect(root.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(part(el, 'banner')!).direction).to.equal('rtl');
      expect(button(el, 'accept')!.textContent!.trim()).to.equal('قبول الكل');
      expect(button(el, 'refuse')!.textContent!.trim()).to.equal('رفض الكل');
      // Accept sits at the inline start, which in Arabic is the right-hand side.
      const accept = button(el, 'accept')!.getBoundingClientRect();
      const refuse = button(el, 'refuse')!.getBoundingClientRect();
      expect(accept.left).to.be.greaterThan(refuse.left);
    });

    it('shows the English banner', async () => {
      const el = await render(html`<ma-cookie-consent lang="en"></ma-cookie-consent>`);
      expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('en');
      expect(button(el, 'accept')!.textContent!.trim()).to.equal('Accept all');
    });

    it('follows the page language when no lang is given', async () => {
      const before = document.documentElement.getAttribute('lang');
      document.documentElement.setAttribute('lang', 'ar-MA');
      try {
        const el = await render();
        expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('ar');
      } finally {
        if (before === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.setAttribute('lang', before);
      }
    });

    it('re-renders in place when lang changes, and the switch offers the other language', async () => {
      const el = await render(html`<ma-cookie-consent lang="fr"></ma-cookie-consent>`);
      const switcher = part(el, 'language')!.querySelector('button')!;
      expect(switcher.textContent!.trim()).to.equal('العربية');
      expect(switcher.getAttribute('lang')).to.equal('ar');
      switcher.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
      const back = part(el, 'language')!.querySelector('button')!;
      expect(back.textContent!.trim()).to.equal('Français');
      expect(back.getAttribute('lang')).to.equal('fr');
    });

    it('isolates 09-08 and E-ARTISANAT in Arabic, including site texts', async () => {
      const el = await render(html`<ma-cookie-consent lang="ar">
        <script type="application/json">{"texts":{"ar":{"title":"ملفات تعريف الارتباط على منصة E-ARTISANAT"}}}</script>
      </ma-cookie-consent>`);
      const bdi = el.shadowRoot!.querySelector('h2 bdi')!;
      expect(bdi.textContent).to.equal('E-ARTISANAT');
      expect(bdi.getAttribute('dir')).to.equal('ltr');
    });

    it('marks a site text that falls back to French inside the Arabic dialog with lang="fr"', async () => {
      const el = await render(html`<ma-cookie-consent lang="ar" categories="analytics maps"></ma-cookie-consent>`);
      el.config = { categories: { maps: { label: { fr: 'Cartes' }, description: { ar: 'خرائط تفاعلية' } } } };
      await el.showPreferences();
      const label = el.shadowRoot!.querySelector('label[for="ma-cat-maps"] span[lang="fr"]')!;
      expect(label.textContent).to.equal('Cartes');
      expect(label.getAttribute('dir')).to.equal('ltr');
      expectAbsent(el.shadowRoot!.querySelector('#ma-desc-maps span[lang]'));
      el.shadowRoot!.querySelector('dialog')!.close();
    });

    it('renders hostile texts as text, never as markup', async () => {
      const el = await render();
      el.config = {
        texts: { fr: { title: '<img src=x onerror="window.__pwned=1">Titre', acceptAll: '<b>Oui</b>' } },
        categories: { analytics: { label: { fr: '<script>window.__pwned=1</script>' } } },
      };
      await el.updateComplete;
      expectAbsent(el.shadowRoot!.querySelector('h2 img'));
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.contain('<img');
      expectAbsent(button(el, 'accept')!.querySelector('b'));
      await el.showPreferences();
      expectAbsent(el.shadowRoot!.querySelector('dialog script'));
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      el.shadowRoot!.querySelector('dialog')!.close();
    });
  });

  describe('decisions', () => {
    it('accept all: stores every category granted and confirms with focus on the message', async () => {
      const el = await render(html`<ma-cookie-consent categories="analytics video"></ma-cookie-consent>`);
      setTimeout(() => button(el, 'accept')!.click());
      const event = await oneEvent(el, 'ma-consent-change');
      expect(event.detail.source).to.equal('banner');
      expect(event.detail.categories).to.deep.equal({ analytics: true, video: true });
      expect(event.bubbles && event.composed).to.equal(true);
      const stored = storedConsent()!;
      expect(stored).to.include({ v: 1, rev: '1' });
      expect(stored.categories).to.deep.equal({ analytics: true, video: true });
      expect(stored.id).to.equal(el.consent!.id);
      await el.updateComplete;
      const confirmation = part(el, 'confirmation')!;
      expect(confirmation.getAttribute('role')).to.equal('status');
      expect(confirmation.textContent).to.contain('Vous avez accepté');
      expect(deepActive()).to.equal(confirmation);
      expectAbsent(part(el, 'banner'));
      expect(el.isGranted('analytics')).to.equal(true);
    });

    it('refuse all: stores every category refused, for the same lifetime', async () => {
      const el = await render();
      button(el, 'refuse')!.click();
      await el.updateComplete;
      expect((storedConsent()!.categories as Record<string, boolean>).analytics).to.equal(false);
      expect(part(el, 'confirmation')!.textContent).to.contain('Vous avez refusé');
      expect(el.isGranted('analytics')).to.equal(false);
      expect(el.isGranted('necessary')).to.equal(true);
    });

    it('writes no cookie at all before the visitor decides', async () => {
      await render();
      expect(document.cookie).to.equal('');
    });

    it('hide moves focus to the manage button, which reopens the preferences', async () => {
      const el = await render();
      button(el, 'refuse')!.click();
      await el.updateComplete;
      part(el, 'hide')!.click();
      await el.updateComplete;
      await el.updateComplete;
      const manage = part(el, 'manage')!;
      expect(deepActive()).to.equal(manage);
      manage.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
      el.shadowRoot!.querySelector('dialog')!.close();
    });

    it('customize opens a modal dialog with optional categories unchecked and necessary locked', async () => {
      const el = await render(html`<ma-cookie-consent categories="analytics video"></ma-cookie-consent>`);
      button(el, 'customize')!.click();
      await el.updateComplete;
      await el.updateComplete;
      const dialog = part(el, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      const necessary = dialog.querySelector<HTMLInputElement>('#ma-cat-necessary')!;
      expect(necessary.checked && necessary.disabled).to.equal(true);
      const optional = dialog.querySelectorAll<HTMLInputElement>('input:not(#ma-cat-necessary)');
      expect(optional).to.have.length(2);
      optional.forEach((input) => expect(input.checked).to.equal(false));
      expect(optional[0].getAttribute('role')).to.equal('switch');
      dialog.close();
    });

    it('save stores exactly the switches chosen', async () => {
      const el = await render(html`<ma-cookie-consent categories="analytics video"></ma-cookie-consent>`);
      await el.showPreferences();
      const dialog = part(el, 'dialog') as HTMLDialogElement;
      dialog.querySelector<HTMLInputElement>('#ma-cat-video')!.click();
      setTimeout(() => button(el, 'save')!.click());
      const event = await oneEvent(el, 'ma-consent-change');
      expect(event.detail.source).to.equal('preferences');
      expect(event.detail.categories).to.deep.equal({ analytics: false, video: true });
      expect(dialog.open).to.equal(false);
      await el.updateComplete;
      expect(part(el, 'confirmation')).not.to.equal(null);
    });

    it('saving after the offered categories changed stores a complete choice', async () => {
      const el = await render(html`<ma-cookie-consent categories="analytics"></ma-cookie-consent>`);
      await el.showPreferences();
      el.setAttribute('categories', 'analytics video');
      await el.updateComplete;
      button(el, 'save')!.click();
      expect(storedConsent()!.categories).to.deep.equal({ analytics: false, video: false });
      expect(el.consent!.categories).to.deep.equal({ analytics: false, video: false });
    });

    it('a config set before the element is defined is kept', async () => {
      const early = document.createElement('ma-cookie-consent-early');
      (early as unknown as { config: unknown }).config = { texts: { fr: { title: 'Titre précoce' } } };
      // Upgrade the element now, as a late script-tag load would.
      class Early extends (customElements.get('ma-cookie-consent') as CustomElementConstructor) {}
      customElements.define('ma-cookie-consent-early', Early);
      customElements.upgrade(early);
      expect((early as unknown as MaCookieConsent).config?.texts?.fr?.title).to.equal('Titre précoce');
    });

    it('Escape closes the dialog without saving and focus returns to the opener', async () => {
      const el = await render();
      const customize = button(el, 'customize')!;
      customize.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = part(el, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      dialog.querySelector<HTMLInputElement>('#ma-cat-analytics')!.click();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      expect(storedConsent()).to.equal(undefined);
      expect(el.consent).to.equal(null);
      expect(part(el, 'banner')).not.to.equal(null);
      expect(deepActive()).to.equal(customize);
      // Reopened, it shows the stored state again, not the abandoned draft.
      await el.showPreferences();
      expect(dialog.querySelector<HTMLInputElement>('#ma-cat-analytics')!.checked).to.equal(false);
      dialog.close();
    });

    it('data-consent-open elements open the preferences by click and keyboard', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <ma-cookie-consent></ma-cookie-consent>
        <a href="#" data-consent-open>Gérer les cookies</a>
        <span data-consent-open tabindex="0" role="button">Cookies</span>
      </div>`);
      const el = wrapper.querySelector('ma-cookie-consent')!;
      await el.updateComplete;
      const link = wrapper.querySelector('a')!;
      link.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = part(el, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(location.hash).to.equal('');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await el.updateComplete;
      expect(document.activeElement).to.equal(link);
      const span = wrapper.querySelector('span')!;
      span.focus();
      await sendKeys({ press: SPACE });
      await el.updateComplete;
      expect(dialog.open).to.equal(true);
      dialog.close();
    });

    it('a data-consent-open element that cannot take focus is made operable by keyboard, with a warning', async () => {
      const warnings = captureWarnings();
      let wrapper: HTMLElement;
      try {
        wrapper = await fixture<HTMLDivElement>(html`<div>
          <ma-cookie-consent></ma-cookie-consent>
          <span data-consent-open>Cookies</span>
          <li data-consent-open role="link">Gérer</li>
        </div>`);
      } finally {
        warnings.restore();
      }
      const el = wrapper!.querySelector('ma-cookie-consent')!;
      const [span, li] = wrapper!.querySelectorAll<HTMLElement>('[data-consent-open]');
      expect(span.tabIndex).to.equal(0);
      expect(span.getAttribute('role')).to.equal('button');
      expect(li.getAttribute('role'), 'a role the page gave is kept').to.equal('link');
      expect(warnings.messages.filter((m) => m.includes('open-trigger: <span>'))).to.have.length(1);
      span.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = part(el, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      dialog.close();
    });
  });

  describe('focus', () => {
    it('a decision made elsewhere (a script) while focus is in the banner moves focus on, never to <body>', async () => {
      const el = await render();
      button(el, 'refuse')!.focus();
      el.acceptAll();
      await el.updateComplete;
      await el.updateComplete;
      expectAbsent(part(el, 'banner'));
      expect(deepActive() === part(el, 'manage'), 'focus on the manage button').to.equal(true);
    });
  });

  describe('keyboard only (real keys)', () => {
    it('Tab reaches accept first and Enter accepts', async () => {
      const el = await render();
      (document.activeElement as HTMLElement | null)?.blur();
      // From the page: the language switch comes first in the heading row, then the buttons.
      button(el, 'accept')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect((storedConsent()!.categories as Record<string, boolean>).analytics).to.equal(true);
    });

    it('Shift+Tab/Tab move between accept and refuse, Space refuses', async () => {
      const el = await render();
      button(el, 'accept')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(button(el, 'refuse'));
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActive()).to.equal(button(el, 'accept'));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: SPACE });
      await el.updateComplete;
      expect((storedConsent()!.categories as Record<string, boolean>).analytics).to.equal(false);
      expect(deepActive()).to.equal(part(el, 'confirmation'));
    });

    it('switches toggle with Space and save works from the keyboard', async () => {
      const el = await render();
      button(el, 'customize')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = part(el, 'dialog') as HTMLDialogElement;
      dialog.querySelector<HTMLInputElement>('#ma-cat-analytics')!.focus();
      await sendKeys({ press: SPACE });
      expect(dialog.querySelector<HTMLInputElement>('#ma-cat-analytics')!.checked).to.equal(true);
      button(el, 'save')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect((storedConsent()!.categories as Record<string, boolean>).analytics).to.equal(true);
    });
  });

  describe('stored choice', () => {
    it('shows no banner and the manage button when a valid choice is stored', async () => {
      writeRawCookie('ma_cookie_consent', encodeURIComponent(JSON.stringify(validRecord())));
      const el = await render();
      expectAbsent(part(el, 'banner'));
      expect(part(el, 'manage')).not.to.equal(null);
      expect(el.consent).to.deep.equal({
        categories: { analytics: true },
        revision: '1',
        timestamp: '2026-11-26T17:00:00.000Z',
        id: '3b8f0c2e-1d2a-4c5b-9e7f-0123456789ab',
      });
    });

    it('hide-manage-button renders nothing after a choice', async () => {
      writeRawCookie('ma_cookie_consent', encodeURIComponent(JSON.stringify(validRecord())));
      const el = await render(html`<ma-cookie-consent hide-manage-button></ma-cookie-consent>`);
      expectAbsent(el.shadowRoot!.querySelector('button'));
    });

    it('asks again when the revision changes', async () => {
      writeRawCookie('ma_cookie_consent', encodeURIComponent(JSON.stringify(validRecord())));
      const el = await render(html`<ma-cookie-consent revision="2"></ma-cookie-consent>`);
      expect(part(el, 'banner')).not.to.equal(null);
      expect(el.consent).to.equal(null);
    });

    it('a revision set right after insertion reads the choice stored for it', async () => {
      writeRawCookie('ma_cookie_consent', encodeURIComponent(JSON.stringify(validRecord({ rev: '2' }))));
      const el = document.createElement('ma-cookie-consent');
      document.body.prepend(el);
      try {
        let granted = false;
        void el.whenGranted('analytics').then(() => (granted = true));
        el.setAttribute('revision', '2');
        await el.updateComplete;
        await el.updateComplete;
        expect(el.consent?.revision).to.equal('2');
        expectAbsent(part(el, 'banner'));
        expect(granted).to.equal(true);
      } finally {
        el.remove();
      }
    });

    it('a corrupted cookie shows the banner and warns, without throwing', async () => {
      writeRawCookie('ma_cookie_consent', '%7B%22v%22%3A1');
      const warnings = captureWarnings();
      try {
        const el = await render();
        expect(part(el, 'banner')).not.to.equal(null);
      } finally {
        warnings.restore();
      }
      expect(warnings.messages.some((m) => m.startsWith('[ma-cookie-consent]'))).to.equal(true);
    });
  });

  describe('script API and events', () => {
    it('fires ma-consent-ready once with the stored choice', async () => {
      const container = document.createElement('div');
      document.body.append(container);
      const events: unknown[] = [];
      container.addEventListener('ma-consent-ready', (e) => events.push(e.detail));
      const el = document.createElement('ma-cookie-consent');
      container.append(el);
      await el.updateComplete;
      await el.updateComplete;
      container.remove();
      document.body.append(container);
      await el.updateComplete;
      expect(events).to.deep.equal([null]);
      container.remove();
    });

    it('ma-consent-ready comes before a change decided at once by a script', async () => {
      const container = document.createElement('div');
      document.body.append(container);
      const order: string[] = [];
      container.addEventListener('ma-consent-ready', () => order.push('ready'));
      container.addEventListener('ma-consent-change', () => order.push('change'));
      const el = document.createElement('ma-cookie-consent');
      container.append(el);
      el.acceptAll();
      await el.updateComplete;
      await el.updateComplete;
      container.remove();
      expect(order).to.deep.equal(['ready', 'change']);
    });

    it('acceptAll, refuseAll, setConsent, reset and whenGranted', async () => {
      const el = await render(html`<ma-cookie-consent categories="analytics video"></ma-cookie-consent>`);
      const sources: string[] = [];
      el.addEventListener('ma-consent-change', (e) => sources.push(e.detail.source));
      let granted = false;
      void el.whenGranted('video').then(() => (granted = true));
      el.refuseAll();
      await Promise.resolve();
      expect(granted).to.equal(false);
      el.setConsent({ video: true });
      await Promise.resolve();
      expect(granted).to.equal(true);
      expect(el.consent!.categories).to.deep.equal({ analytics: false, video: true });
      el.acceptAll();
      expect(el.consent!.categories).to.deep.equal({ analytics: true, video: true });
      expect(sources).to.deep.equal(['api', 'api', 'api']);
      await el.updateComplete;
      expectAbsent(part(el, 'banner'));
      el.reset();
      await el.updateComplete;
      expect(el.consent).to.equal(null);
      expect(storedConsent()).to.equal(undefined);
      expect(part(el, 'banner')).not.to.equal(null);
    });

    const withdrawals: Array<[string, (el: MaCookieConsent) => Promise<void> | void]> = [
      ['reset()', (el) => el.reset()],
      [
        'a revision raised at run time',
        async (el) => {
          el.revision = '2';
          await el.updateComplete;
        },
      ],
    ];
    for (const [what, withdraw] of withdrawals)
      it(`${what} after a grant deletes analytics cookies, tells Consent Mode and Matomo, and asks again`, async () => {
        const page = window as unknown as { dataLayer?: unknown[]; _paq?: unknown[] };
        page.dataLayer = [];
        page._paq = [];
        try {
          const el = await render();
          el.acceptAll();
          document.cookie = '_ga=GA1.1.123; path=/';
          document.cookie = '_pk_id.1.abcd=xyz; path=/';
          await withdraw(el);
          expect(document.cookie).not.to.contain('_ga=');
          expect(document.cookie).not.to.contain('_pk_id');
          const last = Array.from(page.dataLayer.at(-1) as IArguments);
          expect(last.slice(0, 2)).to.deep.equal(['consent', 'update']);
          expect((last[2] as Record<string, string>).analytics_storage).to.equal('denied');
          expect(page._paq.at(-1)).to.deep.equal(['forgetConsentGiven']);
          await el.updateComplete;
          expect(el.consent).to.equal(null);
          expect(part(el, 'banner')).not.to.equal(null);
        } finally {
          delete page.dataLayer;
          delete page._paq;
        }
      });

    it('setConsent ignores unknown categories and bad input with a warning', async () => {
      const el = await render();
      const warnings = captureWarnings();
      try {
        el.setConsent({ analytics: true, bogus: true } as Record<string, boolean>);
        el.setConsent(null as unknown as Record<string, boolean>);
      } finally {
        warnings.restore();
      }
      expect(el.consent!.categories).to.deep.equal({ analytics: true });
      expect(warnings.messages).to.have.length(2);
    });
  });

  describe('attributes', () => {
    it('warns once and falls back on invalid values, and still works', async () => {
      const warnings = captureWarnings();
      let el: MaCookieConsent;
      try {
        el = await render(
          html`<ma-cookie-consent lang="xx" expires-days="abc" position="middle" theme="pink" policy-url="javascript:alert(1)"></ma-cookie-consent>`,
        );
      } finally {
        warnings.restore();
      }
      expect(warnings.messages.filter((m) => m.startsWith('[ma-cookie-consent]'))).to.have.length(5);
      expect(el!.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('fr');
      expectAbsent(part(el!, 'policy-link'));
      button(el!, 'accept')!.click();
      expect(storedConsent()).not.to.equal(undefined);
    });

    it('position="bottom" docks the banner and pads the page while it shows', async () => {
      // (Without hide-manage-button the manage button, also fixed at the bottom, keeps a padding.)
      const el = await render(html`<ma-cookie-consent position="bottom" hide-manage-button></ma-cookie-consent>`);
      const banner = part(el, 'banner')!;
      expect(getComputedStyle(banner).position).to.equal('fixed');
      await new Promise((r) => setTimeout(r, 100));
      const padding = parseFloat(document.documentElement.style.scrollPaddingBottom);
      expect(padding).to.be.closeTo(banner.getBoundingClientRect().height, 1);
      el.refuseAll();
      await el.updateComplete;
      expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
    });

    it('position="top" stays in the page flow', async () => {
      const el = await render();
      expect(getComputedStyle(part(el, 'banner')!).position).to.equal('static');
    });

    it('reads the JSON configuration block', async () => {
      const el = await render(html`<ma-cookie-consent categories="analytics video">
        <script type="application/json">
          { "texts": { "fr": { "title": "Cookies sur E-ARTISANAT" } },
            "categories": { "video": { "label": { "fr": "Vidéos", "ar": "الفيديو" }, "cookies": ["YSC"] } } }
        </script>
      </ma-cookie-consent>`);
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Cookies sur E-ARTISANAT');
      expect(el.config?.categories?.video.cookies).to.deep.equal(['YSC']);
    });

    it('a malformed JSON block warns and the built-in texts are used', async () => {
      const warnings = captureWarnings();
      let el: MaCookieConsent;
      try {
        el = await render(
          html`<ma-cookie-consent><script type="application/json">{ "texts": </script></ma-cookie-consent>`,
        );
      } finally {
        warnings.restore();
      }
      expect(warnings.messages.join()).to.match(/\[ma-cookie-consent\] config-json: /);
      expect(el!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Cookies sur ce site');
    });

    it('a second element on the page stays inert and warns', async () => {
      const warnings = captureWarnings();
      let wrapper: HTMLElement;
      try {
        wrapper = await fixture(
          html`<div><ma-cookie-consent></ma-cookie-consent><ma-cookie-consent></ma-cookie-consent></div>`,
        );
      } finally {
        warnings.restore();
      }
      const [, second] = wrapper!.querySelectorAll('ma-cookie-consent');
      await second.updateComplete;
      expectAbsent(second.shadowRoot!.querySelector('section'));
      expect(warnings.messages).to.deep.equal([
        '[ma-cookie-consent] second-element:  (docs/warnings.md#second-element)',
      ]);
    });
  });

  describe('accessibility (axe)', () => {
    for (const lang of ['fr', 'ar']) {
      it(`banner in ${lang} passes axe`, async () => {
        const el = await render(html`<ma-cookie-consent lang=${lang} policy-url="/cgu"></ma-cookie-consent>`);
        await expect(el).to.be.accessible();
      });

      it(`open dialog in ${lang} passes axe`, async () => {
        const el = await render(
          html`<ma-cookie-consent lang=${lang} categories="analytics video"></ma-cookie-consent>`,
        );
        await el.showPreferences();
        await expect(el).to.be.accessible();
        el.shadowRoot!.querySelector('dialog')!.close();
      });

      it(`confirmation in ${lang} passes axe`, async () => {
        const el = await render(html`<ma-cookie-consent lang=${lang}></ma-cookie-consent>`);
        button(el, 'accept')!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });
    }
  });
});

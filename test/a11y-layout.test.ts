/**
 * Issue 5, items 3–5 (layout): focus never obscured by the docked banner (WCAG 2.4.11), reflow
 * at 320 px (1.4.10), text spacing (1.4.12), the docked banner's 40 % height cap, and target
 * sizes (2.5.8). Measured in the browser with real viewport sizes.
 */
import { expect } from '@open-wc/testing';
import type { MaCookieConsent } from '../src/ma-cookie-consent.js';
import {
  allElements,
  applyTextSpacing,
  clipped,
  deepActive,
  describeNode,
  dialogOf,
  enter,
  focusTopOfPage,
  mount,
  part,
  resetViewport,
  STATES,
  tab,
  unmount,
  viewport,
  visible,
} from './a11y-helpers.js';
import { nextFrame, until } from './helpers.js';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
];

function noHorizontalScroll(): void {
  const root = document.documentElement;
  expect(root.scrollWidth, 'page scrolls sideways').to.be.at.most(root.clientWidth);
}

describe('a11y: layout', () => {
  afterEach(async () => {
    await unmount();
    await resetViewport();
  });

  describe('focus not obscured (2.4.11) with position="bottom"', () => {
    for (const size of SIZES) {
      for (const lang of ['fr', 'ar']) {
        it(`${size.width}×${size.height}, ${lang}: tabbing through a long page never leaves focus under the banner`, async () => {
          await viewport(size.width, size.height);
          const el = await mount({ lang, position: 'bottom', 'policy-url': '/cgu' }, { links: 14 });
          const banner = part(el, 'banner')!;
          // The page is padded by the banner's height while the banner shows.
          await until(() => document.documentElement.style.scrollPaddingBottom !== '');
          expect(parseFloat(document.documentElement.style.scrollPaddingBottom)).to.be.closeTo(banner.getBoundingClientRect().height, 1);

          focusTopOfPage();
          const links = Array.from(document.querySelectorAll<HTMLElement>('[data-a11y-page] a'));
          const last = links[links.length - 1];
          let pageStops = 0;
          for (let i = 0; i < 40 && deepActive() !== last; i++) {
            const node = await tab();
            await nextFrame();
            if (!node) throw new Error('focus was lost');
            const r = node.getBoundingClientRect();
            const cover = banner.getBoundingClientRect();
            if (banner.contains(node) || el.shadowRoot!.contains(node)) {
              // Inside the banner, which scrolls: the control is scrolled into the banner's view.
              expect(r.top, `${describeNode(node)} hidden above the banner's scroll area`).to.be.at.least(cover.top - 1);
              expect(r.bottom, `${describeNode(node)} hidden below the banner's scroll area`).to.be.at.most(cover.bottom + 1);
              continue;
            }
            pageStops++;
            // Not even partly under the banner (stricter than 2.4.11, which forbids "entirely").
            expect(r.bottom, `${describeNode(node)} is under the banner (bottom ${r.bottom}, banner top ${cover.top})`).to.be.at.most(cover.top + 1);
            expect(r.top, `${describeNode(node)} is above the viewport`).to.be.at.least(-1);
          }
          expect(deepActive(), 'Tab reached the end of the page').to.equal(last);
          expect(pageStops).to.be.at.least(links.length);

          // Padding goes with the banner.
          el.refuseAll();
          await el.updateComplete;
          await nextFrame();
          expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
        });
      }
    }

    it('the confirmation, docked, keeps the padding; hiding it removes the padding', async () => {
      await viewport(320, 640);
      const el = await mount({ lang: 'ar', position: 'bottom' }, { links: 6 });
      await enter(el, 'confirmation');
      await until(() => document.documentElement.style.scrollPaddingBottom !== '');
      const docked = el.shadowRoot!.querySelector<HTMLElement>('.docked')!;
      expect(parseFloat(document.documentElement.style.scrollPaddingBottom)).to.be.closeTo(docked.getBoundingClientRect().height, 1);
      part(el, 'hide')!.click();
      await el.updateComplete;
      await nextFrame();
      expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
    });
  });

  describe('docked banner height cap', () => {
    const sizes = [...SIZES, { width: 320, height: 256 }, { width: 1280, height: 400 }];
    for (const size of sizes) {
      for (const lang of ['fr', 'ar']) {
        it(`${size.width}×${size.height}, ${lang}: never taller than 40 % of the viewport, and it scrolls inside`, async () => {
          await viewport(size.width, size.height);
          const el = await mount({ lang, position: 'bottom', 'policy-url': '/cgu' });
          const restore = applyTextSpacing(el);
          try {
            await nextFrame();
            for (const state of ['banner', 'confirmation'] as const) {
              if (state === 'confirmation') await enter(el, 'confirmation');
              const docked = el.shadowRoot!.querySelector<HTMLElement>('.docked')!;
              const h = docked.getBoundingClientRect().height;
              expect(h, `${state} height`).to.be.at.most(innerHeight * 0.4 + 0.5);
              expect(docked.getBoundingClientRect().bottom).to.be.closeTo(innerHeight, 1);
              if (docked.scrollHeight > docked.clientHeight) {
                expect(getComputedStyle(docked).overflowY, 'taller content scrolls inside').to.be.oneOf(['auto', 'scroll']);
                // The last control can be reached: scrolling the banner brings it into its view.
                const buttons = docked.querySelectorAll('button');
                const lastButton = buttons[buttons.length - 1];
                lastButton.scrollIntoView({ block: 'nearest' });
                const r = lastButton.getBoundingClientRect();
                const box = docked.getBoundingClientRect();
                expect(r.top).to.be.at.least(box.top - 1);
                expect(r.bottom).to.be.at.most(box.bottom + 1);
              }
            }
          } finally {
            restore();
          }
        });
      }
    }
  });

  describe('reflow at 320 CSS px (1.4.10)', () => {
    for (const lang of ['fr', 'ar']) {
      for (const position of ['top', 'bottom']) {
        it(`${lang}, position=${position}: no horizontal scroll, buttons stacked, nothing clipped, in every state`, async () => {
          await viewport(320, 640);
          const el = await mount({ lang, position, 'policy-url': '/cgu#article-6', categories: 'analytics video' });
          for (const state of STATES) {
            if (state === 'dialog' || state === 'manage') continue;
            if (state === 'confirmation') await enter(el, 'confirmation');
            noHorizontalScroll();
            expect(clipped(el), `${state}`).to.deep.equal([]);
            const actions = el.shadowRoot!.querySelector('.banner .actions')!;
            const buttons = Array.from(actions.querySelectorAll('button'));
            const width = actions.getBoundingClientRect().width;
            for (let i = 0; i < buttons.length; i++) {
              const r = buttons[i].getBoundingClientRect();
              expect(r.width, `${describeNode(buttons[i])} spans the row`).to.be.closeTo(width, 1);
              if (i > 0) expect(r.top, 'stacked').to.be.at.least(buttons[i - 1].getBoundingClientRect().bottom);
            }
          }
        });
      }

      it(`${lang}: the dialog and the manage button reflow at 320 px`, async () => {
        await viewport(320, 640);
        const el = await mount({ lang, 'policy-url': '/cgu', categories: 'analytics video' });
        await enter(el, 'dialog');
        const dialog = dialogOf(el);
        const r = dialog.getBoundingClientRect();
        expect(r.left).to.be.at.least(0);
        expect(r.right).to.be.at.most(320);
        expect(dialog.scrollWidth, 'dialog scrolls sideways').to.be.at.most(dialog.clientWidth);
        expect(clipped(el)).to.deep.equal([]);
        const buttons = Array.from(dialog.querySelectorAll<HTMLElement>('.actions button'));
        for (let i = 1; i < buttons.length; i++) {
          expect(buttons[i].getBoundingClientRect().top, 'stacked').to.be.at.least(buttons[i - 1].getBoundingClientRect().bottom);
        }
        dialog.close();
        await enter(el, 'manage');
        noHorizontalScroll();
        expect(clipped(el)).to.deep.equal([]);
      });
    }
  });

  describe('text spacing (1.4.12)', () => {
    for (const size of SIZES) {
      for (const lang of ['fr', 'ar']) {
        it(`${size.width} px, ${lang}: with the text-spacing overrides nothing is clipped in any state`, async () => {
          await viewport(size.width, size.height);
          const el = await mount({ lang, 'policy-url': '/cgu#article-6', categories: 'analytics video' });
          const restore = applyTextSpacing(el);
          try {
            await nextFrame();
            // The overrides really apply inside the shadow root.
            const p = el.shadowRoot!.querySelector('p')!;
            expect(parseFloat(getComputedStyle(p).letterSpacing)).to.be.closeTo(0.12 * parseFloat(getComputedStyle(p).fontSize), 0.5);
            for (const state of STATES) {
              const node = await enter(el, state);
              await nextFrame();
              expect(clipped(el), `${state}`).to.deep.equal([]);
              if (size.width === 320) noHorizontalScroll();
              if (state === 'dialog') (node as HTMLDialogElement).close();
            }
          } finally {
            restore();
          }
        });
      }
    }
  });

  it('control: the clipping check does catch text cut off by a fixed height', async () => {
    const el = await mount({ lang: 'ar' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('p { block-size: 1em; overflow: hidden; }');
    el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
    expect(clipped(el).join('\n')).to.contain('cuts its content vertically');
  });

  describe('target size (2.5.8)', () => {
    async function targets(el: MaCookieConsent): Promise<HTMLElement[]> {
      return allElements(el).filter((n) => n.matches('button, a[href], input') && visible(n));
    }

    for (const lang of ['fr', 'ar']) {
      for (const width of [1280, 320]) {
        it(`${lang} at ${width} px: every control is at least 24×24 CSS px (44 for buttons)`, async () => {
          await viewport(width, 800);
          const el = await mount({ lang, 'policy-url': '/cgu', categories: 'analytics video' });
          let count = 0;
          for (const state of STATES) {
            const node = await enter(el, state);
            for (const target of await targets(el)) {
              const r = target.getBoundingClientRect();
              expect(r.width, `${describeNode(target)} width`).to.be.at.least(24);
              expect(r.height, `${describeNode(target)} height`).to.be.at.least(24);
              if (target.localName === 'button') {
                expect(r.height, `${describeNode(target)} height (touch)`).to.be.at.least(44);
                expect(r.width, `${describeNode(target)} width (touch)`).to.be.at.least(44);
              }
              count++;
            }
            if (state === 'dialog') (node as HTMLDialogElement).close();
          }
          expect(count).to.be.at.least(14);
        });
      }
    }
  });
});

/**
 * The first layer fits a phone (docs/api.md §3): at 320×640 and 360×740, in French and Arabic,
 * in both positions, accept, refuse and customize are fully on the first screen; with
 * position="top" the banner is at most 60 % of the viewport's height at 360×740 and at most
 * 320 px high at 1280×800. Heights depend on the font: the font is pinned to DejaVu Sans (which
 * CI installs, and which is wider than the phones' own fonts, so the figures are pessimistic).
 */
import { expect } from '@open-wc/testing';
import type { MaCookieConsent } from '../src/ma-cookie-consent.js';
import { inBanner, mount, part, unmount, viewport } from './a11y-helpers.js';
import { nextFrame } from './helpers.js';

const FONT = "'DejaVu Sans'";

async function banner(lang: string, position: string, width: number, height: number): Promise<MaCookieConsent> {
  await viewport(width, height);
  const el = await mount({ lang, position, 'policy-url': '/cgu#article-6' }, { links: 20 });
  el.style.setProperty('--ma-consent-font', FONT);
  await nextFrame();
  await nextFrame();
  window.scrollTo(0, 0);
  return el;
}

describe('first layer: the three buttons on the first screen of a phone', () => {
  afterEach(unmount);

  it('the pinned font is there (a machine without it would measure another font)', async () => {
    await document.fonts.load(`16px ${FONT}`, 'Aa ب');
    expect(document.fonts.check(`16px ${FONT}`, 'Aa')).to.equal(true);
  });

  for (const [width, height] of [
    [320, 640],
    [360, 740],
  ]) {
    for (const lang of ['fr', 'ar']) {
      for (const position of ['top', 'bottom']) {
        it(`${width}×${height}, ${lang}, position="${position}": accept, refuse and customize fully visible without scrolling`, async () => {
          const el = await banner(lang, position, width, height);
          const boxes = (['accept', 'refuse', 'customize'] as const).map(
            (name) => [name, inBanner(el, name)!.getBoundingClientRect()] as const,
          );
          for (const [name, box] of boxes) {
            expect(box.top, `${name} top`).to.be.at.least(0);
            expect(box.bottom, `${name} bottom (viewport ${height})`).to.be.at.most(height);
            expect(box.left, `${name} left`).to.be.at.least(0);
            expect(box.right, `${name} right`).to.be.at.most(width);
            expect(box.height, `${name} height`).to.be.at.least(44);
          }
          const [[, accept], [, refuse]] = boxes;
          // Side by side and the same: refusing is exactly as easy as accepting.
          expect(refuse.top).to.equal(accept.top);
          expect(refuse.width).to.be.closeTo(accept.width, 0.5);
          expect(refuse.height).to.equal(accept.height);
          if (position === 'top') {
            const region = part(el, 'banner')!.getBoundingClientRect();
            if (width === 360) expect(region.height, 'banner height at 360×740').to.be.at.most(0.6 * height);
            // In the page flow, not fixed: the page continues below it.
            expect(getComputedStyle(part(el, 'banner')!).position).to.equal('static');
          }
        });
      }
    }
  }

  for (const lang of ['fr', 'ar']) {
    it(`1280×800, ${lang}, position="top": the banner is at most 320 px high, buttons on one line`, async () => {
      const el = await banner(lang, 'top', 1280, 800);
      expect(part(el, 'banner')!.getBoundingClientRect().height).to.be.at.most(320);
      const tops = (['accept', 'refuse', 'customize'] as const).map(
        (name) => inBanner(el, name)!.getBoundingClientRect().top,
      );
      expect(new Set(tops).size).to.equal(1);
    });
  }

  it('control: the check does fail when the text is long (a site text of a full paragraph)', async () => {
    await viewport(320, 640);
    const long = 'Un texte de présentation beaucoup trop long pour un premier écran. '.repeat(12);
    const el = await mount({ lang: 'fr', position: 'top' }, { config: { texts: { fr: { intro: long } } } });
    el.style.setProperty('--ma-consent-font', FONT);
    await nextFrame();
    expect(inBanner(el, 'customize')!.getBoundingClientRect().bottom).to.be.greaterThan(640);
  });
});

/**
 * Issue 5, items 1, 5 and 9 under user preferences: theme="auto" in a dark system,
 * forced colours (Windows high contrast) and reduced motion.
 *
 * Chromium emulates the media features for real (the `ma-a11y-media` command, see
 * test/a11y-media-plugin.mjs). Firefox driven over WebDriver BiDi cannot emulate media features;
 * there the same assertions run on the component's own `@media` blocks applied directly
 * (`simulateMedia`), which still proves what those blocks do, though not the media query itself;
 * a simulated forced-colours mode has no forced palette, so colour contrasts are checked only
 * where Chromium really forces the colours.
 */
import { expect } from '@open-wc/testing';
import type { MaCookieConsent } from '../src/ma-cookie-consent.js';
import {
  allElements,
  backgroundOf,
  contrast,
  describeNode,
  dialogOf,
  emulate,
  enter,
  inBanner,
  type Media,
  mount,
  parseColor,
  part,
  resetMedia,
  simulateMedia,
  STATES,
  tabTo,
  textContrast,
  textElements,
  unmount,
} from './a11y-helpers.js';

const isChromium = navigator.userAgent.includes('Chrome/');

/** Turns a preference on, for real where the browser can, else by applying the CSS block. */
async function prefer(
  el: MaCookieConsent,
  media: Media,
  query: string,
  block: string,
): Promise<(() => void) & { real: boolean }> {
  const emulated = await emulate(media);
  if (isChromium)
    expect(
      emulated,
      'Chromium emulates media features (register a11yMediaPlugin in web-test-runner.config.mjs)',
    ).to.equal(true);
  const undo = Object.assign(emulated ? () => {} : simulateMedia(el, block), { real: emulated });
  if (emulated) expect(matchMedia(query).matches, `${query} is on`).to.equal(true);
  // Colours change with a short transition: measure the colours it ends on.
  await Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished));
  return undo;
}

describe('a11y: user preferences', () => {
  afterEach(async () => {
    await resetMedia();
    await unmount();
  });

  describe('theme="auto" follows a dark system', () => {
    for (const lang of ['fr', 'ar']) {
      for (const state of STATES) {
        it(`${state} in ${lang}: dark colours, zero axe violations, text ≥ 4.5:1`, async () => {
          const el = await mount({ lang, theme: 'auto', 'policy-url': '/cgu', categories: 'analytics' });
          const light = backgroundOf(part(el, 'banner')!);
          const undo = await prefer(
            el,
            { colorScheme: 'dark' },
            '(prefers-color-scheme: dark)',
            'prefers-color-scheme: dark',
          );
          try {
            const node = await enter(el, state);
            const bg = backgroundOf(state === 'confirmation' ? node.closest('section')! : node);
            // Really dark now (the light theme's background is near white).
            expect(contrast(bg, [0, 0, 0, 1]), 'dark background').to.be.below(2);
            expect(contrast(light, [0, 0, 0, 1]), 'light background before').to.be.above(15);
            await expect(el).to.be.accessible();
            for (const text of textElements(el)) {
              expect(textContrast(text), `${describeNode(text)}`).to.be.at.least(4.5);
            }
          } finally {
            undo();
          }
        });
      }
    }
  });

  describe('forced colors (Windows high contrast)', () => {
    for (const lang of ['fr', 'ar']) {
      it(`${lang}: buttons, switches and the focus ring stay visible`, async () => {
        const el = await mount({ lang, theme: 'dark', 'policy-url': '/cgu', categories: 'analytics' });
        const undo = await prefer(el, { forcedColors: 'active' }, '(forced-colors: active)', 'forced-colors: active');
        // Contrast is measured only where the browser really forces the palette.
        const contrastAtLeast = (ratio: number, min: number, what: string) => {
          if (undo.real) expect(ratio, what).to.be.at.least(min);
        };
        try {
          // Buttons keep a visible border against what is behind them.
          for (const state of ['banner', 'dialog'] as const) {
            const scope = state === 'banner' ? part(el, 'banner')! : await enter(el, 'dialog');
            for (const button of Array.from(scope.querySelectorAll<HTMLElement>('button:not(.link)'))) {
              const style = getComputedStyle(button);
              expect(style.borderTopStyle, describeNode(button)).to.equal('solid');
              expect(parseFloat(style.borderTopWidth), describeNode(button)).to.be.at.least(1);
              const around = backgroundOf(button.parentElement!);
              contrastAtLeast(contrast(parseColor(style.borderTopColor), around), 3, `${describeNode(button)} border`);
              contrastAtLeast(textContrast(button), 4.5, `${describeNode(button)} text`);
            }
          }
          // Switches: the track's edge, and the knob, on and off, differ from the background.
          const input = dialogOf(el).querySelector<HTMLInputElement>('#ma-cat-analytics')!;
          const track = input.nextElementSibling!;
          const around = backgroundOf(track.parentElement!);
          expect(getComputedStyle(track).borderTopStyle).to.equal('solid');
          contrastAtLeast(contrast(parseColor(getComputedStyle(track).borderTopColor), around), 3, 'track border');
          const knobOff = parseColor(getComputedStyle(track, '::before').backgroundColor);
          contrastAtLeast(contrast(knobOff, backgroundOf(track)), 3, 'knob off');
          input.click();
          await el.updateComplete;
          const trackOn = backgroundOf(track);
          const knobOn = parseColor(getComputedStyle(track, '::before').backgroundColor);
          contrastAtLeast(contrast(knobOn, trackOn), 3, 'knob on');
          contrastAtLeast(contrast(trackOn, around), 3, 'an "on" track is filled');
          // Focus rings, reached by keyboard from the dialog's title.
          await tabTo(input);
          const ring = getComputedStyle(track);
          expect(ring.outlineStyle).to.not.equal('none');
          contrastAtLeast(contrast(parseColor(ring.outlineColor), around), 3, 'switch focus ring');
          const save = dialogOf(el).querySelector<HTMLElement>('[part~="save"]')!;
          await tabTo(save);
          const style = getComputedStyle(save);
          expect(style.outlineStyle).to.not.equal('none');
          contrastAtLeast(
            contrast(parseColor(style.outlineColor), backgroundOf(save.parentElement!)),
            3,
            'button focus ring',
          );
        } finally {
          undo();
        }
      });
    }

    it('the docked banner keeps a visible edge against the page', async () => {
      const el = await mount({ lang: 'fr', position: 'bottom' });
      const undo = await prefer(el, { forcedColors: 'active' }, '(forced-colors: active)', 'forced-colors: active');
      try {
        const style = getComputedStyle(part(el, 'banner')!);
        expect(style.borderTopStyle).to.equal('solid');
        expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
      } finally {
        undo();
      }
    });
  });

  describe('reduced motion', () => {
    it('control: without the preference, buttons do animate their colours', async () => {
      const el = await mount({ lang: 'fr' });
      const durations = getComputedStyle(inBanner(el, 'accept')!).transitionDuration.split(',').map(parseFloat);
      expect(Math.max(...durations)).to.be.greaterThan(0);
    });

    for (const lang of ['fr', 'ar']) {
      it(`${lang}: prefers-reduced-motion removes every transition and animation, in every state`, async () => {
        const el = await mount({ lang, 'policy-url': '/cgu', position: 'bottom' });
        const undo = await prefer(
          el,
          { reducedMotion: 'reduce' },
          '(prefers-reduced-motion: reduce)',
          'prefers-reduced-motion: reduce',
        );
        try {
          let count = 0;
          for (const state of STATES) {
            const node = await enter(el, state);
            for (const n of allElements(el)) {
              const style = getComputedStyle(n);
              const durations = style.transitionDuration.split(',').map(parseFloat);
              expect(Math.max(...durations), `${state}: ${describeNode(n)} transition`).to.equal(0);
              expect(style.animationName, `${state}: ${describeNode(n)} animation`).to.equal('none');
              count++;
            }
            const before = getComputedStyle(node, '::backdrop');
            expect(parseFloat(before.transitionDuration) || 0).to.equal(0);
            if (state === 'dialog') (node as HTMLDialogElement).close();
          }
          expect(count).to.be.at.least(20);
        } finally {
          undo();
        }
      });
    }
  });
});

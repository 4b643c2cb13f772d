/**
 * Issue 5, items 5–8: contrast of text and focus indicators (computed from the browser's own
 * styles), equal weight of accept and refuse, language of parts, Arabic typography and bidi
 * isolation checked by where the glyphs really land on screen.
 */
import { expect } from '@open-wc/testing';
import { dialogStyles, placeholderStyles, styles } from '../src/ma-cookie-consent.styles.js';

/** Every stylesheet of ours: the element's, its dialog's and the placeholder's. */
const sheets = [...new Set([...styles, dialogStyles, ...placeholderStyles])];
import {
  allElements,
  backgroundOf,
  contrast,
  describeNode,
  expectFocus,
  dialogOf,
  enter,
  focusTopOfPage,
  inBanner,
  inDialog,
  mount,
  parseColor,
  part,
  STATES,
  shiftTab,
  tab,
  textContrast,
  textElements,
  unmount,
} from './a11y-helpers.js';
import { expectAbsent } from './helpers.js';
import { html, render } from 'lit';
import ar from '../locales/ar.js';
import fr from '../locales/fr.js';
import { say } from '../src/say.js';

const THEMES = ['light', 'dark'] as const;
const LANGS = ['fr', 'ar'] as const;

/** The box that draws a control's focus ring: the switch draws it on its track. */
const ringOf = (node: Element): Element => (node.matches('.switch input') ? node.nextElementSibling! : node);

/**
 * Tabs through every control of `scope` (and no further: Tab past a modal dialog's last control
 * leaves the document for the browser's own interface) and checks each focus indicator.
 */
async function checkFocusRings(scope: Element): Promise<number> {
  const controls = Array.from(scope.querySelectorAll<HTMLElement>('button, a[href], input:not([disabled])')).filter(
    (n) => n.getClientRects().length > 0,
  );
  for (let i = 0; i < controls.length; i++) {
    const node = await tab();
    expect(
      node !== null && controls.includes(node as HTMLElement),
      `Tab ${i + 1} stays in ${describeNode(scope)}: ${describeNode(node)}`,
    ).to.equal(true);
    expect(node!.matches(':focus-visible'), `${describeNode(node)} matches :focus-visible`).to.equal(true);
    const ring = ringOf(node!);
    const style = getComputedStyle(ring);
    expect(style.outlineStyle, `${describeNode(node)} outline`).to.not.equal('none');
    expect(parseFloat(style.outlineWidth), `${describeNode(node)} outline width`).to.be.at.least(2);
    const ringColor = parseColor(style.outlineColor);
    // The ring is drawn outside the control (outline-offset), over the surface around it.
    const around = backgroundOf(ring.parentElement ?? ring);
    const ratio = contrast(ringColor, around);
    expect(ratio, `${describeNode(node)} focus ring contrast ${ratio.toFixed(2)}`).to.be.at.least(3);
  }
  return controls.length;
}

describe('a11y: contrast, equal weight, language, Arabic typography', () => {
  afterEach(unmount);

  describe('text contrast ≥ 4.5:1 (1.4.3), computed from the rendered styles', () => {
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        it(`${lang}, ${theme}: every text in every state`, async () => {
          const el = await mount({ lang, theme, 'policy-url': '/cgu', categories: 'analytics video' });
          let count = 0;
          for (const state of STATES) {
            const node = await enter(el, state);
            for (const text of textElements(el)) {
              const ratio = textContrast(text);
              expect(ratio, `${state}: ${describeNode(text)} contrast ${ratio.toFixed(2)}`).to.be.at.least(4.5);
              count++;
            }
            if (state === 'dialog') (node as HTMLDialogElement).close();
          }
          expect(count).to.be.at.least(20);
        });
      }
    }

    it('the switches and borders that carry meaning reach 3:1 (1.4.11)', async () => {
      for (const theme of THEMES) {
        const el = await mount({ lang: 'fr', theme });
        await enter(el, 'dialog');
        const track = dialogOf(el).querySelector('#ma-cat-analytics + .track')!;
        const around = backgroundOf(track.parentElement!);
        expect(
          contrast(parseColor(getComputedStyle(track).borderTopColor), around),
          `${theme} switch border`,
        ).to.be.at.least(3);
        const knob = parseColor(getComputedStyle(track, '::before').backgroundColor);
        expect(contrast(knob, around), `${theme} switch knob`).to.be.at.least(3);
        await unmount();
      }
    });
  });

  describe('focus indicators ≥ 3:1 (1.4.11, 2.4.7)', () => {
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        it(`${lang}, ${theme}: banner, confirmation, dialog and manage button`, async () => {
          const el = await mount({ lang, theme, 'policy-url': '/cgu', categories: 'analytics' });
          focusTopOfPage();
          expect(await checkFocusRings(part(el, 'banner')!), 'banner controls').to.be.at.least(5);

          await enter(el, 'confirmation');
          part(el, 'confirmation')!.focus();
          expect(await checkFocusRings(part(el, 'confirmation')!.closest('section')!)).to.be.at.least(1);

          await enter(el, 'dialog');
          expect(await checkFocusRings(dialogOf(el)), 'dialog controls').to.be.at.least(6);
          dialogOf(el).close();

          await enter(el, 'manage');
          // Back from the page's first link to the manage button, which precedes it.
          document.querySelector<HTMLElement>('[data-a11y-page] a')!.focus();
          const manage = await shiftTab();
          expectFocus(part(el, 'manage'), 'Shift+Tab from the page');
          const style = getComputedStyle(manage!);
          expect(manage!.matches(':focus-visible')).to.equal(true);
          // The manage button floats over the site's own page, whose colours are unknown: its ring
          // is drawn on a halo of the component's background (two-colour indicator, technique C40).
          const ring = parseColor(style.outlineColor);
          const halo = style.boxShadow.match(/(rgba?\([^)]*\)|#[0-9a-f]+)\s+0px\s+0px\s+0px\s+([\d.]+)px/i);
          expect(halo, `halo in box-shadow "${style.boxShadow}"`).to.not.equal(null);
          const spread = parseFloat(halo![2]);
          expect(spread).to.be.at.least(parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) + 1);
          expect(contrast(ring, parseColor(halo![1])), 'ring against its halo').to.be.at.least(3);
          expect(contrast(ring, backgroundOf(manage!)), 'ring against the button').to.be.at.least(3);
        });
      }
    }
  });

  describe('equal weight: accept and refuse look the same', () => {
    const props = [
      'font-family',
      'font-size',
      'font-weight',
      'font-style',
      'line-height',
      'letter-spacing',
      'text-decoration-line',
      'padding-top',
      'padding-right',
      'padding-bottom',
      'padding-left',
      'border-top-width',
      'border-top-style',
      'border-top-color',
      'border-bottom-width',
      'border-left-width',
      'border-right-width',
      'border-radius',
      'color',
      'background-color',
      'opacity',
      'box-shadow',
      'min-height',
      'min-width',
    ];
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        for (const width of [1280, 320]) {
          it(`${lang}, ${theme}, ${width} px: same font, padding, border, colours and height, in banner and dialog`, async () => {
            const { viewport, resetViewport } = await import('./a11y-helpers.js');
            await viewport(width, 800);
            try {
              const el = await mount({ lang, theme });
              for (const where of ['banner', 'dialog'] as const) {
                if (where === 'dialog') await enter(el, 'dialog');
                const accept = where === 'banner' ? inBanner(el, 'accept')! : inDialog(el, 'accept')!;
                const refuse = where === 'banner' ? inBanner(el, 'refuse')! : inDialog(el, 'refuse')!;
                const a = getComputedStyle(accept);
                const r = getComputedStyle(refuse);
                for (const prop of props) {
                  expect(r.getPropertyValue(prop), `${where} ${prop}`).to.equal(a.getPropertyValue(prop));
                }
                expect(refuse.getBoundingClientRect().height, `${where} height`).to.equal(
                  accept.getBoundingClientRect().height,
                );
                expect(refuse.parentElement === accept.parentElement, 'same row').to.equal(true);
                // At 320 px both fill the row, so they are the same size on screen too.
                if (width === 320)
                  expect(refuse.getBoundingClientRect().width).to.equal(accept.getBoundingClientRect().width);
              }
            } finally {
              await resetViewport();
            }
          });
        }
      }
    }
  });

  describe('language of parts (3.1.2)', () => {
    for (const lang of LANGS) {
      it(`${lang}: the rendered root carries lang and dir in every state; the switch names its own language`, async () => {
        const el = await mount({ lang, languages: 'fr ar en' });
        const dir = lang === 'ar' ? 'rtl' : 'ltr';
        for (const state of STATES) {
          const node = await enter(el, state);
          const root = el.shadowRoot!.querySelector('.root')!;
          expect(root.getAttribute('lang')).to.equal(lang);
          expect(root.getAttribute('dir')).to.equal(dir);
          expect(getComputedStyle(node).direction).to.equal(dir);
          expect(node.closest('[lang]')!.getAttribute('lang')).to.equal(lang);
          for (const button of Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="language"] button'))) {
            if (!button.isConnected || !button.getClientRects().length) continue;
            const code = button.getAttribute('lang')!;
            expect(code).to.be.oneOf(['fr', 'ar', 'en']);
            expect(code).to.not.equal(lang);
            expect(button.getAttribute('dir')).to.equal(code === 'ar' ? 'rtl' : 'ltr');
            expect(button.matches(`:lang(${code})`)).to.equal(true);
          }
          if (state === 'dialog') (node as HTMLDialogElement).close();
        }
      });
    }

    it('a French page with an Arabic banner: the banner is Arabic, right to left, not the page', async () => {
      const el = await mount({ lang: 'ar' }, { pageLang: 'fr', pageDir: 'ltr' });
      const title = el.shadowRoot!.querySelector('h2')!;
      expect(title.matches(':lang(ar)')).to.equal(true);
      expect(title.matches(':lang(fr)')).to.equal(false);
      expect(getComputedStyle(title).direction).to.equal('rtl');
      expect(document.querySelector('main h1')!.matches(':lang(fr)')).to.equal(true);
      await enter(el, 'dialog');
      expect(dialogOf(el).matches(':lang(ar)')).to.equal(true);
      expect(getComputedStyle(dialogOf(el)).direction).to.equal('rtl');
    });

    it('an Arabic page with a French banner: the banner is French, left to right, not inherited', async () => {
      const el = await mount({ lang: 'fr' }, { pageLang: 'ar', pageDir: 'rtl' });
      const title = el.shadowRoot!.querySelector('h2')!;
      expect(title.matches(':lang(fr)')).to.equal(true);
      expect(getComputedStyle(title).direction).to.equal('ltr');
      expect(getComputedStyle(part(el, 'banner')!).textAlign).to.be.oneOf(['start', 'left']);
      await enter(el, 'manage');
      expect(part(el, 'manage')!.matches(':lang(fr)')).to.equal(true);
      expect(getComputedStyle(part(el, 'manage')!).direction).to.equal('ltr');
    });
  });

  describe('Arabic typography', () => {
    const css = sheets.map((sheet) => sheet.cssText).join('\n');

    it('the stylesheet uses logical properties only: no physical left/right anywhere', () => {
      const physical = [
        /(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b/,
        /(?:^|[\s;{])(?:left|right)\s*:/,
        /\b(?:text-align|float|clear|caption-side)\s*:\s*(?:left|right)\b/,
        /border-(?:top|bottom)-(?:left|right)-radius/,
        /translateX\(/,
        /background-position(?:-x)?\s*:[^;]*\b(?:left|right)\b/,
      ];
      for (const pattern of physical) expect(css, String(pattern)).to.not.match(pattern);
      // The scan does read the real stylesheet.
      expect(css).to.match(/margin-inline|inset-inline|padding-inline|border-inline/);
    });

    it('Arabic text gets a line height of at least 1.6, and no smaller size than French', async () => {
      const el = await mount({ lang: 'ar', 'policy-url': '/cgu' });
      for (const state of STATES) {
        const node = await enter(el, state);
        for (const text of textElements(el)) {
          const style = getComputedStyle(text);
          const ratio = parseFloat(style.lineHeight) / parseFloat(style.fontSize);
          expect(
            ratio,
            `${state}: ${describeNode(text)} line-height ${style.lineHeight} / ${style.fontSize}`,
          ).to.be.at.least(1.6);
        }
        if (state === 'dialog') (node as HTMLDialogElement).close();
      }
      await unmount();
      const french = await mount({ lang: 'fr' });
      const frSize = parseFloat(getComputedStyle(french.shadowRoot!.querySelector('p')!).fontSize);
      await unmount();
      const arabic = await mount({ lang: 'ar' });
      expect(parseFloat(getComputedStyle(arabic.shadowRoot!.querySelector('p')!).fontSize)).to.be.at.least(frSize);
    });

    it('no fixed heights on text containers (only min- and max- sizes)', () => {
      const fixed: string[] = [];
      for (const rule of sheets.flatMap((sheet) => Array.from(sheet.styleSheet!.cssRules))) {
        const rules = rule instanceof CSSMediaRule ? Array.from(rule.cssRules) : [rule];
        for (const r of rules) {
          if (!(r instanceof CSSStyleRule)) continue;
          const style = r.style;
          if (!style.getPropertyValue('height') && !style.getPropertyValue('block-size')) continue;
          // The drawn switch (track, knob) and its invisible hit area hold no text.
          const decorative = r.selectorText.split(',').every((s) => /\.track|\.switch input/.test(s));
          if (!decorative) fixed.push(r.selectorText);
        }
      }
      expect(fixed).to.deep.equal([]);
    });

    it('a system font stack with Arabic coverage, and no web font to download', async () => {
      const el = await mount({ lang: 'ar' });
      const family = getComputedStyle(el.shadowRoot!.querySelector('.root')!).fontFamily;
      for (const font of ['system-ui', 'Segoe UI', 'Tahoma', 'Geeza Pro', 'Noto Sans Arabic', 'sans-serif']) {
        expect(family, font).to.contain(font);
      }
      expect(family.trim()).to.match(/sans-serif$/);
      expect(css).to.not.match(/@font-face|url\(/);
      // A font that draws Arabic is really present: Arabic letters are not drawn as empty boxes
      // (the fallback glyphs all share one width).
      const canvas = document.createElement('canvas').getContext('2d')!;
      canvas.font = `16px ${family}`;
      const widths = ['ب', 'م', 'ا', 'ك'].map((c) => canvas.measureText(c).width);
      expect(
        new Set(widths.map((w) => w.toFixed(1))).size,
        `Arabic glyph widths ${widths.join(', ')}`,
      ).to.be.greaterThan(1);
    });

    it('directional drawings are mirrored in Arabic (the switch knob), check marks and digits are not', async () => {
      const knobSide = async (lang: string) => {
        const el = await mount({ lang });
        await enter(el, 'dialog');
        const input = dialogOf(el).querySelector<HTMLInputElement>('#ma-cat-analytics')!;
        input.click();
        await el.updateComplete;
        const style = getComputedStyle(input.nextElementSibling!);
        const result = { side: style.justifyContent, direction: style.direction };
        dialogOf(el).close();
        await unmount();
        return result;
      };
      const fr = await knobSide('fr');
      const ar = await knobSide('ar');
      // "On" puts the knob at the inline end: right in French, left in Arabic.
      expect(fr.side).to.equal('flex-end');
      expect(fr.direction).to.equal('ltr');
      expect(ar.side).to.equal('flex-end');
      expect(ar.direction).to.equal('rtl');
      // The component draws no arrows, chevrons or check marks as text: nothing to mirror wrongly.
      const el = await mount({ lang: 'ar', 'policy-url': '/cgu' });
      for (const state of STATES) {
        const node = await enter(el, state);
        expect(el.shadowRoot!.textContent, state).to.not.match(/[←→‹›⟨⟩▶◀►◄➔✓✔]/);
        expectAbsent(el.shadowRoot!.querySelector('svg, img'), state);
        if (state === 'dialog') (node as HTMLDialogElement).close();
      }
    });
  });

  describe('bidi isolation: "09-08", URLs and E-ARTISANAT read in the right order', () => {
    const URL_TEXT = 'https://www.artisanat.gov.ma/cgu';
    const config = {
      texts: {
        ar: {
          title: 'ملفات تعريف الارتباط على منصة E-ARTISANAT',
          intro: `طبقًا للقانون 09-08 والظهير 1-09-15، راجعوا ${URL_TEXT} للمزيد.`,
        },
      },
    };

    /** x positions, on screen, of the characters at `offsets` within the text node holding `needle`. */
    function glyphX(root: ParentNode, needle: string, offsets: number[]): number[] {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(needle);
        if (at < 0) continue;
        return offsets.map((o) => {
          const range = document.createRange();
          range.setStart(n!, at + o);
          range.setEnd(n!, at + o + 1);
          const rects = range.getClientRects();
          expect(rects.length, `glyph ${o} of "${needle}" is drawn`).to.be.greaterThan(0);
          return rects[0].left;
        });
      }
      throw new Error(`"${needle}" not found`);
    }

    it('control: without isolation an RTL paragraph does reverse "09-08" (the check can fail)', async () => {
      const p = document.createElement('p');
      p.dir = 'rtl';
      p.lang = 'ar';
      p.textContent = 'طبقًا للقانون 09-08 المتعلق';
      document.body.append(p);
      try {
        const [first, second] = glyphX(p, '09-08', [0, 3]);
        expect(first, '"09" is drawn to the right of "08"').to.be.greaterThan(second);
      } finally {
        p.remove();
      }
    });

    it('"09-08", "1-09-15", the URL and E-ARTISANAT are drawn left to right inside Arabic text', async () => {
      const el = await mount({ lang: 'ar' }, { config });
      const root = el.shadowRoot!;
      const [zero9, zero8] = glyphX(root, '09-08', [0, 3]);
      expect(zero9, '"09" left of "08"').to.be.lessThan(zero8);
      const [one, fifteen] = glyphX(root, '1-09-15', [0, 5]);
      expect(one, '"1" left of "15"').to.be.lessThan(fifteen);
      const [h, u] = glyphX(root, URL_TEXT, [0, URL_TEXT.length - 1]);
      expect(h, 'URL starts on the left').to.be.lessThan(u);
      const [e, t] = glyphX(root, 'E-ARTISANAT', [0, 10]);
      expect(e, 'E left of T').to.be.lessThan(t);
      // Each fragment is in its own isolate.
      for (const text of ['09-08', '1-09-15', URL_TEXT, 'E-ARTISANAT']) {
        const bdi = Array.from(root.querySelectorAll('bdi')).find((b) => b.textContent === text);
        expect(bdi !== undefined, `${text} is isolated`).to.equal(true);
        expect(bdi!.getAttribute('dir')).to.equal('ltr');
      }
      // The surrounding sentence stays right to left: its first word is at the right.
      const p = root.querySelector('p')!;
      const [start] = glyphX(p, 'طبقًا', [0]);
      expect(start).to.be.greaterThan(zero8);
    });

    it('an isolated name stays on the line of its guillemets at every width, and inside a link it is inline (underlined)', async () => {
      const host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = styles.map((s) => s.styleSheet!);
      const sentence = 'يُحفظ اختياركم في ملف تعريف الارتباط «ma_cookie_consent» لمدة ستة أشهر (E-ARTISANAT).';
      render(
        html`<p dir="rtl" lang="ar">${say(sentence, ar)}</p>
          <a href="#x" dir="rtl" lang="ar">${say('فتح المحتوى في موقع www.youtube-nocookie.com', ar)}</a>`,
        root,
      );
      try {
        const p = root.querySelector('p')!;
        const top = (node: Node, offset: number) => {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          return Math.round(range.getClientRects()[0].top);
        };
        const [name, brand] = Array.from(p.querySelectorAll('bdi'));
        expect(name.textContent).to.equal('ma_cookie_consent');
        expect(brand.textContent).to.equal('E-ARTISANAT');
        // The text nodes in order (Lit's comment markers left out): before, inside and after the name.
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const texts: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent) texts.push(n as Text);
        const inName = texts.findIndex((n) => name.contains(n));
        const [before, inside, after] = [texts[inName - 1], texts[inName], texts[inName + 1]];
        expect(before.textContent!.endsWith('«') && after.textContent!.startsWith('»')).to.equal(true);
        const inBrand = texts.find((n) => brand.contains(n))!;
        let breaks = 0;
        for (let width = 100; width <= 420; width += 4) {
          p.style.inlineSize = `${width}px`;
          const line = top(inside, 0);
          expect(top(before, before.length - 1), `« with its name at ${width}px`).to.equal(line);
          expect(top(after, 0), `» with its name at ${width}px`).to.equal(top(inside, inside.length - 1));
          expect(top(inBrand, 0), `E-ARTISANAT not broken at its hyphen at ${width}px`).to.equal(
            top(inBrand, inBrand.length - 1),
          );
          if (line !== top(inBrand, 0)) breaks++;
        }
        expect(breaks, 'the sentence did wrap at some widths (the check can fail)').to.be.greaterThan(0);
        for (const bdi of root.querySelectorAll('bdi')) expect(getComputedStyle(bdi).display).to.equal('inline');
      } finally {
        host.remove();
      }
    });

    it('in French too, a hyphenated name or number is never broken at its hyphen', async () => {
      const host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = styles.map((s) => s.styleSheet!);
      render(html`<p lang="fr">${say('Cookies sur la plateforme E-ARTISANAT, selon la loi n° 09-08.', fr)}</p>`, root);
      try {
        const p = root.querySelector('p')!;
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const texts: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent) texts.push(n as Text);
        const line = (node: Text, offset: number) => {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          return Math.round(range.getClientRects()[0].top);
        };
        /** The lines of the first and last characters of `needle`. */
        const ends = (needle: string) => {
          const node = texts.find((n) => n.data.includes(needle))!;
          const start = node.data.indexOf(needle);
          return [line(node, start), line(node, start + needle.length - 1)];
        };
        let wrapped = 0;
        for (let width = 60; width <= 400; width += 4) {
          p.style.inlineSize = `${width}px`;
          for (const needle of ['E-ARTISANAT', '09-08']) {
            const [first, last] = ends(needle);
            expect(first, `${needle} on one line at ${width}px`).to.equal(last);
          }
          if (line(texts[0], 0) !== ends('09-08')[0]) wrapped++;
        }
        expect(wrapped, 'the sentence did wrap (the check can fail)').to.be.greaterThan(0);
      } finally {
        host.remove();
      }
    });

    it('the built-in Arabic text of the dialog writes the law number 09.08 in order, isolated', async () => {
      // The official dotted form (COMPLIANCE §3.3) reads in order by itself; it is isolated anyway.
      const el = await mount({ lang: 'ar' });
      await enter(el, 'dialog');
      const [zero9, zero8] = glyphX(dialogOf(el), '09.08', [0, 3]);
      expect(zero9).to.be.lessThan(zero8);
      const bdi = Array.from(dialogOf(el).querySelectorAll('bdi')).find((b) => b.textContent === '09.08');
      expect(bdi?.getAttribute('dir')).to.equal('ltr');
    });

    it('the confirmation date uses Western digits, drawn in order', async () => {
      const el = await mount({ lang: 'ar' });
      await enter(el, 'confirmation');
      const text = part(el, 'confirmation')!.textContent!;
      expect(text).to.match(/\d{4}/);
      expect(text).to.not.match(/[٠-٩]/);
      const year = text.match(/\d{4}/)![0];
      const [first, last] = glyphX(part(el, 'confirmation')!, year, [0, 3]);
      expect(first).to.be.lessThan(last);
    });
  });

  it('allElements sees the dialog content (sanity)', async () => {
    const el = await mount({ lang: 'fr' });
    await enter(el, 'dialog');
    expect(allElements(el).some((n) => n.matches('#ma-cat-necessary'))).to.equal(true);
  });
});

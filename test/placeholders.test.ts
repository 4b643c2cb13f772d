/**
 * Placeholders for blocked embeds (docs/api.md §3), on a real page with the built bundle: no
 * request before the click, the iframe's box kept, one click that stores the choice, loads the
 * embed once and focuses it, late iframes, the opt-out, withdrawal, language and theme, and
 * accessibility in both languages.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import { clearCookies, storedConsent, until, wait, expectAbsent } from './helpers.js';

interface PageWindow extends Window {
  __warnings: string[];
  __changes: Array<{ categories: Record<string, boolean>; source: string }>;
  __errors: string[];
  axe?: unknown;
}

interface ConsentElement extends HTMLElement {
  refuseAll(): void;
  acceptAll(): void;
  setConsent(choices: Record<string, boolean>): void;
  updateComplete: Promise<unknown>;
  consent: { categories: Record<string, boolean> } | null;
}

const newKey = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}`;
const hits = async (name: string) => ((await (await fetch(`/__hits?key=${name}`)).json()) as { count: number }).count;
/** Waits until the server has seen `count` requests for `name` (and no more). */
async function untilHits(name: string, count: number) {
  for (let i = 0; i < 80 && (await hits(name)) < count; i++) await wait(50);
  expect(await hits(name), `requests for ${name}`).to.equal(count);
}

let frame: HTMLIFrameElement | null = null;

async function openPage(key: string, { attrs = 'categories="analytics video"', width = 900, defer = false } = {}) {
  frame?.remove();
  frame = document.createElement('iframe');
  frame.style.cssText = `inline-size: ${width}px; block-size: 700px; border: 0`;
  const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
  frame.src = `/__page/placeholders.html?${defer ? 'defer&' : ''}key=${key}&attrs=${encodeURIComponent(attrs)}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  await until(() => !!win.document.querySelector('ma-cookie-consent')?.shadowRoot?.querySelector('.root'));
  await until(() => placeholderOf(win, 'video')?.shadowRoot?.querySelector('[part~="placeholder"]') != null);
  // Shown once the iframe's box is known (a ResizeObserver reports it after a layout).
  await until(() => placeholderOf(win, 'video')!.hidden === false);
  return win;
}

const element = (win: PageWindow) => win.document.querySelector('ma-cookie-consent') as ConsentElement;
const iframe = (win: PageWindow, id: string) => win.document.getElementById(id) as HTMLIFrameElement;
/** The placeholder standing for the iframe: the element just before it. */
function placeholderOf(win: PageWindow, id: string): (HTMLElement & { updateComplete: Promise<unknown> }) | null {
  const before = iframe(win, id)?.previousElementSibling;
  return before?.localName === 'ma-consent-placeholder'
    ? (before as HTMLElement & { updateComplete: Promise<unknown> })
    : null;
}
const inside = (el: Element | null, part: string) =>
  el?.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('placeholders for blocked embeds (built bundle)', function () {
  this.timeout(20000);
  beforeEach(clearCookies);
  afterEach(() => {
    frame?.remove();
    frame = null;
    clearCookies();
  });

  it('stand in place of each blocked iframe, at its size, and nothing is requested', async () => {
    const key = newKey('box');
    const win = await openPage(key);
    await frames();
    for (const id of ['video', 'narrow', 'fluid']) {
      const placeholder = placeholderOf(win, id)!;
      expect(placeholder, id).not.to.equal(null);
      expect(win.getComputedStyle(iframe(win, id)).display, `${id} hidden`).to.equal('none');
      expect(iframe(win, id).hasAttribute('src'), `${id} has no src`).to.equal(false);
    }
    // The site draws its own, and a category that is not offered gets no allow button.
    expectAbsent(placeholderOf(win, 'own'));
    expect(inside(placeholderOf(win, 'map'), 'placeholder')).not.to.equal(null);
    expectAbsent(inside(placeholderOf(win, 'map'), 'allow'));
    expect(win.__warnings.join('\n')).to.contain('category: "maps"');

    const box = placeholderOf(win, 'video')!.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([484, 274]); // 480×270 and the iframe's 2 px border
    const fluid = placeholderOf(win, 'fluid')!.getBoundingClientRect();
    expect(fluid.width / fluid.height).to.be.closeTo(16 / 9, 0.02);

    await wait(300);
    for (const name of ['video', 'narrow', 'fluid', 'own', 'map'])
      expect(await hits(`${key}-${name}`), name).to.equal(0);
    expect(storedConsent()).to.equal(undefined);
    expect(win.__errors).to.deep.equal([]);
  });

  it('say what is blocked and from where, with a plain link to it', async () => {
    const win = await openPage(newKey('texts'));
    const placeholder = placeholderOf(win, 'video')!;
    const box = inside(placeholder, 'placeholder')!;
    expect(box.getAttribute('lang')).to.equal('fr');
    expect(box.getAttribute('dir')).to.equal('ltr');
    expect(box.textContent).to.contain('Le métier de dinandier (contenu non affiché)');
    expect(box.textContent).to.contain(`fourni par ${location.host}`);
    expect(box.textContent).to.contain('« Vidéos »');
    expect(inside(placeholder, 'allow')!.textContent!.trim()).to.equal('Autoriser la catégorie « Vidéos »');
    const link = inside(placeholder, 'open') as HTMLAnchorElement;
    expect(link.href).to.equal(new URL(iframe(win, 'video').dataset.src!, win.location.href).href);
    expect(link.textContent!.trim()).to.equal(`Ouvrir sur ${location.host}`);
    // Without a title, the category's label says what is blocked.
    expect(inside(placeholderOf(win, 'fluid'), 'placeholder')!.textContent).to.contain('Vidéos (contenu non affiché)');
  });

  it('one click allows the category only, stores it (source "placeholder"), loads the embed once, focuses it', async () => {
    const key = newKey('click');
    const win = await openPage(key);
    // Positions are taken from the paragraph before: the banner above changes height when it
    // gives way to the confirmation, which moves the whole page, not the embed within it.
    const anchor = () => win.document.querySelector('main p')!.getBoundingClientRect();
    const from = (r: DOMRect) => [r.left - anchor().left, r.top - anchor().bottom, r.width, r.height];
    const before = from(placeholderOf(win, 'video')!.getBoundingClientRect());
    inside(placeholderOf(win, 'video'), 'allow')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => iframe(win, 'video').hasAttribute('src'));
    expect(storedConsent()!.categories).to.deep.equal({ analytics: false, video: true });
    expect(win.__changes.map((c) => [c.source, c.categories])).to.deep.equal([
      ['placeholder', { analytics: false, video: true }],
    ]);
    // Every iframe of the category loads, each once; their placeholders go.
    for (const name of ['video', 'narrow', 'fluid', 'own']) await untilHits(`${key}-${name}`, 1);
    expect(win.document.querySelectorAll('ma-consent-placeholder')).to.have.length(1); // the map's
    expect(win.getComputedStyle(iframe(win, 'video')).display).to.equal('inline');
    expect(from(iframe(win, 'video').getBoundingClientRect()), 'the same box: nothing shifts').to.deep.equal(before);
    await until(() => win.document.activeElement === iframe(win, 'video'));
    // The banner gives way to the confirmation, which says what was recorded; focus stays.
    await element(win).updateComplete;
    const confirmation = inside(element(win), 'confirmation')!;
    expect(confirmation.textContent).to.contain('Catégories autorisées : Vidéos.');
    expect(confirmation.textContent).to.contain("Catégories refusées : Cookies de mesure d'audience.");
    expect(win.document.activeElement).to.equal(iframe(win, 'video'));
    await wait(300);
    expect(await hits(`${key}-video`)).to.equal(1);
    expect(await hits(`${key}-map`)).to.equal(0);
  });

  it('focus follows the embed both ways: allowed elsewhere while in the placeholder, withdrawn while in the frame', async () => {
    const win = await openPage(newKey('focus'));
    inside(placeholderOf(win, 'video'), 'allow')!.focus();
    element(win).setConsent({ video: true }); // decided by a script, not by the placeholder
    await until(() => win.document.activeElement === iframe(win, 'video'));

    element(win).setConsent({ video: false });
    await until(() => placeholderOf(win, 'video')?.hidden === false);
    await until(() => placeholderOf(win, 'video')!.shadowRoot!.activeElement !== null);
    expect(win.document.activeElement).to.equal(placeholderOf(win, 'video'));
    expect(placeholderOf(win, 'video')!.shadowRoot!.activeElement).to.equal(
      inside(placeholderOf(win, 'video'), 'allow'),
    );
  });

  it('keeps the other categories as they were when a choice exists', async () => {
    const win = await openPage(newKey('keep'));
    element(win).setConsent({ analytics: true });
    inside(placeholderOf(win, 'video'), 'allow')!.click();
    expect(storedConsent()!.categories).to.deep.equal({ analytics: true, video: true });
  });

  it('come back, unloaded, when the category is withdrawn; and late iframes get one', async () => {
    const key = newKey('withdraw');
    const win = await openPage(key);
    inside(placeholderOf(win, 'video'), 'allow')!.click();
    const shown = () => iframe(win, 'video').contentWindow!.location.href;
    await until(() => shown().includes('/__embed/'));
    element(win).refuseAll();
    await until(() => placeholderOf(win, 'video') !== null);
    expect(iframe(win, 'video').hasAttribute('src')).to.equal(false);
    // Unloaded, not only hidden: a video playing there stops.
    await until(() => shown() === 'about:blank');
    await until(() => win.getComputedStyle(iframe(win, 'video')).display === 'none');

    const late = win.document.createElement('iframe');
    late.id = 'late';
    late.dataset.consent = 'video';
    late.dataset.src = `/__embed/${key}-late.html`;
    late.title = 'Ajoutée plus tard';
    win.document.querySelector('main')!.append(late);
    await until(() => placeholderOf(win, 'late') !== null);
    expect(inside(placeholderOf(win, 'late'), 'placeholder')!.textContent).to.contain(
      'Ajoutée plus tard (contenu non affiché)',
    );
    await wait(200);
    expect(await hits(`${key}-late`)).to.equal(0);
    element(win).acceptAll();
    await untilHits(`${key}-late`, 1);
    expectAbsent(placeholderOf(win, 'late'));
  });

  it('after the element is removed and added again, a withdrawal still unloads the iframes loaded before', async () => {
    const win = await openPage(newKey('remount'));
    element(win).acceptAll();
    await until(() => iframe(win, 'video').hasAttribute('src'));
    const el = element(win);
    el.remove();
    win.document.body.prepend(el);
    await el.updateComplete;
    el.refuseAll();
    await until(() => placeholderOf(win, 'video') !== null);
    expect(iframe(win, 'video').hasAttribute('src')).to.equal(false);
  });

  it('are upgraded and work when the script is deferred (the element already in the page)', async () => {
    const win = await openPage(newKey('defer'), { defer: true });
    expect(inside(placeholderOf(win, 'video'), 'placeholder')!.textContent).to.contain('Le métier de dinandier');
    expect(win.__warnings.join('\n')).not.to.contain('category: "video"');
    (inside(placeholderOf(win, 'video'), 'allow') as HTMLButtonElement).click();
    await until(() => iframe(win, 'video').src === new URL(iframe(win, 'video').dataset.src!, win.location.href).href);
    expectAbsent(placeholderOf(win, 'video'));
  });

  it('follow the element: Arabic right to left with the host isolated, and the dark theme', async () => {
    const win = await openPage(newKey('lang'));
    element(win).setAttribute('lang', 'ar');
    element(win).setAttribute('theme', 'dark');
    const placeholder = placeholderOf(win, 'video')!;
    await until(() => inside(placeholder, 'placeholder')!.getAttribute('dir') === 'rtl');
    const box = inside(placeholder, 'placeholder')!;
    expect(box.getAttribute('lang')).to.equal('ar');
    expect(box.classList.contains('dark')).to.equal(true);
    expect(box.textContent).to.contain('محتوى غير معروض');
    expect(inside(placeholder, 'allow')!.textContent).to.contain('«الفيديو»');
    const host = Array.from(box.querySelectorAll('bdi')).map((b) => b.textContent);
    expect(host).to.include(location.host);
    expect(win.getComputedStyle(box).direction).to.equal('rtl');
  });

  it('at 320 px, a 480×270 embed in a narrow column keeps its allow button in sight', async () => {
    const win = await openPage(newKey('narrow'), { width: 320 });
    await frames();
    const placeholder = placeholderOf(win, 'narrow')!;
    const box = placeholder.getBoundingClientRect();
    const column = win.document.querySelector('.column')!.getBoundingClientRect();
    expect(box.width).to.be.at.most(column.width);
    expect(win.document.documentElement.scrollWidth).to.be.at.most(320);
    const allow = inside(placeholder, 'allow')!.getBoundingClientRect();
    expect(allow.left).to.be.at.least(box.left);
    expect(allow.right).to.be.at.most(box.right);
    expect(allow.bottom).to.be.at.most(box.bottom);
  });
});

describe('placeholders: accessibility', () => {
  beforeEach(clearCookies);
  afterEach(clearCookies);

  for (const lang of ['fr', 'ar']) {
    for (const theme of ['light', 'dark']) {
      it(`${lang}, ${theme}: axe finds nothing; the button and the link are large enough; Tab reaches both`, async () => {
        const wrapper = await fixture<HTMLElement>(html`<div>
          <ma-cookie-consent lang=${lang} theme=${theme} categories="analytics video"></ma-cookie-consent>
          <iframe data-consent="video" data-src="/__embed/axe-${lang}-${theme}.html" title="Vidéo" width="480" height="270"></iframe>
        </div>`);
        await until(
          () => !!wrapper.querySelector('ma-consent-placeholder')?.shadowRoot?.querySelector('[part~="allow"]'),
        );
        const placeholder = wrapper.querySelector('ma-consent-placeholder')!;
        await expect(placeholder).to.be.accessible();
        const allow = inside(placeholder, 'allow')!;
        const open = inside(placeholder, 'open')!;
        expect(allow.getBoundingClientRect().height).to.be.at.least(44);
        expect(open.getBoundingClientRect().height).to.be.at.least(24);
        allow.focus();
        await sendKeys({ press: 'Tab' });
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        expect(active).to.equal(open);
        // Back to the button, and Space allows.
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        await sendKeys({ press: ' ' });
        await until(() => wrapper.querySelector('iframe')!.hasAttribute('src'));
        await until(() => document.activeElement === wrapper.querySelector('iframe'));
        expectAbsent(wrapper.querySelector('ma-consent-placeholder'));
      });
    }
  }
});

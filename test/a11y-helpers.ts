/**
 * Helpers for the accessibility tests (test/a11y-*.test.ts): a page whose body starts with the
 * element, real keys, media emulation, and colour maths computed from the browser's own styles.
 */
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { MaCookieConsent } from '../src/ma-cookie-consent.js';
import { clearCookies, nextFrame } from './helpers.js';

export const SPACE = ' ';

const mounted: HTMLElement[] = [];

export interface MountOptions {
  /** Number of paragraphs, each with a link, after the element (a long page). */
  links?: number;
  /** Structured configuration (same shape as the JSON block). */
  config?: unknown;
  /** `lang` (and `dir`) of the page's `<html>` element while the test runs. */
  pageLang?: string;
  pageDir?: 'ltr' | 'rtl';
}

let savedRoot: { lang: string | null; dir: string | null } | null = null;

/**
 * Puts `<ma-cookie-consent>` as the first child of `<body>`, followed by a skip link and a page
 * with `links` links, as the contract asks sites to do. Returns once the element has rendered.
 */
export async function mount(
  attrs: Record<string, string | boolean> = {},
  options: MountOptions = {},
): Promise<MaCookieConsent> {
  if (options.pageLang !== undefined || options.pageDir !== undefined) {
    const html = document.documentElement;
    savedRoot ??= { lang: html.getAttribute('lang'), dir: html.getAttribute('dir') };
    if (options.pageLang !== undefined) html.setAttribute('lang', options.pageLang);
    if (options.pageDir !== undefined) html.setAttribute('dir', options.pageDir);
  }
  const el = document.createElement('ma-cookie-consent');
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (value !== false) el.setAttribute(name, value);
  }
  if (options.config !== undefined) el.config = options.config;

  const page = document.createElement('div');
  page.dataset.a11yPage = '';
  const skip = document.createElement('a');
  skip.href = '#a11y-main';
  skip.textContent = 'Aller au contenu';
  const main = document.createElement('main');
  main.id = 'a11y-main';
  const h1 = document.createElement('h1');
  h1.textContent = 'Démarches en ligne';
  main.append(h1);
  for (let i = 1; i <= (options.links ?? 2); i++) {
    const p = document.createElement('p');
    p.style.margin = '0 0 5rem';
    const a = document.createElement('a');
    a.href = `#lien-${i}`;
    a.className = 'page-link';
    a.textContent = `Lien ${i}`;
    p.append('Un paragraphe de la page, puis ', a, '.');
    main.append(p);
  }
  const open = document.createElement('a');
  open.href = '#';
  open.className = 'consent-open';
  open.setAttribute('data-consent-open', '');
  open.textContent = 'Gérer les cookies';
  main.append(open);
  page.append(skip, main);

  document.body.prepend(el, page);
  mounted.push(el, page);
  await el.updateComplete;
  await nextFrame();
  return el;
}

/** Removes what `mount` added and puts the page back as it was. */
export async function unmount(): Promise<void> {
  for (const node of mounted.splice(0)) {
    node.shadowRoot?.querySelectorAll('dialog').forEach((d) => d.open && d.close());
    node.remove();
  }
  if (savedRoot) {
    const html = document.documentElement;
    for (const name of ['lang', 'dir'] as const) {
      const value = savedRoot[name];
      if (value === null) html.removeAttribute(name);
      else html.setAttribute(name, value);
    }
    savedRoot = null;
  }
  document.documentElement.style.removeProperty('scroll-padding-bottom');
  window.scrollTo(0, 0);
  clearCookies();
}

/** Moves focus to the very top of the document, as on a fresh page load, before a first Tab. */
export function focusTopOfPage(): void {
  (document.activeElement as HTMLElement | null)?.blur();
  // Firefox starts sequential navigation from the selection when nothing is focused.
  window.getSelection()?.collapse(document.body, 0);
  // Focusing <body> makes it the starting point of sequential navigation: the next Tab goes to
  // the first focusable element of the page, exactly as after a page load.
  document.body.tabIndex = -1;
  document.body.focus();
  document.body.removeAttribute('tabindex');
  window.scrollTo(0, 0);
}

export const part = (el: MaCookieConsent, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const inBanner = (el: MaCookieConsent, name: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`.banner [part~="${name}"]`);
export const inDialog = (el: MaCookieConsent, name: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`dialog [part~="${name}"]`);
export const dialogOf = (el: MaCookieConsent) => el.shadowRoot!.querySelector('dialog')!;

/** The focused element, looking through shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Describes a node for failure messages (elements themselves are not passed to chai). */
export function describeNode(node: Element | null): string {
  if (!node) return 'nothing';
  const part = node.getAttribute('part');
  const text = (node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${node.localName}${part ? ` part="${part}"` : ''}${node.id ? ` id="${node.id}"` : ''}${node.className && typeof node.className === 'string' ? ` class="${node.className}"` : ''}>${text ? ` "${text}"` : ''}`;
}

/** Asserts where focus is, with readable messages. */
export function expectFocus(target: Element | null, context = ''): void {
  const now = deepActive();
  if (!target) throw new Error(`${context}: the expected focus target does not exist`);
  if (now !== target)
    throw new Error(
      `${context ? `${context}: ` : ''}focus is on ${describeNode(now)}, expected ${describeNode(target)}`,
    );
}

export async function tab(times = 1): Promise<Element | null> {
  for (let i = 0; i < times; i++) await sendKeys({ press: 'Tab' });
  return deepActive();
}

/** Presses Tab until `target` has focus; fails (rather than loops) after `max` presses. */
export async function tabTo(target: Element | null, max = 20): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    if (deepActive() === target) return;
    const now = await tab();
    seen.push(now ? now.localName + (now.getAttribute('part') ? `[${now.getAttribute('part')}]` : '') : 'null');
  }
  if (deepActive() !== target) throw new Error(`Tab never reached the target; focus went: ${seen.join(' → ')}`);
}

/** Shift+Tab as real key events: Shift held down around a Tab. */
export async function shiftTab(): Promise<Element | null> {
  await sendKeys({ down: 'Shift' });
  try {
    await sendKeys({ press: 'Tab' });
  } finally {
    await sendKeys({ up: 'Shift' });
  }
  return deepActive();
}

/** Presses a key and waits for the element to re-render. */
export async function press(el: MaCookieConsent, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
  await nextFrame();
}

export async function viewport(width: number, height: number): Promise<void> {
  await setViewport({ width, height });
  await nextFrame();
  await nextFrame();
}

/** The viewport the test runner starts with. */
export const resetViewport = () => viewport(800, 600);

// ---- states -----------------------------------------------------------------------------------

export type State = 'banner' | 'confirmation' | 'dialog' | 'manage';
export const STATES: State[] = ['banner', 'confirmation', 'dialog', 'manage'];

/** Brings a freshly mounted element into one of its four visible states. */
export async function enter(el: MaCookieConsent, state: State): Promise<HTMLElement> {
  if (state === 'confirmation') {
    inBanner(el, 'refuse')!.click();
    await el.updateComplete;
  } else if (state === 'dialog') {
    await el.showPreferences();
  } else if (state === 'manage') {
    const hide = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="hide"]');
    if (hide) hide.click();
    else if (!el.consent) el.refuseAll();
    await el.updateComplete;
  }
  await nextFrame();
  const node =
    state === 'banner'
      ? part(el, 'banner')
      : state === 'confirmation'
        ? part(el, 'confirmation')
        : state === 'dialog'
          ? dialogOf(el)
          : part(el, 'manage');
  if (!node) throw new Error(`state ${state} did not render`);
  return node;
}

/** Every element of the shadow root, including the dialog's content. */
export function allElements(el: MaCookieConsent): HTMLElement[] {
  return Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('*')).filter((n) => !(n instanceof HTMLStyleElement));
}

export function visible(node: Element): boolean {
  const r = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0';
}

/** Elements that hold text of their own (a non-blank text node child). */
export function textElements(el: MaCookieConsent): HTMLElement[] {
  return allElements(el).filter(
    (n) =>
      visible(n) && Array.from(n.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== ''),
  );
}

// ---- media emulation --------------------------------------------------------------------------

export interface Media {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
}

/**
 * Emulates media features through the `ma-a11y-media` command (test/a11y-media-plugin.mjs),
 * which speaks to Chromium's DevTools protocol. Returns false where the browser cannot emulate
 * media (Firefox over WebDriver BiDi); the caller then uses `simulateMedia`.
 */
export async function emulate(media: Media): Promise<boolean> {
  let emulated: boolean;
  try {
    const result = await executeServerCommand<{ emulated: boolean }, Media>('ma-a11y-media', media);
    emulated = result?.emulated === true;
  } catch {
    // The command is not registered: the stock command emulates all but forced colours.
    try {
      await emulateMedia({
        colorScheme: media.colorScheme ?? 'light',
        reducedMotion: media.reducedMotion ?? 'no-preference',
      });
      emulated = media.forcedColors !== 'active';
    } catch {
      emulated = false;
    }
  }
  await nextFrame();
  return emulated;
}

export const resetMedia = () => emulate({});

/**
 * Applies the rules of the component's own `@media (…)` blocks whose condition contains
 * `condition`, without the condition: the same CSS a browser would apply when the preference
 * is on. Used only where the browser cannot emulate the media feature itself.
 */
export function simulateMedia(el: MaCookieConsent, condition: string): () => void {
  const root = el.shadowRoot!;
  const rules: string[] = [];
  for (const sheet of root.adoptedStyleSheets) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSMediaRule && rule.conditionText.includes(condition)) {
        rules.push(...Array.from(rule.cssRules, (r) => r.cssText));
      }
    }
  }
  if (!rules.length) throw new Error(`no @media block mentions ${condition}`);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

// ---- colour -------------------------------------------------------------------------------------

type RGBA = [number, number, number, number];

let ctx: CanvasRenderingContext2D | null = null;

/** Any CSS colour the browser computes, as 0–255 RGB and 0–1 alpha (the canvas parses it). */
export function parseColor(value: string): RGBA {
  const m = value.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
  if (m) {
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
  }
  if (value === 'transparent') return [0, 0, 0, 0];
  ctx ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = value;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3] + bottom[3] * (1 - top[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
  return [mix(0), mix(1), mix(2), a];
}

function parentAcrossShadow(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The colour actually painted behind `node`: its own and its ancestors' backgrounds, composed. */
export function backgroundOf(node: Element): RGBA {
  const layers: RGBA[] = [];
  for (let n: Element | null = node; n; n = parentAcrossShadow(n)) {
    const bg = parseColor(getComputedStyle(n).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
    // A modal dialog sits in the top layer: what is behind it in the tree is not behind it on screen.
    if (n instanceof HTMLDialogElement) break;
  }
  let color: RGBA = parseColor(getComputedStyle(document.documentElement).backgroundColor);
  if (color[3] < 1) color = over(color, [255, 255, 255, 1]);
  for (const layer of layers.reverse()) color = over(layer, color);
  return color;
}

function luminance([r, g, b]: RGBA): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Contrast of a node's text colour against what is painted behind it. */
export function textContrast(node: Element): number {
  const bg = backgroundOf(node);
  return contrast(over(parseColor(getComputedStyle(node).color), bg), bg);
}

export const describe_ = (node: Element) => {
  const text = node.textContent?.trim().slice(0, 30) ?? '';
  return `<${node.localName}${node.getAttribute('part') ? ` part="${node.getAttribute('part')}"` : ''}${node.className ? ` class="${node.className}"` : ''}> "${text}"`;
};

/** The WCAG 1.4.12 text-spacing overrides (the usual bookmarklet), applied inside the shadow root. */
export const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`;

export function applyTextSpacing(el: MaCookieConsent): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(TEXT_SPACING);
  const root = el.shadowRoot!;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  // The page's own text too (the skip link and the page links), as a user style sheet would.
  const page = new CSSStyleSheet();
  page.replaceSync(TEXT_SPACING);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== page);
  };
}

/**
 * What is clipped: an element whose content overflows its box while it hides the overflow, or
 * a box that sticks out of the viewport sideways. Text that wraps is fine; text cut off is not.
 */
export function clipped(el: MaCookieConsent): string[] {
  const problems: string[] = [];
  const vw = document.documentElement.clientWidth;
  for (const node of allElements(el)) {
    if (!visible(node)) continue;
    const style = getComputedStyle(node);
    const r = node.getBoundingClientRect();
    // The switch's input is an invisible hit area laid over the drawn track: not text.
    if (node.matches('.switch input, .track')) continue;
    if (r.left < -0.5 || r.right > vw + 0.5)
      problems.push(
        `${describe_(node)} sticks out of the viewport (${Math.round(r.left)}…${Math.round(r.right)} of ${vw})`,
      );
    const hides = (v: string) => v !== 'visible';
    const scrolls = (v: string) => v === 'auto' || v === 'scroll';
    if (node.scrollWidth > node.clientWidth + 1 && hides(style.overflowX) && !scrolls(style.overflowX)) {
      problems.push(`${describe_(node)} cuts its content sideways (${node.scrollWidth} > ${node.clientWidth})`);
    }
    if (node.scrollHeight > node.clientHeight + 1 && hides(style.overflowY) && !scrolls(style.overflowY)) {
      problems.push(`${describe_(node)} cuts its content vertically (${node.scrollHeight} > ${node.clientHeight})`);
    }
    // Text that spills out of its own (non-clipping) box still collides with its neighbours.
    if (
      node.matches('button, label, legend, h2, p, a') &&
      node.scrollWidth > node.clientWidth + 1 &&
      node.clientWidth > 0
    ) {
      problems.push(`${describe_(node)} overflows its box sideways (${node.scrollWidth} > ${node.clientWidth})`);
    }
  }
  return problems;
}

export { sendKeys };

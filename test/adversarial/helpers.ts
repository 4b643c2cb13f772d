/**
 * Shared harness of the adversarial suite: pages built from test/fixtures/adversarial/page.html
 * with injected parts (see /__adv in test/server-plugin.mjs), loaded in frames, driven and
 * inspected from here. Every page loads the BUILT bundle (dist/ma-cookie-consent.min.js).
 */
import { expect } from '@open-wc/testing';
import { clearCookies, until, validRecord, wait } from '../helpers.js';

export { clearCookies, until, validRecord, wait };

export const PREFIX = '[ma-cookie-consent]';

export interface PageWindow extends Window {
  __runs: string[];
  __warnings: string[];
  __errors: string[];
  __changes: Array<{ categories: Record<string, boolean>; source: string }>;
  __pwned?: unknown;
  [name: string]: unknown;
}

export interface ConsentElement extends HTMLElement {
  consent: { categories: Record<string, boolean>; revision: string; timestamp: string; id: string } | null;
  isGranted(category: string): boolean;
  whenGranted(category: string): Promise<void>;
  acceptAll(): void;
  refuseAll(): void;
  setConsent(choices: Record<string, boolean>): void;
  showPreferences(): Promise<void>;
  reset(): void;
  config: unknown;
  updateComplete: Promise<unknown>;
}

/** The parts of a page (see the fixture's comment). */
export interface PageParts {
  /** The page's own code, run before the bundle. */
  before?: string;
  head?: string;
  /** Attributes of the bundle's script tag. */
  embed?: string;
  /** What opens <body>: by default the element with `categories="analytics video"`. */
  top?: string;
  body?: string;
  csp?: 'strict' | 'dynamic';
  /** Pause between the parts of a page holding <!--pause-->. */
  delay?: number;
  key?: string;
}

export const ELEMENT = (attrs = 'categories="analytics video"') => `<ma-cookie-consent ${attrs}></ma-cookie-consent>`;

/** Keys are unique per test and browser: both browsers share one server and its counters. */
export const newKey = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}`;

export const hits = async (key: string) =>
  ((await (await fetch(`/__hits?key=${encodeURIComponent(key)}`)).json()) as { count: number }).count;

/** Long enough for a request or a script to happen if anything were going to start one. */
export const settle = () => wait(300);

const frames: HTMLIFrameElement[] = [];

export function pageUrl(parts: PageParts = {}, fixture = 'page'): string {
  const params = new URLSearchParams();
  params.set('key', parts.key ?? 'none');
  params.set('top', parts.top ?? ELEMENT());
  for (const name of ['before', 'head', 'embed', 'body', 'csp'] as const) {
    const value = parts[name];
    if (value !== undefined) params.set(name, value);
  }
  if (parts.delay !== undefined) params.set('delay', String(parts.delay));
  return `/__adv/${fixture}.html?${params}`;
}

/** Opens a frame on a URL; with `component`, waits for the element to have rendered. */
export async function openUrl(url: string, { component = true, timeout = 5000 } = {}): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'inline-size: 900px; block-size: 600px';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = url;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  if (component) await ready(win, timeout);
  return win;
}

export async function ready(win: PageWindow, timeout = 5000): Promise<PageWindow> {
  await until(() => !!consentElement(win)?.shadowRoot, timeout);
  await consentElement(win)!.updateComplete;
  return win;
}

export const openPage = (parts: PageParts = {}, options?: { component?: boolean; timeout?: number }) =>
  openUrl(pageUrl(parts), options);

/** The page's element, found without trusting the page's own `document.querySelector`. */
export function consentElement(win: Window): ConsentElement | null {
  return Document.prototype.querySelector.call(win.document, 'ma-cookie-consent') as ConsentElement | null;
}

export function element(win: Window): ConsentElement {
  const el = consentElement(win);
  expect(!!el, '<ma-cookie-consent> in the page').to.equal(true);
  return el!;
}

export const part = (win: Window, name: string) =>
  element(win).shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

export const banner = (win: Window) => part(win, 'banner');

export function clickPart(win: Window, name: string, where = ''): void {
  const button = element(win).shadowRoot!.querySelector<HTMLElement>(`${where} [part~="${name}"]`.trim());
  expect(!!button, `button part="${name}"`).to.equal(true);
  button!.click();
}

/** Warnings of the component (prefixed), as the page saw them. */
export const warnings = (win: PageWindow) => win.__warnings.filter((m) => m.startsWith(PREFIX));

/** Nothing thrown into the page: no uncaught error, no unhandled rejection. */
export function expectNoErrors(win: PageWindow): void {
  expect(win.__errors, 'uncaught errors in the page').to.deep.equal([]);
}

/** A stored choice, visible to every page of this origin (path /). */
export function storeChoice(categories: Record<string, boolean>, overrides: Record<string, unknown> = {}): void {
  const value = encodeURIComponent(JSON.stringify(validRecord({ categories, ...overrides })));
  document.cookie = `ma_cookie_consent=${value}; path=/`;
}

/** A gated inline script that records `name` when it runs. */
export const gatedInline = (name: string, category = 'analytics', nonce = true) =>
  `<script type="text/plain" data-consent="${category}"${nonce ? ' nonce="{{nonce}}"' : ''}>window.__runs.push(${JSON.stringify(name)});</script>`;

/** A gated external script counted by the server as `<key>` (and recorded as `<key>` when run). */
export const gatedExternal = (key: string, category = 'analytics', extra = '', nonce = true) =>
  `<script type="text/plain" data-consent="${category}" src="/__hits/${key}.js"${nonce ? ' nonce="{{nonce}}"' : ''} ${extra}></script>`;

/** Another host name for this same server: a host no page author wrote. */
export const otherOrigin = () => `${location.protocol}//127.0.0.1:${location.port}`;

/** URLs this page fetched, from its resource timing entries. */
export const fetched = (win: Window) =>
  (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name);

function clearFrameCookies(win: Window | null | undefined): void {
  if (!win) return;
  try {
    for (const pair of win.document.cookie.split('; ')) {
      const name = pair.split('=')[0];
      if (!name) continue;
      for (const path of ['/', '/__adv', '/__adv/']) win.document.cookie = `${name}=; max-age=0; path=${path}`;
    }
  } catch {
    // a frame whose cookie jar is clobbered or throws: the test page clears / below
  }
}

export function cleanUp(): void {
  for (const frame of frames.splice(0)) {
    try {
      clearFrameCookies(frame.contentWindow);
    } catch {
      // another origin
    }
    frame.remove();
  }
  clearCookies();
}

/** Waits until `check` holds, then a little more, so that anything that would follow has happened. */
export async function untilSettled(check: () => boolean, timeout = 6000): Promise<void> {
  await until(check, timeout);
  await settle();
}

/** Waits until the server has counted `count` requests for `key` (and says how many it saw). */
export async function untilHits(key: string, count: number, timeout = 5000): Promise<void> {
  const start = performance.now();
  while ((await hits(key)) < count && performance.now() - start < timeout) await wait(50);
  expect(await hits(key), `requests for ${key}`).to.equal(count);
}

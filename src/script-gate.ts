/**
 * Gated markup (CONTRACT §5): scripts, iframes and templates that wait for a consent category,
 * and the clean-up of cookies when a category is withdrawn. Knows nothing about Lit: it is
 * told what is granted and keeps the page's promise that nothing runs before that.
 */
import Cookies from 'js-cookie';
import { warn } from './log.js';

export interface GateOptions {
  isGranted(category: string): boolean;
  isOffered(category: string): boolean;
}

const SELECTOR = '[data-consent]';

// Page-wide, not per gate: an element removed and added again, or a second component on the
// page, must never run a script twice.
const activated = new WeakSet<Element>();
const warnedAbout = new WeakSet<Element>();

interface TrustedTypePolicyLike {
  createScript(input: string): unknown;
  createScriptURL(input: string): unknown;
}
let policy: TrustedTypePolicyLike | null | undefined;

/**
 * Where the page enforces Trusted Types, assigning script text or a script URL needs a policy.
 * Ours passes values through unchanged: they come from the page's own markup, which the page
 * already trusted when it served it.
 */
function trustedTypesPolicy(): TrustedTypePolicyLike | null {
  if (policy !== undefined) return policy;
  policy = null;
  const factory = (
    globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypePolicyLike } }
  ).trustedTypes;
  if (factory) {
    try {
      policy = factory.createPolicy('ma-cookie-consent', {
        createScript: (s: string) => s,
        createScriptURL: (s: string) => s,
      });
    } catch {
      warn(
        'The page\'s "trusted-types" directive does not allow a policy named "ma-cookie-consent"; gated scripts may be blocked.',
      );
    }
  }
  return policy;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** By tag name, not `instanceof`: a gated element may come from another realm (an iframe's). */
function kind(el: Element): 'script' | 'iframe' | 'template' | null {
  if (el.namespaceURI !== HTML_NS) return null;
  const name = el.localName;
  return name === 'script' || name === 'iframe' || name === 'template' ? name : null;
}

function isTextPlainScript(el: Element): boolean {
  return kind(el) === 'script' && (el.getAttribute('type') ?? '').trim().toLowerCase() === 'text/plain';
}

/** What a browser would run: no type, a JavaScript MIME type, or `module`. */
function isExecutableScript(el: Element): boolean {
  const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
  return (
    type === '' ||
    type === 'module' ||
    /^(?:text|application)\/(?:x-)?(?:java|ecma|j|live)script(?:1\.[0-5])?$/.test(type)
  );
}

function categoryOf(el: Element): string {
  return (el.getAttribute('data-consent') ?? '').trim();
}

/**
 * While the page is still being parsed, the last element the parser inserted may be
 * incomplete: an inline script or a template whose text has not all arrived. An element is
 * complete once something follows it in the document, or once parsing has ended.
 */
function parsed(el: Element): boolean {
  if (el.ownerDocument.readyState !== 'loading') return true;
  for (let node: Node | null = el; node && node !== el.ownerDocument; node = node.parentNode) {
    if (node.nextSibling) return true;
  }
  return false;
}

/** Set by the script-tag entry when its own tag carries a nonce (see `requireNonce`). */
let pageNonce = '';

/**
 * On a page that uses CSP nonces, only gated scripts carrying the page's nonce may run. Without
 * this, markup injected into the page (`<script type="text/plain" data-consent>…`) would be run
 * by us, with our trust, under `'strict-dynamic'`: a way around the page's policy.
 */
export function requireNonce(nonce: string): void {
  pageNonce = nonce;
}

function carriesPageNonce(script: HTMLScriptElement, where: string): boolean {
  if (!pageNonce || (script.nonce || script.getAttribute('nonce') || '') === pageNonce) return true;
  const what = script.getAttribute('src') ?? `${script.text.trim().slice(0, 40)}…`;
  warn(
    `A gated script ${where}without the page's nonce was not run: "${what}". Give it nonce="…" like the page's other scripts.`,
  );
  return false;
}

export class ScriptGate {
  private observer: MutationObserver | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** Updates started and not yet finished (the one running and those queued behind it). */
  private running = 0;
  private readonly unknownCategories = new Set<string>();
  /** An element was left for the parser to finish: look again at the next change. */
  private waitingForParser = false;

  constructor(
    private readonly doc: Document,
    private readonly options: GateOptions,
  ) {}

  /** Checks the markup already there, watches for more, and activates what is granted. */
  start(): Promise<void> {
    this.inspect(this.doc.querySelectorAll(SELECTOR));
    this.observer = new MutationObserver((records) => {
      const found: Element[] = [];
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== Node.ELEMENT_NODE) continue;
          const el = node as Element;
          if (el.matches(SELECTOR)) found.push(el);
          found.push(...el.querySelectorAll(SELECTOR));
        }
      }
      if (found.length) this.inspect(found);
      if (found.length || this.waitingForParser) void this.update();
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
    if (this.doc.readyState === 'loading') {
      this.doc.addEventListener('DOMContentLoaded', () => void this.update(), { once: true });
    }
    return this.update();
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /**
   * Activates every waiting element whose category is granted, in document order. Calls are
   * queued, so a second decision never overtakes a script that is still loading.
   */
  update(): Promise<void> {
    // When nothing is in progress, start now rather than in a later microtask: a click on
    // "accept" then inserts the gated scripts before the component re-renders.
    const run = () => this.activateGranted().finally(() => this.running--);
    this.queue = this.running++ === 0 ? run() : this.queue.then(run, run);
    return this.queue;
  }

  private async activateGranted(): Promise<void> {
    this.waitingForParser = false;
    for (const el of Array.from(this.doc.querySelectorAll(SELECTOR))) {
      if (activated.has(el) || !el.isConnected) continue;
      const type = kind(el);
      if (!type || (type === 'script' && !isTextPlainScript(el))) continue;
      if (!this.options.isGranted(categoryOf(el))) continue;
      if (type !== 'iframe' && !parsed(el)) {
        // Everything after it in the document is still to come: stop here, in order.
        this.waitingForParser = true;
        return;
      }
      activated.add(el);
      try {
        if (type === 'script') await this.activateScript(el as HTMLScriptElement);
        else if (type === 'iframe') this.activateFrame(el as HTMLIFrameElement);
        else this.activateTemplate(el as HTMLTemplateElement);
      } catch (error) {
        // One element that cannot be activated (a page's Trusted Types rules, say) must not
        // stop the ones after it, nor throw into the page.
        warn(`A gated <${el.localName} data-consent="${categoryOf(el)}"> could not be activated.`, error);
      }
    }
  }

  private activateFrame(frame: HTMLIFrameElement): void {
    const src = frame.getAttribute('data-src');
    if (src) frame.setAttribute('src', src);
  }

  /**
   * Puts the template's content in its place. Its scripts are replaced by copies made like
   * those of gated scripts: a script the browser copied itself would be refused where the page
   * enforces Trusted Types, since its text did not come through a policy.
   */
  private activateTemplate(template: HTMLTemplateElement): void {
    const content = this.doc.importNode(template.content, true);
    for (const script of Array.from(content.querySelectorAll('script'))) {
      if (!carriesPageNonce(script, 'in a <template> ')) script.remove();
      else if (isExecutableScript(script))
        script.replaceWith(this.liveCopy(script, script.getAttribute('type'), false));
    }
    template.replaceWith(content);
  }

  /** Replaces a gated script by a live copy; resolves when the page may run the next one. */
  private activateScript(original: HTMLScriptElement): Promise<void> {
    if (!carriesPageNonce(original, '')) return Promise.resolve();
    const script = this.liveCopy(original, original.getAttribute('data-type'), true);
    // A browser runs the classic scripts it parses one after the other, each external one once
    // loaded; a script inserted by code does not wait for anything, so the wait is ours. Only
    // an external script announces it has run (`load`, or `error`): an inline one runs as it is
    // inserted (an inline module, after its imports, without any event to wait for).
    const done =
      original.hasAttribute('src') && !original.hasAttribute('async')
        ? new Promise<void>((resolve) => {
            script.addEventListener('load', () => resolve(), { once: true });
            script.addEventListener('error', () => resolve(), { once: true });
          })
        : Promise.resolve();
    original.replaceWith(script);
    return done;
  }

  /**
   * An executable script with the original's attributes, nonce and code, of the given type
   * (none: classic). A gated original's own markers (`data-consent`, `data-type`) stay behind.
   */
  private liveCopy(original: HTMLScriptElement, type: string | null, gated: boolean): HTMLScriptElement {
    const script = this.doc.createElement('script');
    const tt = trustedTypesPolicy();
    for (const { name, value } of Array.from(original.attributes)) {
      if (name === 'type' || (gated && (name === 'data-consent' || name === 'data-type'))) continue;
      if (name === 'src') script.src = (tt ? tt.createScriptURL(value) : value) as string;
      else script.setAttribute(name, value);
    }
    if (type) script.setAttribute('type', type);
    // Once parsed, a nonce is only readable as a property (the attribute reads empty).
    if (original.nonce) script.nonce = original.nonce;
    // Inserted by code, a script is async unless told otherwise; without `async` it keeps its
    // place among the others.
    script.async = original.hasAttribute('async');
    if (!original.hasAttribute('src')) script.text = (tt ? tt.createScript(original.text) : original.text) as string;
    return script;
  }

  /** Tells the page author about gated markup that cannot work as written. */
  private inspect(elements: Iterable<Element>): void {
    for (const el of elements) {
      if (warnedAbout.has(el) || activated.has(el)) continue;
      const category = categoryOf(el);
      const type = kind(el);
      if (type === 'script' && !isTextPlainScript(el)) {
        warnedAbout.add(el);
        const src = el.getAttribute('src');
        const what = src !== null ? `src="${src}"` : `"${(el.textContent ?? '').trim().slice(0, 40)}…"`;
        warn(
          `A <script data-consent="${category}"> without type="text/plain" has already run, before any consent: ${what}. Add type="text/plain".`,
        );
        continue;
      }
      if (type === 'iframe' && el.hasAttribute('src')) {
        warnedAbout.add(el);
        warn(
          `An <iframe data-consent="${category}"> has a src attribute, so it loaded before any consent: src="${el.getAttribute('src')}". Rename src to data-src.`,
        );
        continue;
      }
      if (type === 'iframe' && !el.hasAttribute('data-src')) {
        warnedAbout.add(el);
        warn(`An <iframe data-consent="${category}"> has no data-src: there is nothing to load on consent.`);
      } else if (!type) {
        warnedAbout.add(el);
        warn(
          `data-consent works on <script type="text/plain">, <iframe data-src> and <template>; this <${el.localName}> is ignored.`,
        );
        continue;
      }
      if (category !== 'necessary' && !this.options.isOffered(category) && !this.unknownCategories.has(category)) {
        this.unknownCategories.add(category);
        warn(
          `data-consent="${category}" names a category that is not offered (see the "categories" attribute); it will never run.`,
        );
      }
    }
  }
}

/** Cookies the usual analytics tools set, deleted when "analytics" is withdrawn. */
export const ANALYTICS_COOKIES = ['_ga', '_ga_*', '_gid', '_gat*', '_pk_*', 'mtm_*', 'MATOMO_*'];

/**
 * The `Domain` values a cookie of this page may have been set with: none (host-only), the host
 * and each parent domain. Public suffixes (like `.gov.ma`) are included: the browser never
 * accepts them, so deleting there is harmless, and it spares us shipping a suffix list.
 */
export function cookieDomains(hostname: string): Array<string | undefined> {
  const domains: Array<string | undefined> = [undefined];
  if (!hostname || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return domains;
  const labels = hostname.split('.');
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** `/` and every prefix of the current path, with and without a trailing slash. */
export function cookiePaths(pathname: string): string[] {
  const paths = new Set(['/']);
  let prefix = '';
  for (const segment of pathname.split('/').filter(Boolean)) {
    prefix += `/${segment}`;
    paths.add(prefix);
    paths.add(`${prefix}/`);
  }
  return [...paths];
}

export function matchesCookiePattern(name: string, pattern: string): boolean {
  if (!pattern.includes('*')) return name === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

export interface ClearOptions {
  /** Names never deleted, whatever the patterns say (the consent cookie itself). */
  keep?: readonly string[];
  /** Where the page is; the current location unless a test says otherwise. */
  where?: Pick<Location, 'hostname' | 'pathname' | 'protocol'>;
}

/**
 * Deletes every cookie visible to the page whose name matches a pattern, on every domain and
 * path it may have been set with. Returns the names it deleted. (HttpOnly cookies are out of
 * reach of any script; the server that set them must expire them.)
 */
export function clearCookies(
  patterns: readonly string[],
  { keep = [], where = location }: ClearOptions = {},
): string[] {
  let names: string[];
  try {
    names = Object.keys(Cookies.get());
  } catch {
    return [];
  }
  const doomed = names.filter(
    (name) => !keep.includes(name) && patterns.some((pattern) => matchesCookiePattern(name, pattern)),
  );
  const domains = cookieDomains(where.hostname);
  const paths = cookiePaths(where.pathname);
  // A `__Secure-` or `__Host-` cookie is only accepted, and so only deleted, by a Secure write
  // (which an https page may make for any cookie); on http there are none to reach.
  const secure = where.protocol === 'https:';
  for (const name of doomed) {
    for (const domain of domains) {
      for (const path of paths) {
        try {
          Cookies.remove(name, { path, ...(domain ? { domain } : {}), ...(secure ? { secure } : {}) });
        } catch {
          // a jar that refuses writes (sandboxed frame): nothing more can be done from here
        }
      }
    }
  }
  return doomed;
}

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
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypePolicyLike } })
    .trustedTypes;
  if (factory) {
    try {
      policy = factory.createPolicy('ma-cookie-consent', {
        createScript: (s: string) => s,
        createScriptURL: (s: string) => s,
      });
    } catch {
      warn('The page\'s "trusted-types" directive does not allow a policy named "ma-cookie-consent"; gated scripts may be blocked.');
    }
  }
  return policy;
}

function isTextPlainScript(el: Element): boolean {
  return el instanceof HTMLScriptElement && (el.getAttribute('type') ?? '').trim().toLowerCase() === 'text/plain';
}

export class ScriptGate {
  private observer: MutationObserver | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly unknownCategories = new Set<string>();

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
          if (!(node instanceof Element)) continue;
          if (node.matches(SELECTOR)) found.push(node);
          found.push(...node.querySelectorAll(SELECTOR));
        }
      }
      if (found.length) {
        this.inspect(found);
        void this.update();
      }
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
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
    this.queue = this.queue.then(() => this.activateGranted());
    return this.queue;
  }

  private async activateGranted(): Promise<void> {
    for (const el of Array.from(this.doc.querySelectorAll(SELECTOR))) {
      if (activated.has(el) || !el.isConnected) continue;
      const category = (el.getAttribute('data-consent') ?? '').trim();
      if (!this.options.isGranted(category)) continue;
      if (isTextPlainScript(el)) {
        activated.add(el);
        await this.activateScript(el as HTMLScriptElement);
      } else if (el instanceof HTMLIFrameElement) {
        activated.add(el);
        const src = el.getAttribute('data-src');
        if (src) el.setAttribute('src', src);
      } else if (el instanceof HTMLTemplateElement) {
        activated.add(el);
        el.replaceWith(el.content.cloneNode(true));
      }
    }
  }

  /** Replaces a gated script by a live copy; resolves when the page may run the next one. */
  private activateScript(original: HTMLScriptElement): Promise<void> {
    const script = this.doc.createElement('script');
    const tt = trustedTypesPolicy();
    for (const { name, value } of Array.from(original.attributes)) {
      if (name === 'type' || name === 'data-consent') continue;
      if (name === 'data-type') script.setAttribute('type', value);
      else if (name === 'src') script.src = (tt ? tt.createScriptURL(value) : value) as string;
      else script.setAttribute(name, value);
    }
    // Once parsed, a nonce is only readable as a property (the attribute reads empty).
    if (original.nonce) script.nonce = original.nonce;
    const external = original.hasAttribute('src');
    const waits = external && !original.hasAttribute('async');
    // Dynamically inserted scripts are async by default; the chain below keeps the order.
    script.async = original.hasAttribute('async');
    if (!external) script.text = (tt ? tt.createScript(original.text) : original.text) as string;
    const done = waits
      ? new Promise<void>((resolve) => {
          script.addEventListener('load', () => resolve(), { once: true });
          script.addEventListener('error', () => resolve(), { once: true });
        })
      : Promise.resolve();
    original.replaceWith(script);
    return done;
  }

  /** Tells the page author about gated markup that cannot work as written. */
  private inspect(elements: Iterable<Element>): void {
    for (const el of elements) {
      if (warnedAbout.has(el) || activated.has(el)) continue;
      const category = (el.getAttribute('data-consent') ?? '').trim();
      if (el instanceof HTMLScriptElement && !isTextPlainScript(el)) {
        warnedAbout.add(el);
        const what = el.src ? `src="${el.getAttribute('src')}"` : `"${el.text.trim().slice(0, 40)}…"`;
        warn(`A <script data-consent="${category}"> without type="text/plain" has already run, before any consent: ${what}. Add type="text/plain".`);
      } else if (!(isTextPlainScript(el) || el instanceof HTMLIFrameElement || el instanceof HTMLTemplateElement)) {
        warnedAbout.add(el);
        warn(`data-consent works on <script type="text/plain">, <iframe data-src> and <template>; this <${el.localName}> is ignored.`);
      } else if (category !== 'necessary' && !this.options.isOffered(category) && !this.unknownCategories.has(category)) {
        this.unknownCategories.add(category);
        warn(`data-consent="${category}" names a category that is not offered (see the "categories" attribute); it will never run.`);
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
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(name);
}

/**
 * Deletes every cookie visible to the page whose name matches a pattern, on every domain and
 * path it may have been set with. Returns the names it deleted. (HttpOnly cookies are out of
 * reach of any script; the server that set them must expire them.)
 */
export function clearCookies(patterns: readonly string[], where: Location = location): string[] {
  let names: string[];
  try {
    names = Object.keys(Cookies.get());
  } catch {
    return [];
  }
  const doomed = names.filter((name) => patterns.some((pattern) => matchesCookiePattern(name, pattern)));
  const domains = cookieDomains(where.hostname);
  const paths = cookiePaths(where.pathname);
  for (const name of doomed) {
    for (const domain of domains) {
      for (const path of paths) Cookies.remove(name, domain ? { domain, path } : { path });
    }
  }
  return doomed;
}

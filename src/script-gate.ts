/**
 * Gated markup (docs/api.md "Gating"): scripts, iframes and templates that wait for a consent
 * category. Knows nothing about Lit or about the choice itself: it is told what is granted, and
 * keeps the page's promises — nothing runs before consent, each script runs once, in document
 * order — against careless pages as well as careful ones (docs/security.md).
 */
import { all, create, parsing, root } from './dom.js';
import { quote, warn } from './warn.js';

export interface GateHooks {
  isGranted(category: string): boolean;
  isOffered(category: string): boolean;
  /** A gated iframe waits for consent: on sight, and again after its category is withdrawn. */
  blocked?(frame: HTMLIFrameElement): void;
  /** A gated iframe was just given its `src`. */
  loaded?(frame: HTMLIFrameElement): void;
}

const SELECTOR = '[data-consent]';
/** A script that has neither loaded nor failed after this long no longer holds the queue. */
export const SCRIPT_TIMEOUT_MS = 10000;

// Page-wide, not per gate: an element removed and added again, a live copy marked as gated
// again by a DOM morph, or a second gate must never run a script twice.
const activated = new WeakSet<Element>();
/**
 * What has run, by content: a gated script or template that a DOM morph (or a careless page)
 * re-creates from the same markup is the same script, and runs once per page. (The browser
 * itself never runs a script that `innerHTML` or a clone of a run script puts back.)
 */
const ran = new Set<string>();
const inspected = new WeakSet<Element>();
/** Gated iframes given their `src`, page-wide (a gate that replaced another can take it back). */
const frames = new Set<HTMLIFrameElement>();
/** URLs as they resolved when the element was first seen: a `<base>` added later cannot move them. */
const urls = new WeakMap<Element, string>();

interface TrustedTypePolicyLike {
  createScript(input: string): unknown;
  createScriptURL(input: string): unknown;
}
let policy: TrustedTypePolicyLike | null | undefined;

/**
 * Where the page enforces Trusted Types, assigning script text or a script URL needs a policy.
 * Ours passes values through unchanged: they come from the page's own markup, which the page
 * already trusted when it served it (and the nonce rule keeps injected markup out).
 */
function trustedTypes(): TrustedTypePolicyLike | null {
  if (policy === undefined) {
    policy = null;
    const factory = (
      globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypePolicyLike } }
    ).trustedTypes;
    try {
      policy = factory?.createPolicy('ma-cookie-consent', { createScript: String, createScriptURL: String }) ?? null;
    } catch {
      warn('trusted-types', '"ma-cookie-consent"');
    }
  }
  return policy;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const attr = (el: Element, name: string) => (el.getAttribute(name) ?? '').trim();
const lower = (el: Element, name: string) => attr(el, name).toLowerCase();
export const categoryOf = (el: Element) => attr(el, 'data-consent');

/** By tag name, not `instanceof`: a gated element may come from another realm (an iframe's). */
function kind(el: Element): 'script' | 'iframe' | 'template' | null {
  const name = el.localName;
  return el.namespaceURI === HTML_NS && (name === 'script' || name === 'iframe' || name === 'template') ? name : null;
}

const JS_TYPE =
  /^(?:(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/;

/**
 * Whether a browser runs a script with this `type` and these attributes (HTML "prepare the
 * script element"): a JavaScript MIME type or `module`, no `nomodule` on a module-capable
 * browser, no legacy `language` naming another language, and no `for`/`event` pair other than
 * window's onload. A script that will never run must never be waited for.
 */
function runnable(type: string, el: Element): boolean {
  if (el.namespaceURI !== HTML_NS) return false;
  const language = lower(el, 'language');
  const effective = type || (language ? `text/${language}` : 'text/javascript');
  const module = effective === 'module';
  if (!module && !JS_TYPE.test(effective)) return false;
  if (!module && el.hasAttribute('nomodule')) return false;
  if (el.hasAttribute('for') && el.hasAttribute('event')) {
    return lower(el, 'for') === 'window' && /^onload(?:\(\))?$/.test(lower(el, 'event'));
  }
  return true;
}

/** False when the same gated content has already run on this page; remembers it otherwise. */
function once(el: Element, content: string): boolean {
  const signature = `${el.localName}\n${categoryOf(el)}\n${attr(el, 'data-type')}\n${content}`;
  if (!ran.has(signature)) return !!ran.add(signature);
  warn('same-content', `<${el.localName} data-consent=${quote(categoryOf(el))}>`);
  return false;
}

/** The URL a gated element loads, as resolved when the gate first saw it (null: none it may load). */
export const gatedUrl = (el: Element): string | null => urls.get(el) ?? null;

/** On a page that uses CSP nonces, only gated scripts carrying the page's nonce may run. */
let pageNonce = '';

/**
 * Set by the script-tag entry when its own tag carries a nonce. Without this rule, markup
 * injected into the page (`<script type="text/plain" data-consent>…`) would be run by us, with
 * our trust, under `'strict-dynamic'`: a way around the page's policy.
 */
export const requireNonce = (nonce: string) => (pageNonce = nonce);

function carriesNonce(el: Element): boolean {
  if (!pageNonce || (el as HTMLElement).nonce === pageNonce) return true;
  warn('nonce', `<${el.localName}> ${quote(attr(el, 'src') || el.textContent)}`);
  return false;
}

/** A URL a gated element may load: http(s) only, resolved against the page as first seen. */
function safeUrl(value: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, document.baseURI);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Activation passes, page-wide like what they activate: a gate that takes over from another
 * (its element moved in the page) waits behind the pass still waiting for a script to load.
 */
let queue: Promise<void> = Promise.resolve();
/** Passes started and not yet finished (the one running and those queued behind it). */
let running = 0;

export class ScriptGate {
  readonly #hooks: GateHooks;
  #observer: MutationObserver | null = null;
  #stopped = false;
  readonly #unknown = new Set<string>();

  constructor(hooks: GateHooks) {
    this.#hooks = hooks;
  }

  /** Checks the markup already there, watches for more, and activates what is granted. */
  start(): Promise<void> {
    this.#inspect(all(SELECTOR));
    if (parsing()) {
      // While the page is parsed, a MutationObserver on the document would run for every node
      // the parser inserts. A look before each frame is painted finds the new gated elements
      // just as early for what the visitor sees (a placeholder takes its iframe's place before
      // the first paint), and the end of parsing catches the rest.
      const look = () => {
        if (!this.#stopped && parsing()) {
          this.#found(all(SELECTOR).filter((el) => !inspected.has(el)));
          requestAnimationFrame(look);
        }
      };
      requestAnimationFrame(look);
      // Parsed: what came since the last look, and the inline scripts and templates held back.
      const parsed = () => {
        if (this.#stopped) return;
        this.#inspect(all(SELECTOR).filter((el) => !inspected.has(el)));
        this.#watch();
        void this.update();
      };
      addEventListener('DOMContentLoaded', parsed, { once: true });
    } else this.#watch();
    return this.update();
  }

  /** After parsing: elements added later are seen as they come. */
  #watch(): void {
    if (this.#stopped) return;
    this.#observer = new MutationObserver((records) => {
      const found: Element[] = [];
      for (const record of records)
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          const el = node as Element;
          if (el.hasAttribute('data-consent')) found.push(el);
          if (el.firstElementChild) found.push(...el.querySelectorAll(SELECTOR));
        }
      this.#found(found);
    });
    this.#observer.observe(root(), { childList: true, subtree: true });
  }

  #found(elements: Element[]): void {
    if (!elements.length) return;
    this.#inspect(elements);
    void this.update();
  }

  stop(): void {
    this.#stopped = true;
    this.#observer?.disconnect();
    this.#observer = null;
  }

  /**
   * Activates every waiting element whose category is granted, in document order. Calls are
   * queued, so a second decision never overtakes a script that is still loading.
   */
  update(): Promise<void> {
    // When nothing is in progress, start now rather than in a later microtask: a click on
    // "accept" then inserts the gated scripts before the component re-renders.
    const run = () => this.#activateGranted().finally(() => running--);
    return (queue = running++ ? queue.then(run, run) : run());
  }

  /** A category was withdrawn: its iframes are unloaded and wait again (scripts cannot be undone). */
  withdraw(category: string): void {
    for (const frame of frames) {
      if (!frame.isConnected) frames.delete(frame);
      if (categoryOf(frame) !== category) continue;
      frames.delete(frame);
      activated.delete(frame);
      frame.removeAttribute('src');
      this.#hooks.blocked?.(frame);
    }
  }

  async #activateGranted(): Promise<void> {
    for (const el of all(SELECTOR)) {
      // A gate that was stopped (its element removed) leaves the rest to the next one.
      if (this.#stopped) return;
      // Added and granted in the same task (before the next look): seen now, URL recorded.
      if (!inspected.has(el)) this.#inspect([el]);
      const type = kind(el);
      if (activated.has(el) || !el.isConnected || !type || !this.#hooks.isGranted(categoryOf(el))) continue;
      if (type === 'script' && lower(el, 'type') !== 'text/plain') continue;
      // While the page is parsed, an inline script's text or a template's content may still be
      // arriving, and nothing in the tree can prove it has all arrived (a node after it may have
      // been put there by another script, or by foster parenting). Everything after it waits.
      if (parsing() && (type === 'template' || !el.hasAttribute('src'))) return;
      activated.add(el);
      try {
        if (type === 'iframe') this.#loadFrame(el as HTMLIFrameElement);
        else if (type === 'script') await this.#runGated(el as HTMLScriptElement);
        else await this.#insertTemplate(el as HTMLTemplateElement);
      } catch (error) {
        // One element that cannot be activated (the page's Trusted Types rules, say) must not
        // stop the ones after it, nor throw into the page.
        warn('activation', `<${el.localName} data-consent=${quote(categoryOf(el))}>`, error);
      }
    }
  }

  #loadFrame(frame: HTMLIFrameElement): void {
    const src = urls.get(frame);
    if (!src) return;
    // A srcdoc (reported: it showed before any consent) would win over the src.
    frame.removeAttribute('srcdoc');
    frame.src = src;
    frames.add(frame);
    this.#hooks.loaded?.(frame);
  }

  /** Replaces a gated script by a live copy; resolves when the page may run the next one. */
  #runGated(original: HTMLScriptElement): Promise<void> {
    if (!carriesNonce(original) || !once(original, urls.get(original) ?? original.text)) return Promise.resolve();
    const copy = this.#liveCopy(original, attr(original, 'data-type'), true);
    original.replaceWith(copy);
    return this.#finished(copy, original);
  }

  /**
   * A browser runs the classic scripts it parses one after the other, each external one once
   * loaded; a script inserted by code waits for nothing, so the wait is ours. Only an external
   * script that will run announces it (`load` or `error`); an inline one runs as it is inserted.
   */
  #finished(copy: HTMLScriptElement, original: Element): Promise<void> {
    if (!copy.src || original.hasAttribute('async') || !runnable(attr(copy, 'type'), copy)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        warn('script-timeout', quote(copy.src));
        resolve();
      }, SCRIPT_TIMEOUT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      copy.addEventListener('load', done, { once: true });
      copy.addEventListener('error', done, { once: true });
    });
  }

  /**
   * Puts the template's content in its place. Where the page uses nonces, the template must
   * carry the page's nonce too: its content may hold scripts no query can see (inside a
   * declarative shadow root) that the browser would run with our trust. Its scripts keep the
   * rules of gated scripts: the nonce, live copies made through our policy (a script the
   * browser copied itself would be refused under Trusted Types), and document order — an
   * external one has loaded before the next one runs. A `<base>` never leaves a template, and
   * scripts of other namespaces (`<svg><script>`) never run from one.
   */
  async #insertTemplate(template: HTMLTemplateElement): Promise<void> {
    if (!carriesNonce(template) || !once(template, template.innerHTML)) return;
    const content = document.importNode(template.content, true);
    // Each runnable script waits for its turn behind a mark: a script element inserted with
    // text that did not come through a policy is a Trusted Types violation, even inert.
    const queue: Array<[Comment, HTMLScriptElement]> = [];
    for (const el of Array.from(content.querySelectorAll('script, base'))) {
      const type = attr(el, 'type');
      if (el.localName === 'base' || el.namespaceURI !== HTML_NS) {
        warn('element', `<${el.localName}> in <template data-consent=${quote(categoryOf(template))}>`);
        el.remove();
      } else if (!carriesNonce(el)) el.remove();
      else if (runnable(type, el)) {
        const mark = document.createComment('');
        queue.push([mark, this.#liveCopy(el as HTMLScriptElement, type, false)]);
        el.replaceWith(mark);
      }
    }
    const category = categoryOf(template);
    template.replaceWith(content);
    for (const [mark, copy] of queue) {
      // Consent withdrawn while an earlier script loaded: the rest of the template waits no more.
      if (this.#stopped || !this.#hooks.isGranted(category)) break;
      if (!mark.isConnected) continue;
      mark.replaceWith(copy);
      await this.#finished(copy, copy);
    }
  }

  /**
   * An executable script with the original's attributes, nonce and code, of the given type
   * (none: classic). A gated original's own markers (`data-consent`, `data-type`) stay behind.
   */
  #liveCopy(original: HTMLScriptElement, type: string, gated: boolean): HTMLScriptElement {
    const script = create('script');
    const tt = trustedTypes();
    for (const { name, value } of Array.from(original.attributes)) {
      if (name === 'type' || name === 'src' || (gated && (name === 'data-consent' || name === 'data-type'))) continue;
      script.setAttribute(name, value);
    }
    if (type) script.setAttribute('type', type);
    // Once parsed, a nonce is only readable as a property (the attribute reads empty).
    script.nonce = original.nonce;
    // Inserted by code, a script is async unless told otherwise; without `async` it keeps its
    // place among the others.
    script.async = original.hasAttribute('async');
    const src = gated ? urls.get(original) : original.hasAttribute('src') ? original.src : undefined;
    if (src) script.src = (tt ? tt.createScriptURL(src) : src) as string;
    else script.text = (tt ? tt.createScript(original.text) : original.text) as string;
    // A DOM morph may mark the copy as gated again: it has run, and must not run twice.
    activated.add(script);
    return script;
  }

  /** Remembers URLs as first resolved, and tells the author about markup that cannot work. */
  #inspect(elements: Element[]): void {
    for (const el of elements) {
      if (inspected.has(el) || activated.has(el)) continue;
      inspected.add(el);
      const category = categoryOf(el);
      const type = kind(el);
      const what = `<${el.localName} data-consent=${quote(category)}>`;
      if (type === 'script') {
        if (lower(el, 'type') !== 'text/plain') {
          warn('script-type', `${what} ${quote(attr(el, 'src') || el.textContent)}`);
          continue;
        }
        const src = attr(el, 'src');
        if (src) {
          const url = safeUrl(src);
          if (url) urls.set(el, url);
          else {
            warn('element', `${what} src=${quote(src)}`);
            activated.add(el); // never: not an http(s) URL
          }
        }
      } else if (type === 'iframe') {
        const frame = el as HTMLIFrameElement;
        if (frame.hasAttribute('src')) {
          warn('iframe-src', `${what} ${quote(attr(el, 'src'))}`);
          continue;
        }
        // Shown before any consent; on consent, the data-src takes its place.
        if (frame.hasAttribute('srcdoc')) warn('iframe-src', `${what} srcdoc`);
        const url = safeUrl(attr(el, 'data-src'));
        if (url) urls.set(el, url);
        else {
          warn('iframe-data-src', `${what} ${quote(attr(el, 'data-src'))}`);
          activated.add(el); // never: nothing to load, or not an http(s) URL
        }
        // Its placeholder says it is blocked (and offers nothing where there is nothing to load).
        if (!url || !this.#hooks.isGranted(category))
          try {
            this.#hooks.blocked?.(frame);
          } catch (error) {
            // no placeholder, but the frame stays blocked and the rest goes on
            warn('activation', what, error);
          }
      } else if (!type) {
        warn('element', what);
        continue;
      }
      if (category !== 'necessary' && !this.#hooks.isOffered(category) && !this.#unknown.has(category)) {
        this.#unknown.add(category);
        warn('category', quote(category));
      }
    }
  }
}

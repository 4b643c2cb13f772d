/**
 * Page elements with `data-consent-open` open the preferences, by click and by keyboard. A
 * trigger that cannot take focus (a `<span>`, a `<li>`) would work by mouse only: it is made
 * focusable and given the role of a button, with a warning so the author can use a real one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { all, parsing } from './dom.js';
import { FOCUSABLE } from './focus.js';
import { quote, warn } from './warn.js';

const SELECTOR = '[data-consent-open]';
const NATIVE = 'a[href],button,input,select,textarea,summary';

function triggerOf(event: Event): HTMLElement | null {
  for (const node of event.composedPath())
    if (node instanceof HTMLElement && node.hasAttribute('data-consent-open')) return node;
  return null;
}

export class OpenTriggers implements ReactiveController {
  readonly #open: () => void;
  readonly #fixed = new WeakSet<Element>();

  constructor(host: ReactiveControllerHost, open: () => void) {
    this.#open = open;
    host.addController(this);
  }

  hostConnected(): void {
    // On window, in the capture phase: before the page's own handlers, and out of reach of a
    // named element shadowing document.addEventListener.
    addEventListener('click', this.#onClick, true);
    addEventListener('keydown', this.#onKey, true);
    if (parsing()) addEventListener('DOMContentLoaded', this.#operable, { once: true });
    else this.#operable();
  }

  hostDisconnected(): void {
    removeEventListener('click', this.#onClick, true);
    removeEventListener('keydown', this.#onKey, true);
    removeEventListener('DOMContentLoaded', this.#operable);
  }

  readonly #operable = (): void => {
    for (const el of all<HTMLElement>(SELECTOR)) {
      if (this.#fixed.has(el) || el.matches(FOCUSABLE)) continue;
      this.#fixed.add(el);
      warn('open-trigger', `<${el.localName}> ${quote(el.textContent)}`);
      el.tabIndex = 0;
      if (!el.hasAttribute('role')) el.setAttribute('role', 'button');
    }
  };

  readonly #onClick = (event: Event): void => {
    if (!triggerOf(event)) return;
    event.preventDefault();
    this.#open();
  };

  readonly #onKey = (event: KeyboardEvent): void => {
    const trigger = (event.key === 'Enter' || event.key === ' ') && triggerOf(event);
    // Links and buttons turn Enter and Space into a click themselves.
    if (!trigger || trigger.matches(NATIVE)) return;
    event.preventDefault();
    this.#open();
  };
}

/**
 * While a box of ours is fixed to the bottom of the viewport (the docked banner, the manage
 * button), the page gets as much `scroll-padding-bottom`, so that a focused control is never
 * hidden under it (WCAG 2.4.11, technique C43), and as much `padding-bottom`, so that the last
 * links of the page (a footer's) can scroll above it too, which scroll padding alone cannot.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { root } from './dom.js';

export class PagePadding implements ReactiveController {
  readonly #find: () => HTMLElement | null;
  #box: HTMLElement | null = null;
  #watcher: ResizeObserver | null = null;
  /** The page's own `padding-bottom` (inline and computed), put back when nothing is docked. */
  #page: { inline: string; own: string } | null = null;

  /** `find` returns the box fixed to the bottom now, if any. */
  constructor(host: ReactiveControllerHost, find: () => HTMLElement | null) {
    this.#find = find;
    host.addController(this);
  }

  hostUpdated(): void {
    this.#follow(this.#find());
  }

  hostDisconnected(): void {
    this.#follow(null);
  }

  #follow(box: HTMLElement | null): void {
    if (box === this.#box) return;
    const html = root();
    this.#watcher?.disconnect();
    this.#watcher = null;
    this.#box = box;
    if (!box) {
      html.style.removeProperty('scroll-padding-bottom');
      if (this.#page) html.style.setProperty('padding-bottom', this.#page.inline);
      this.#page = null;
      return;
    }
    // Nothing is measured now: this runs during start-up, often while the page is still being
    // parsed, and a forced layout then would cost every page. The observer reports the box's
    // size once laid out; changes are written on the next frame, since changing the page's
    // height inside the callback can resize the box again (a scroll bar appears) and raise
    // "ResizeObserver loop" errors in the host page.
    this.#watcher = new ResizeObserver(() =>
      requestAnimationFrame(() => {
        if (this.#box !== box) return;
        this.#page ??= {
          inline: html.style.getPropertyValue('padding-bottom'),
          own: getComputedStyle(html).paddingBottom,
        };
        const rect = box.getBoundingClientRect();
        // Only a box that sits at the bottom counts (a site may hide or move the manage button).
        const covered = `${rect.height > 0 && rect.top > html.clientHeight / 2 ? Math.ceil(html.clientHeight - rect.top) : 0}px`;
        if (html.style.getPropertyValue('scroll-padding-bottom') === covered) return;
        html.style.setProperty('scroll-padding-bottom', covered);
        html.style.setProperty('padding-bottom', `calc(${this.#page.own} + ${covered})`);
      }),
    );
    this.#watcher.observe(box);
  }
}

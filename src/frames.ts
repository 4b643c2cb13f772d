/**
 * Placeholders for blocked iframes: inserted immediately before the iframe, at its size, while
 * its category is not granted; removed when it loads. The iframe's size is read by a
 * ResizeObserver, which reports it after layout instead of forcing one: the placeholder takes
 * the iframe's place before the first paint, and nothing shifts when the content loads.
 */
import { create } from './dom.js';
import type { GateHooks } from './script-gate.js';
import { focusOnLoad, type MaConsentPlaceholder } from './ma-consent-placeholder.js';

const placeholders = new WeakMap<HTMLIFrameElement, MaConsentPlaceholder>();
/** The iframe's own inline `display` (value and priority), put back when it loads. */
const displays = new WeakMap<HTMLIFrameElement, [string, string]>();

function hide(frame: HTMLIFrameElement): void {
  if (!displays.has(frame))
    displays.set(frame, [frame.style.getPropertyValue('display'), frame.style.getPropertyPriority('display')]);
  frame.style.setProperty('display', 'none', 'important');
}

function show(frame: HTMLIFrameElement): void {
  const own = displays.get(frame);
  displays.delete(frame);
  if (own?.[0]) frame.style.setProperty('display', ...own);
  else frame.style.removeProperty('display');
}

export const frameHooks: Pick<GateHooks, 'blocked' | 'loaded'> = {
  blocked(frame) {
    // The site draws its own.
    if (frame.getAttribute('data-consent-placeholder') === 'none') return;
    const existing = placeholders.get(frame);
    if (existing?.isConnected) return;
    const placeholder = create('ma-consent-placeholder');
    placeholder.frame = frame;
    placeholder.hidden = true;
    placeholders.set(frame, placeholder);
    frame.before(placeholder);
    const watcher = new ResizeObserver(([entry]) => {
      const box = entry.borderBoxSize?.[0];
      const width = box ? box.inlineSize : entry.contentRect.width;
      const height = box ? box.blockSize : entry.contentRect.height;
      // Not laid out yet (in a hidden container): wait until it is.
      if (!width || !height || !placeholder.isConnected) return;
      watcher.disconnect();
      placeholder.style.setProperty('inline-size', `${width}px`);
      placeholder.style.setProperty('--_ratio', `${width} / ${height}`);
      placeholder.hidden = false;
      // A withdrawn frame that had focus: focus goes to the placeholder's first control.
      const focused = frame.ownerDocument.activeElement === frame;
      hide(frame);
      if (focused)
        void placeholder.updateComplete.then(() =>
          placeholder.shadowRoot?.querySelector<HTMLElement>('button, a[href]')?.focus(),
        );
    });
    watcher.observe(frame);
  },

  loaded(frame) {
    const placeholder = placeholders.get(frame);
    // Allowed in the placeholder, or elsewhere while focus was in it: focus follows the embed.
    const refocus = focusOnLoad.delete(frame) || !!placeholder?.matches(':focus-within');
    placeholder?.remove();
    placeholders.delete(frame);
    show(frame);
    if (refocus) frame.focus();
  },
};

/** Page-wide focus helpers: where focus is (through shadow roots), and where it can go next. */
import { all } from './dom.js';

/** What can take focus by Tab (a link, an enabled control, a positive tab index). */
export const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),summary,[tabindex]:not([tabindex="-1"])';

/** The focused element, looking inside shadow roots; never `<body>`. */
export function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el.localName !== 'body' ? el : null;
}

/** The first focusable element after `from` in document order (the first of the page if none). */
export function nextFocusable(from: Element): HTMLElement | null {
  const candidates = all<HTMLElement>(FOCUSABLE);
  return (
    candidates.find(
      (el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !from.contains(el),
    ) ??
    candidates[0] ??
    null
  );
}

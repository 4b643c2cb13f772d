/**
 * The script-tag entry (dist/ma-cookie-consent.min.js): registers the element and, when the
 * page holds none, inserts one as the first child of <body> with the script tag's data-*
 * attributes (`data-policy-url` → `policy-url`, …).
 */
import './define.js';
import { warn } from './log.js';
import { requireNonce } from './script-gate.js';

const script = document.currentScript as HTMLScriptElement | null;
// A nonce on our own tag means the page uses a nonce-based CSP: hold gated scripts to it too.
if (script?.nonce) requireNonce(script.nonce);

function insert(): void {
  if (document.querySelector('ma-cookie-consent') || !document.body) return;
  const element = document.createElement('ma-cookie-consent');
  if (script) {
    for (const [key, value] of Object.entries(script.dataset)) {
      if (value === undefined) continue;
      const name = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      try {
        element.setAttribute(name, value);
      } catch {
        warn(`The script tag's data-${name} cannot be an attribute name; it is ignored.`);
      }
    }
  }
  document.body.prepend(element);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', insert, { once: true });
else insert();

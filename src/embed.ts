/**
 * The script-tag entry (dist/ma-cookie-consent.min.js): registers the elements and, when the
 * page holds none, inserts `<ma-cookie-consent>` as the first child of `<body>` with the script
 * tag's `data-*` attributes (`data-policy-url` → `policy-url`, …).
 */
import './define.js';
import { all, create, currentScript, pageBody, parsing } from './dom.js';
import { requireNonce } from './script-gate.js';
import { quote, warn } from './warn.js';

// Read from the prototype: an injected <img name="currentScript"> must not hide our tag, or
// its nonce, which binds gated scripts to the page's own (docs/security.md).
const script = currentScript();
if (script?.nonce) requireNonce(script.nonce);

function insert(): void {
  const body = pageBody();
  if (!body || all('ma-cookie-consent').length) return;
  const element = create('ma-cookie-consent');
  for (const { name, value } of Array.from(script?.attributes ?? [])) {
    if (!name.startsWith('data-')) continue;
    try {
      element.setAttribute(name.slice(5), value);
    } catch {
      warn('attribute', quote(name));
    }
  }
  body.prepend(element);
}

if (parsing()) addEventListener('DOMContentLoaded', insert, { once: true });
else insert();

// Keeps the README in step with the element: every attribute, property, method, event, CSS part
// and custom property in the Custom Elements Manifest must be described there (named in inline
// code, as the tables do), and every one of them must carry a description in the manifest
// (the class JSDoc in src/ma-cookie-consent.ts). Prints what is missing and exits 1.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);

// Regenerate first, so the check never reads a manifest older than the source.
execFileSync('npx', ['--no-install', 'cem', 'analyze', '--quiet'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const readme = readFileSync(new URL('README.md', root), 'utf8');

// Names count as documented only inside inline code (`policy-url`), not in prose or in a
// fenced example: an example that happens to use an attribute does not explain it.
const prose = readme.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
const code = [...prose.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)].map((m) => m[2]).join('\n');
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const documented = (name) => new RegExp(`(?<![\\w-])${escape(name)}(?![\\w-])`).test(code);

const missing = [];
const undescribed = [];
let checked = 0;

for (const mod of manifest.modules) {
  for (const declaration of mod.declarations ?? []) {
    if (!declaration.customElement) continue;
    const tag = declaration.tagName ?? declaration.name;
    const publicMembers = (declaration.members ?? []).filter(
      (m) => !m.static && (m.privacy ?? 'public') === 'public' && (m.kind === 'method' || !m.attribute),
    );
    const groups = [
      ['attribute', declaration.attributes ?? []],
      ['property', publicMembers.filter((m) => m.kind === 'field')],
      ['method', publicMembers.filter((m) => m.kind === 'method')],
      ['event', declaration.events ?? []],
      ['CSS part', declaration.cssParts ?? []],
      ['CSS custom property', declaration.cssProperties ?? []],
    ];
    for (const [kind, items] of groups) {
      for (const item of items) {
        checked++;
        if (!documented(item.name)) missing.push(`${kind} \`${item.name}\` of <${tag}>`);
        if (!item.description?.trim()) undescribed.push(`${kind} \`${item.name}\` of <${tag}>`);
      }
    }
  }
}

if (checked === 0) {
  console.error('check-docs: the manifest declares no custom element; is the analyzer configured?');
  process.exit(1);
}
if (missing.length) {
  console.error(`check-docs: ${missing.length} item(s) of the manifest are not in README.md (as \`code\`):`);
  for (const line of missing) console.error(`  - ${line}`);
}
if (undescribed.length) {
  console.error(
    `check-docs: ${undescribed.length} item(s) have no description in the manifest ` +
      '(add JSDoc in src/ma-cookie-consent.ts):',
  );
  for (const line of undescribed) console.error(`  - ${line}`);
}
if (missing.length || undescribed.length) process.exit(1);
console.log(`check-docs: ok, all ${checked} manifest items are described and in README.md.`);

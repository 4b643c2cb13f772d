// Proves what `npm publish` would ship, from npm's own file list (`npm pack --dry-run --json`):
// the builds, their maps and types, and the manifest are in; tests, demo and benchmark are out;
// every file package.json points to exists in the package. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

if (!existsSync(new URL('dist/src/index.js', root)) || !existsSync(new URL('custom-elements.json', root))) {
  console.error('check-pack: dist/ or custom-elements.json is missing; run `npm run build` first.');
  process.exit(1);
}

const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  shell: process.platform === 'win32',
});
const files = new Set(JSON.parse(output)[0].files.map((file) => file.path));

const problems = [];

const required = [
  'package.json',
  'README.md',
  'custom-elements.json',
  'dist/ma-cookie-consent.min.js',
  'dist/ma-cookie-consent.min.js.map',
  'dist/src/index.js',
  'dist/src/index.d.ts',
  'dist/src/define.js',
  'dist/src/ma-cookie-consent.js',
  'dist/src/ma-cookie-consent.d.ts',
  'dist/src/ma-consent-placeholder.js',
  'dist/locales/en.min.js',
  'dist/src/packs/en.js',
  'docs/api.md',
  'docs/warnings.md',
  'LICENSE',
  'THIRD-PARTY-NOTICES.md',
];
for (const path of required) if (!files.has(path)) problems.push(`missing from the package: ${path}`);

// Development-only folders never ship (of the docs, only the API and the warnings do).
const forbidden = ['test/', 'demo/', 'bench/', 'docs/', 'scripts/', 'coverage/', '.ci/', 'node_modules/'];
const shippedDocs = new Set(['docs/api.md', 'docs/warnings.md']);
for (const path of files) {
  const folder = forbidden.find((prefix) => path.startsWith(prefix));
  if (folder && !shippedDocs.has(path)) problems.push(`must not be shipped (${folder}): ${path}`);
}

// Every entry point package.json names must be in the tarball, or an import breaks for users.
const pointers = [pkg.main, pkg.module, pkg.types, pkg.customElements, ...(pkg.sideEffects || [])];
const collect = (value) => {
  if (typeof value === 'string') pointers.push(value);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
};
collect(pkg.exports);
for (const pointer of pointers.filter(Boolean)) {
  const path = pointer.replace(/^\.\//, '');
  // A pattern ("./dist/src/packs/*.js") must match at least one shipped file.
  const pattern = new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`,
  );
  if (!(path.includes('*') ? [...files].some((file) => pattern.test(file)) : files.has(path)))
    problems.push(`package.json points to ${pointer}, which is not in the package`);
}

// The IIFE must reference the map that ships next to it.
const iife = readFileSync(new URL('dist/ma-cookie-consent.min.js', root), 'utf8');
if (!/\/\/# sourceMappingURL=ma-cookie-consent\.min\.js\.map\s*$/.test(iife)) {
  problems.push('dist/ma-cookie-consent.min.js does not end with its sourceMappingURL');
}

// The manifest must describe the element in files that ship.
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const tags = manifest.modules.flatMap((mod) => (mod.declarations ?? []).map((d) => d.tagName).filter(Boolean));
for (const tag of ['ma-cookie-consent', 'ma-consent-placeholder'])
  if (!tags.includes(tag)) problems.push(`custom-elements.json does not declare <${tag}>`);
for (const mod of manifest.modules) {
  if (!files.has(mod.path)) problems.push(`custom-elements.json names ${mod.path}, which is not in the package`);
}

if (problems.length) {
  console.error(`check-pack: ${problems.length} problem(s) in what npm would publish:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`check-pack: ok, ${files.size} files; no tests, demo or benchmark; every entry point ships.`);

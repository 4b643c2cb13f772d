/* global window, document, customElements -- used inside page callbacks, which run in the browser */
// `npm run check:consumer` (after `npm run build`): proves the package works for someone who
// installs it, from what npm would publish rather than from the repository.
//
// It packs the repository, installs the tarball into a fresh ES-module project outside the
// repository (in the system's temp folder) next to the lit and js-cookie versions that
// package-lock.json pins, plus esbuild and typescript as that project's devDependencies, from
// npm's cache only (`npm ci` fills it; nothing is fetched). The project's lockfile is generated
// from the repository's, so every installed version is the repository's. Then:
//   a. an esbuild bundle of `import 'ma-cookie-consent'` (and of the named import) registers the
//      element in Debian's Chromium, renders the banner, and "accept" fires ma-consent-change;
//   b. a consumer's TypeScript compiles under `strict`, with `moduleResolution` bundler and node16;
//   c. the script-tag file and the English locale pack resolve through `exports`, and a bundle
//      importing the pack renders English;
//   d. the package runs no install script, depends on lit and js-cookie only, ships no binary.
// One line per check (✓/✗); exits 1 if any fails. The consumer's files are in test/consumer/.
import { execFile as execFileCallback } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './browser.mjs';

const execFile = promisify(execFileCallback);
const root = fileURLToPath(new URL('..', import.meta.url));
const templates = join(root, 'test', 'consumer');
const started = Date.now();

const repoPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const repoLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const lockedVersion = (name) => repoLock.packages[`node_modules/${name}`]?.version;

if (!existsSync(join(root, 'dist', 'src', 'index.js'))) {
  console.error('check-consumer: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
const executablePath = chromiumPath();
if (!executablePath) {
  console.error('check-consumer: no Chromium found (set CHROME_PATH, or install Debian’s chromium).');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Reporting: one line per check, printed at the end in the order of their titles (the checks
// run side by side). A check whose prerequisite failed is reported as failed, saying why.

const results = [];
async function check(title, body) {
  try {
    const note = await body();
    results.push({ ok: true, title: note ? `${title}: ${note}` : title });
  } catch (error) {
    const detail = error instanceof CheckError ? error.message : (error?.stack ?? String(error));
    results.push({ ok: false, title, detail });
  }
}
class CheckError extends Error {}
function fail(message) {
  throw new CheckError(message);
}
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

// ---------------------------------------------------------------------------------------------
// Temp folders, removed on every way out.

const temp = mkdtempSync(join(tmpdir(), 'ma-cookie-consent-consumer-'));
const packDir = join(temp, 'pack');
const project = join(temp, 'project');
mkdirSync(packDir);
mkdirSync(join(project, 'src'), { recursive: true });
const cleanUp = () => rmSync(temp, { recursive: true, force: true });
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

// npm, quiet and offline whatever the user's configuration says.
const npmEnv = {
  ...process.env,
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_loglevel: 'error',
};
const npm = (args, cwd) =>
  execFile('npm', args, { cwd, env: npmEnv, maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' });

// ---------------------------------------------------------------------------------------------
// 1. Pack, as `npm publish` would.

const packed = JSON.parse(
  (await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], root)).stdout,
)[0];
const tarball = join(packDir, packed.filename);
const extracted = join(temp, 'extracted');
mkdirSync(extracted);
await execFile('tar', ['-xzf', tarball, '-C', extracted]);
const packageDir = join(extracted, 'package');
const shippedPkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

console.log(
  `check-consumer: ${packed.filename}, ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked, ` +
    `${packed.entryCount} files:`,
);
const listing = packed.files
  .map((file) => file.path)
  .sort()
  .map((path) => `${path} (${kB(packed.files.find((file) => file.path === path).size)})`);
console.log(listing.map((line) => `    ${line}`).join('\n'));

// ---------------------------------------------------------------------------------------------
// 2. A fresh project, installed from npm's cache with a lockfile derived from the repository's.

/**
 * The repository's lockfile entries for `names` and everything they need, at the same paths (a
 * subset of a valid tree that keeps every lookup is still a valid tree). `dev` is recomputed:
 * what `prodNames` reach is a dependency of the new project, the rest a devDependency.
 */
function lockSubset(names, prodNames) {
  const entries = repoLock.packages;
  const reached = new Map(); // path -> reached from a production root?
  const find = (from, name) => {
    for (let base = from; ;) {
      const path = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (entries[path]) return path;
      if (!base) return null;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut === -1 ? '' : base.slice(0, cut);
    }
  };
  const visit = (path, prod) => {
    if (reached.get(path) === true || (reached.has(path) && !prod)) return;
    reached.set(path, prod);
    const entry = entries[path];
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    const needs = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers[name]?.optional),
    ];
    for (const name of needs) {
      const target = find(path, name);
      if (target) visit(target, prod);
      else if (!entry.optionalDependencies?.[name] && !entry.peerDependencies?.[name])
        fail(`package-lock.json has no entry for ${name}, needed by ${path}`);
    }
  };
  for (const name of names) {
    const path = find('', name);
    if (!path) fail(`package-lock.json has no entry for ${name}`);
    visit(path, prodNames.includes(name));
  }
  const subset = {};
  for (const [path, prod] of reached) {
    const { dev: _dev, devOptional, optional, peer: _peer, ...entry } = entries[path];
    subset[path] = { ...entry, ...(prod ? {} : { dev: true }), ...(optional || devOptional ? { optional: true } : {}) };
  }
  return subset;
}

const wanted = {
  lit: lockedVersion('lit'),
  'js-cookie': lockedVersion('js-cookie'),
  esbuild: lockedVersion('esbuild'),
  typescript: lockedVersion('typescript'),
};
let installed = false;
await check(
  `install: the tarball, lit ${wanted.lit} and js-cookie ${wanted['js-cookie']} (as package-lock.json pins), ` +
    `esbuild ${wanted.esbuild} and typescript ${wanted.typescript}, offline from npm's cache`,
  async () => {
    for (const [name, version] of Object.entries(wanted))
      if (!version) fail(`package-lock.json pins no ${name}: the repository must have it installed`);
    const shippedDeps = Object.keys(shippedPkg.dependencies ?? {});
    const prodNames = [...new Set(['lit', 'js-cookie', ...shippedDeps])];
    const spec = `file:${relative(project, tarball).split(sep).join('/')}`;
    const manifest = {
      name: 'consumer',
      version: '1.0.0',
      private: true,
      type: 'module',
      dependencies: { 'ma-cookie-consent': spec, lit: wanted.lit, 'js-cookie': wanted['js-cookie'] },
      devDependencies: { esbuild: wanted.esbuild, typescript: wanted.typescript },
    };
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    const lock = {
      name: manifest.name,
      version: manifest.version,
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': {
          name: manifest.name,
          version: manifest.version,
          dependencies: manifest.dependencies,
          devDependencies: manifest.devDependencies,
        },
        'node_modules/ma-cookie-consent': {
          version: shippedPkg.version,
          resolved: spec,
          integrity,
          license: shippedPkg.license,
          ...(shippedPkg.dependencies ? { dependencies: shippedPkg.dependencies } : {}),
        },
        ...lockSubset([...prodNames, 'esbuild', 'typescript'], prodNames),
      },
    };
    writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);

    // --ignore-scripts: the tarball must not need one (check d), and esbuild works without its own.
    try {
      await npm(['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], project);
    } catch (error) {
      const text = `${error.stderr ?? ''}${error.stdout ?? ''}`.trim();
      const hint = /ENOTCACHED/.test(text)
        ? '\nnpm’s cache lacks a package: run `npm ci` in the repository first.'
        : '';
      fail(`npm ci --offline failed in the fresh project:\n${text.split('\n').slice(0, 15).join('\n')}${hint}`);
    }

    // What is installed is what the repository's lockfile pins, with one copy of each.
    const got = (path) => JSON.parse(readFileSync(join(project, path, 'package.json'), 'utf8')).version;
    const wrong = Object.entries(wanted)
      .filter(([name, version]) => got(`node_modules/${name}`) !== version)
      .map(([name, version]) => `${name} ${got(`node_modules/${name}`)} installed, ${version} pinned`);
    if (got('node_modules/ma-cookie-consent') !== repoPkg.version) wrong.push('ma-cookie-consent: wrong version');
    if (existsSync(join(project, 'node_modules', 'ma-cookie-consent', 'node_modules')))
      wrong.push('ma-cookie-consent brought its own node_modules (a second copy of a dependency)');
    if (wrong.length) fail(wrong.join('\n'));
    installed = true;
    return `installed versions equal package-lock.json's`;
  },
);

for (const file of readdirSync(templates)) copyFileSync(join(templates, file), join(project, 'src', file));
const consumerRequire = createRequire(join(project, 'package.json'));

// ---------------------------------------------------------------------------------------------
// Bundles (esbuild from the fresh project, as its owner would run it) and a tiny static server.

const site = join(project, 'site');
const bundles = {}; // name -> error message, or null when built
async function bundle(name, entry, page) {
  const out = join(site, name);
  mkdirSync(out, { recursive: true });
  copyFileSync(join(templates, page), join(out, 'index.html'));
  try {
    const esbuild = consumerRequire('esbuild');
    const result = await esbuild.build({
      absWorkingDir: project,
      entryPoints: [join(project, 'src', entry)],
      outfile: join(out, 'bundle.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      logLevel: 'silent',
    });
    // A dropped side-effect import is only a warning to esbuild; here it is a failure.
    const dropped = result.warnings.filter((w) => /side effects|sideEffects/i.test(w.text));
    bundles[name] = dropped.length ? formatMessages(dropped) : null;
  } catch (error) {
    bundles[name] = error.errors ? formatMessages(error.errors) + missingDependencies(error.errors) : String(error);
  }
  return bundles[name];
}
// An import of a package the tarball does not declare works in the repository (where devDependencies
// are installed) and nowhere else: name the cause.
function missingDependencies(messages) {
  const names = messages
    .filter((m) => m.location?.file.includes('node_modules/ma-cookie-consent/'))
    .map((m) => /Could not resolve "((?:@[^/"]+\/)?[^/".][^/"]*)/.exec(m.text)?.[1])
    .filter((name) => name && !shippedPkg.dependencies?.[name]);
  return [...new Set(names)]
    .map((name) => `\nThe package's own files import "${name}", which is not in its "dependencies".`)
    .join('');
}
function formatMessages(messages) {
  return messages
    .map((m) => {
      const where = m.location ? `${m.location.file}:${m.location.line}: ` : '';
      return [`${where}${m.text}`, ...(m.notes ?? []).map((note) => `  ${note.text}`)].join('\n');
    })
    .join('\n');
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  let file = join(site, path);
  if (!file.startsWith(site + sep)) file = '';
  else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});

let browser;
async function openPage(name) {
  browser ??= await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && errors.push(`console error: ${message.text()}`));
  await page.goto(`http://localhost:${server.address().port}/${name}/`);
  const defined = await page
    .waitForFunction(() => customElements.get('ma-cookie-consent') !== undefined, null, { timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  if (!defined) fail(['customElements.get("ma-cookie-consent") stays undefined', ...errors].join('\n'));
  await page.locator('ma-cookie-consent').evaluate((el) => el.updateComplete);
  return { page, errors, close: () => context.close() };
}
async function acceptLabel(page) {
  const button = page.locator('ma-cookie-consent [part~="banner"] [part~="accept"]');
  if (!(await button.count())) fail('the banner has no accept button ([part~="accept"])');
  return (await button.first().textContent()).trim();
}

// ---------------------------------------------------------------------------------------------
// a, b and c run side by side: tsc in child processes, the pages in one Chromium.

const prerequisite = () => {
  if (!installed) fail('not run: the install failed');
};

async function browserChecks() {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  await check("a1. esbuild bundles `import 'ma-cookie-consent'` (minified, tree-shaken)", async () => {
    prerequisite();
    const error = await bundle('import-only', 'import-only.mts', 'page.html');
    if (error) fail(error);
  });
  await check('a2. that bundle registers the element, renders the banner, accept fires ma-consent-change', async () => {
    prerequisite();
    if (bundles['import-only'] !== null) fail('not run: the bundle did not build');
    const { page, errors, close } = await openPage('import-only');
    try {
      const banner = await page
        .locator('ma-cookie-consent')
        .evaluate((el) => !!el.shadowRoot?.querySelector('[part~="banner"]'));
      if (!banner) fail(['the shadow root has no [part~="banner"]', ...errors].join('\n'));
      await page.evaluate(() => {
        window.changes = [];
        document.addEventListener('ma-consent-change', (event) => window.changes.push(event.detail));
      });
      await page.locator('ma-cookie-consent [part~="banner"] [part~="accept"]').first().click();
      await page
        .waitForFunction(() => window.changes.length > 0, null, { timeout: 5000 })
        .catch(() => {
          fail(['no ma-consent-change event after clicking accept', ...errors].join('\n'));
        });
      const detail = await page.evaluate(() => window.changes[0]);
      if (detail?.categories?.analytics !== true)
        fail(`the event's detail.categories.analytics is not true: ${JSON.stringify(detail)}`);
      if (errors.length) fail(errors.join('\n'));
      return `detail ${JSON.stringify({ categories: detail.categories, source: detail.source })}`;
    } finally {
      await close();
    }
  });
  await check(
    "a3. `import { MaCookieConsent } from 'ma-cookie-consent'` is the class the element is defined with",
    async () => {
      prerequisite();
      const error = await bundle('named-import', 'named-import.mts', 'page.html');
      if (error) fail(error);
      const { page, errors, close } = await openPage('named-import');
      try {
        const same = await page.evaluate(
          () => window.exportedClass !== undefined && window.exportedClass === customElements.get('ma-cookie-consent'),
        );
        if (!same) fail(['the exported class is not the registered one', ...errors].join('\n'));
        if (errors.length) fail(errors.join('\n'));
      } finally {
        await close();
      }
    },
  );

  await check(
    'c3. `import \'ma-cookie-consent/locales/en.js\'` is kept by esbuild and <ma-cookie-consent lang="en"> says “Accept all”',
    async () => {
      prerequisite();
      const error = await bundle('with-locale', 'with-locale.mts', 'page-en.html');
      if (error)
        fail(
          `${error}\nThe English locale pack must be importable as 'ma-cookie-consent/locales/en.js' (exports ` +
            `"./locales/*") and listed in "sideEffects" (docs/api.md §1, locale packs).`,
        );
      const { page, errors, close } = await openPage('with-locale');
      try {
        const label = await acceptLabel(page);
        if (label !== 'Accept all') fail([`the accept button says “${label}”, not “Accept all”`, ...errors].join('\n'));
        if (errors.length) fail(errors.join('\n'));
      } finally {
        await close();
      }
    },
  );
  await check(
    'c4. without that import, lang="en" falls back to French (so the pack is what brings English)',
    async () => {
      prerequisite();
      mkdirSync(join(site, 'no-locale'), { recursive: true });
      if (bundles['import-only'] !== null) fail('not run: the bundle of a1 did not build');
      copyFileSync(join(site, 'import-only', 'bundle.js'), join(site, 'no-locale', 'bundle.js'));
      copyFileSync(join(templates, 'page-en.html'), join(site, 'no-locale', 'index.html'));
      const { page, close } = await openPage('no-locale');
      try {
        const label = await acceptLabel(page);
        if (label === 'Accept all')
          fail(
            'the core bundle already speaks English without the pack: English must be a locale pack, ' +
              'not built into the ESM entry (docs/api.md §1)',
          );
        return `“${label}”`;
      } finally {
        await close();
      }
    },
  );
}

async function typeChecks() {
  const modes = {
    bundler: { module: 'ESNext', moduleResolution: 'bundler' },
    node16: { module: 'node16', moduleResolution: 'node16' },
  };
  for (const [mode, options] of Object.entries(modes)) {
    await check(`b. a consumer's TypeScript compiles (strict, moduleResolution ${mode}, tsc --noEmit)`, async () => {
      prerequisite();
      const config = {
        compilerOptions: {
          ...options,
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['src/types.mts'],
      };
      writeFileSync(join(project, `tsconfig.${mode}.json`), JSON.stringify(config, null, 2));
      const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
      try {
        await execFile(process.execPath, [tsc, '-p', `tsconfig.${mode}.json`, '--pretty', 'false'], { cwd: project });
      } catch (error) {
        fail(`${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(0, 20).join('\n'));
      }
    });
  }
}

async function resolveChecks() {
  let resolved = {};
  const specifiers = [
    'ma-cookie-consent',
    'ma-cookie-consent/ma-cookie-consent.min.js',
    'ma-cookie-consent/locales/en.js',
  ];
  if (installed) {
    const { stdout } = await execFile(process.execPath, ['src/resolve.mjs', ...specifiers], { cwd: project });
    resolved = JSON.parse(stdout);
  }
  const inPackage = join(project, 'node_modules', 'ma-cookie-consent') + sep;
  const expectFile = (specifier) => {
    prerequisite();
    const lines = [];
    for (const [how, path] of Object.entries(resolved[specifier])) {
      if (typeof path !== 'string') lines.push(`${how}: ${path.error}`);
      else if (!path.startsWith(inPackage) || !existsSync(path)) lines.push(`${how}: ${path} does not exist`);
    }
    if (lines.length) fail(lines.join('\n'));
    return resolved[specifier].import.slice(inPackage.length);
  };
  await check('c1. ma-cookie-consent/ma-cookie-consent.min.js resolves through "exports" (import and require)', () =>
    expectFile('ma-cookie-consent/ma-cookie-consent.min.js'),
  );
  await check('c2. ma-cookie-consent/locales/en.js resolves through "exports" (import and require)', () => {
    try {
      return expectFile('ma-cookie-consent/locales/en.js');
    } catch (error) {
      if (!(error instanceof CheckError) || !installed) throw error;
      fail(
        `${error.message}\nThe package's "exports" has no "./locales/*" entry (or its target is not shipped): ` +
          `locale packs are not importable yet (docs/api.md §1).`,
      );
    }
  });
}

async function packageChecks() {
  await check('d1. the packed package.json runs no install script and depends on lit and js-cookie only', () => {
    const problems = [];
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];
    const scripts = Object.keys(shippedPkg.scripts ?? {}).filter((name) => lifecycle.includes(name));
    if (scripts.length) problems.push(`install-time scripts: ${scripts.join(', ')}`);
    // npm runs `node-gyp rebuild` at install for any package that ships a binding.gyp.
    if (packed.files.some((file) => file.path === 'binding.gyp'))
      problems.push('ships binding.gyp (an implicit install script)');
    const deps = Object.keys(shippedPkg.dependencies ?? {}).sort();
    if (deps.join(' ') !== 'js-cookie lit')
      problems.push(`dependencies are ${deps.join(', ') || 'none'}, not js-cookie and lit`);
    for (const field of ['optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies'])
      if (shippedPkg[field] && Object.keys(shippedPkg[field]).length) problems.push(`has ${field}`);
    // Nor does anything the package pulls in (the repository's lockfile records install scripts).
    const closure = lockSubset(deps, deps);
    const scripted = Object.keys(closure).filter((path) => closure[path].hasInstallScript);
    if (scripted.length) problems.push(`dependencies with install scripts: ${scripted.join(', ')}`);
    if (problems.length) fail(problems.join('\n'));
    return `dependencies ${deps.map((name) => `${name} ${shippedPkg.dependencies[name]}`).join(', ')}`;
  });
  await check('d2. no file in the tarball is a browser or any other binary; LICENSE and notices ship', () => {
    const problems = [];
    const magic = [
      [Buffer.from([0x7f, 0x45, 0x4c, 0x46]), 'an ELF executable'],
      [Buffer.from('MZ'), 'a Windows executable'],
      [Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), 'a Mach-O executable'],
      [Buffer.from([0xca, 0xfe, 0xba, 0xbe]), 'a Mach-O executable'],
      [Buffer.from('PK'), 'a zip archive'],
      [Buffer.from([0x1f, 0x8b]), 'a gzip archive'],
    ];
    for (const { path, size } of packed.files) {
      const head = readFileSync(join(packageDir, path)).subarray(0, 4);
      const kind = magic.find(([bytes]) => head.subarray(0, bytes.length).equals(bytes))?.[1];
      if (kind) problems.push(`${path} is ${kind}`);
      else if (/chrom|firefox|headless_shell|\.(exe|dll|so|dylib|node|wasm)$/i.test(path))
        problems.push(`${path}: suspicious name`);
      if (size > 1024 * 1024) problems.push(`${path} is ${kB(size)}`);
    }
    for (const path of ['LICENSE', 'THIRD-PARTY-NOTICES.md'])
      if (!packed.files.some((file) => file.path === path)) problems.push(`${path} is not in the package`);
    if (problems.length) fail(problems.join('\n'));
    return `largest file ${kB(Math.max(...packed.files.map((file) => file.size)))}`;
  });
}

try {
  await packageChecks();
  await Promise.all([browserChecks(), typeChecks(), resolveChecks()]);
} finally {
  await browser?.close();
  server.close();
  if (installed) consumerRequire('esbuild').stop?.();
}

const order = (title) => (title.startsWith('install') ? '0' : title);
results.sort((x, y) => order(x.title).localeCompare(order(y.title)));
for (const { ok, title, detail } of results)
  console.log(`  ${ok ? '✓' : '✗'} ${title}${detail ? `\n${detail.replace(/^/gm, '      ')}` : ''}`);
const failed = results.filter(({ ok }) => !ok).length;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failed) {
  console.log(`check-consumer: ${failed} of ${results.length} checks failed (${seconds} s).`);
  process.exit(1);
}
console.log(`check-consumer: ok, ${results.length} checks (${seconds} s).`);

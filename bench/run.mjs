// `npm run bench`: the same realistic ministry page with each consent manager, in Debian's
// Chromium with the CPU throttled 4× (a mid-range phone), candidates interleaved run by run.
// Prints a Markdown table (medians, min–max, ratios to vanilla-cookieconsent), writes the raw
// figures to bench/results/<date>.json and the table to docs/benchmark.md.
//
//   BENCH_RUNS=15            throttled runs per candidate (at least 15 for the published table)
//   BENCH_UNTHROTTLED_RUNS=5 unthrottled runs per candidate, for the long-task check
//   BENCH_NO_DOCS=1          do not rewrite docs/benchmark.md (trial runs)
/* global window, document, performance, PerformanceObserver, MutationObserver, MessageChannel,
   addEventListener, requestAnimationFrame, getComputedStyle, innerHeight */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/browser.mjs';
import { gzipMethod, gzipSize } from '../scripts/size.mjs';
import { serve } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const UNTHROTTLED_RUNS = Number(process.env.BENCH_UNTHROTTLED_RUNS ?? 5);
const THROTTLE = 4;
const VIEWPORT = { width: 412, height: 915 };
/** After the banner is fully shown and the page has loaded: time for late work to show up. */
const SETTLE_MS = 500;
const RUN_TIMEOUT_MS = 20000;
const BUNDLE = 'dist/ma-cookie-consent.min.js';
const VANILLA = 'node_modules/vanilla-cookieconsent/dist';
const GATED_OURS = '<script type="text/plain" data-consent="analytics" src="/analytics.js"></script>';
const GATED_VANILLA = '<script type="text/plain" data-category="analytics" src="/analytics.js"></script>';

const OURS_BANNER = `document.querySelector('ma-cookie-consent')?.shadowRoot?.querySelector('[part~="banner"]')`;
const candidates = [
  {
    id: 'ours-head',
    label: 'ours: script in `<head>`, element first in `<body>`',
    head: `<script src="/${BUNDLE}"></script>`,
    bodyStart: '<ma-cookie-consent policy-url="/cgu#article-6"></ma-cookie-consent>',
    gated: GATED_OURS,
    banner: OURS_BANNER,
    accept: 'ma-cookie-consent [part~="accept"]',
    files: [`/${BUNDLE}`],
  },
  {
    id: 'ours-embed',
    label: 'ours: one deferred tag, `position="bottom"`',
    head: `<script src="/${BUNDLE}" data-policy-url="/cgu#article-6" data-position="bottom" defer></script>`,
    gated: GATED_OURS,
    banner: OURS_BANNER,
    accept: 'ma-cookie-consent [part~="accept"]',
    files: [`/${BUNDLE}`],
  },
  {
    // As its "Getting started" page says: deferred CSS in <head>, both scripts deferred at the
    // end of <body>, the configuration in its own file.
    id: 'vanilla',
    label: 'vanilla-cookieconsent 3.1.0',
    head: `<link rel="stylesheet" href="/vcc/cookieconsent.css" media="print" onload="this.media='all'" />`,
    bodyEnd:
      '<script defer src="/vcc/cookieconsent.umd.js"></script>\n    <script defer src="/vanilla-init.js"></script>',
    gated: GATED_VANILLA,
    banner: `document.querySelector('#cc-main .cm')`,
    accept: '#cc-main .cm [data-role="all"]',
    files: ['/vcc/cookieconsent.css', '/vcc/cookieconsent.umd.js', '/vanilla-init.js'],
  },
  {
    // The page alone: what the page costs without any consent manager (unthrottled check only).
    id: 'none',
    label: 'the page without a consent manager',
    gated: GATED_OURS,
    banner: null,
    files: [],
  },
];
const compared = candidates.filter((c) => c.id !== 'none');

// ---- the page -------------------------------------------------------------------------------------

function buildPages() {
  const template = readFileSync(join(root, 'bench/pages/ministry.html'), 'utf8');
  const services = [
    [
      'Immatriculation au registre national',
      "Inscrivez votre activité d'artisan et obtenez votre numéro d'immatriculation.",
    ],
    ["Carte d'artisan", "Demandez ou renouvelez la carte professionnelle qui atteste de votre qualité d'artisan."],
    ['Formation qualifiante', 'Trouvez une formation par apprentissage dans votre métier et votre région.'],
    ['Couverture médicale', "Déclarez votre activité pour bénéficier de l'assurance maladie obligatoire."],
    ['Labels et certification', "Faites certifier l'origine et la qualité de vos produits artisanaux."],
    ['Salons et expositions', 'Participez aux salons nationaux et internationaux de l’artisanat marocain.'],
  ];
  const cards = `<div>${services
    .map(
      ([title, text]) =>
        `\n          <article class="card"><h3>${title}</h3><p>${text}</p><a href="#">Commencer la démarche</a></article>`,
    )
    .join('')}\n        </div>`;
  const news = Array.from({ length: 8 }, (_, i) => {
    const day = String(20 - i).padStart(2, '0');
    return `\n        <article><time datetime="2026-11-${day}">${20 - i} novembre 2026</time><h3><a href="#">Lancement de la campagne nationale de soutien aux artisans, étape ${i + 1}</a></h3><p>Les artisans inscrits au registre national peuvent désormais déposer en ligne leur demande de soutien. Les dossiers sont instruits par les directions régionales dans un délai de trente jours, et chaque étape est suivie depuis l'espace personnel de la plateforme.</p></article>`;
  }).join('');
  const pages = {};
  for (const c of candidates) {
    pages[`/${c.id}.html`] = template
      .replace('<!--candidate-head-->', c.head ?? '')
      .replace('<!--candidate-body-start-->', c.bodyStart ?? '')
      .replace('<!--candidate-body-end-->', c.bodyEnd ?? '')
      .replace('<!--gated-->', c.gated)
      .replace('<!--cards-->', cards)
      .replace('<!--news-->', `<div class="news">${news}\n        </div>`);
  }
  return pages;
}

// ---- in the page: what is measured ------------------------------------------------------------------

/**
 * Runs before any of the page's scripts. Records long tasks, layout shifts, the first click, and
 * when the banner is first visible (in the viewport, not hidden, opacity above 0) and fully
 * shown (opacity 1, no transition running): checked once per frame, and timed by a message
 * posted from that frame, which runs once the frame has been painted.
 */
function observe(findBanner) {
  const bench = (window.__bench = { longtasks: [], cls: 0, clickAt: null, visibleAt: null, shownAt: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) bench.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // an older browser: the figures stay empty
  }
  addEventListener('click', (event) => (bench.clickAt ??= event.timeStamp), true);
  // When the consent manager puts the executable copy of the gated script in the page.
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.localName === 'script' && n.src.endsWith('/analytics.js') && !/plain/.test(n.type))
          bench.insertedAt ??= performance.now();
  }).observe(document, { childList: true, subtree: true });
  const loaded = new Promise((done) => (document.readyState === 'complete' ? done() : addEventListener('load', done)));
  if (!findBanner) {
    bench.ready = loaded;
    return;
  }
  const find = new Function(`return ${findBanner}`);
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data }) => {
    if (data === 'visible') bench.visibleAt ??= performance.now();
    if (data === 'shown') {
      bench.shownAt ??= performance.now();
      shown();
    }
  };
  let shown;
  bench.ready = Promise.all([new Promise((done) => (shown = done)), loaded]);
  const stateOf = (el) => {
    if (!el || !el.isConnected) return 0;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || box.bottom <= 0 || box.top >= innerHeight) return 0;
    if (getComputedStyle(el).visibility === 'hidden') return 0;
    let opacity = 1;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement ?? n.getRootNode().host) {
      const style = getComputedStyle(n);
      if (style.display === 'none') return 0;
      opacity *= Number(style.opacity);
    }
    if (opacity === 0) return 0;
    return opacity < 1 || el.getAnimations().some((a) => a.playState === 'running') ? 1 : 2;
  };
  let sentVisible = false;
  const frame = () => {
    const state = stateOf(find());
    if (state >= 1 && !sentVisible) {
      sentVisible = true;
      channel.port2.postMessage('visible');
    }
    if (state === 2) channel.port2.postMessage('shown');
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

// ---- one run ------------------------------------------------------------------------------------

async function runOnce(browser, base, candidate, { throttled }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-MA' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttled ? THROTTLE : 1 });
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.addInitScript(observe, candidate.banner);
    await page.goto(`${base}/${candidate.id}.html`, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS });
    await withTimeout(
      page.evaluate(() => window.__bench.ready),
      RUN_TIMEOUT_MS,
      'banner never fully shown',
    );
    await page.waitForTimeout(SETTLE_MS);

    const metrics = async () =>
      Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await metrics();
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await metrics()).JSHeapUsedSize;
    const seen = await page.evaluate((files) => {
      const b = window.__bench;
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const own = entries.filter((e) => files.includes(new URL(e.name).pathname));
      return {
        visibleAt: b.visibleAt,
        shownAt: b.shownAt,
        cls: b.cls,
        longtasks: b.longtasks.slice(),
        pageBytes: entries.reduce((sum, e) => sum + e.transferSize, 0),
        ownBytes: own.reduce((sum, e) => sum + e.transferSize, 0),
        ownFiles: own.length,
        // Where the time to the banner goes: the candidate's last file downloaded, the
        // document parsed, the first paint of anything.
        ownLoaded: Math.max(0, ...own.filter((e) => e.entryType === 'resource').map((e) => e.responseEnd)),
        parsed: performance.getEntriesByType('navigation')[0]?.domInteractive,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      };
    }, candidate.files);
    if (seen.ownFiles !== candidate.files.length)
      throw new Error(`expected ${candidate.files.length} files of the candidate, saw ${seen.ownFiles}`);

    const result = {
      visible: seen.visibleAt,
      shown: seen.shownAt,
      script: before.ScriptDuration * 1000,
      task: before.TaskDuration * 1000,
      longtasks: seen.longtasks.length,
      longtaskMs: seen.longtasks.reduce((sum, t) => sum + t.duration, 0),
      longtaskMax: Math.max(0, ...seen.longtasks.map((t) => t.duration)),
      cls: seen.cls,
      ownBytes: seen.ownBytes,
      pageBytes: seen.pageBytes,
      heap,
      phases: { ownLoaded: seen.ownLoaded, parsed: seen.parsed, fcp: seen.fcp },
    };
    if (candidate.accept && throttled) {
      await page.locator(candidate.accept).first().click({ timeout: RUN_TIMEOUT_MS });
      await withTimeout(
        page.waitForFunction(() => window.__analyticsAt !== undefined, null, { polling: 50, timeout: RUN_TIMEOUT_MS }),
        RUN_TIMEOUT_MS,
        'the gated script never ran',
      );
      const after = await page.evaluate(() => {
        const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/analytics.js'));
        return {
          clickAt: window.__bench.clickAt,
          insertedAt: window.__bench.insertedAt,
          ranAt: window.__analyticsAt,
          fetched: entry?.responseEnd,
        };
      });
      result.acceptToAnalytics = after.ranAt - after.clickAt;
      result.phases.acceptToInserted = after.insertedAt - after.clickAt;
      result.phases.insertedToFetched = after.fetched - after.insertedAt;
      result.phases.fetchedToRan = after.ranAt - after.fetched;
    }
    return result;
  } finally {
    await context.close();
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
  ]);
}

// ---- statistics and report ----------------------------------------------------------------------

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summary = (values) =>
  values.length
    ? { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length }
    : null;

const FIGURES = [
  { key: 'visible', label: 'banner visible (ms from navigation start)', digits: 0 },
  { key: 'shown', label: 'banner fully shown, any fade-in finished (ms)', digits: 0 },
  { key: 'script', label: 'script duration until settled (ms, CDP ScriptDuration)', digits: 0 },
  { key: 'longtasks', label: 'long tasks until settled (count)', digits: 0 },
  { key: 'longtaskMs', label: 'long tasks until settled (total ms)', digits: 0 },
  { key: 'cls', label: 'cumulative layout shift before a choice', digits: 3 },
  { key: 'ownBytes', label: 'bytes transferred, consent manager (gzip)', digits: 0 },
  { key: 'pageBytes', label: 'bytes transferred, whole page (gzip)', digits: 0 },
  { key: 'heap', label: 'JS heap used after GC (KB)', digits: 0, scale: 1 / 1024 },
  { key: 'acceptToAnalytics', label: 'click on accept → gated analytics script ran (ms)', digits: 0 },
];

function format(s, figure) {
  if (!s) return '–';
  const f = (v) => (v * (figure.scale ?? 1)).toFixed(figure.digits);
  return s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

function ratio(a, b) {
  if (!a || !b) return '–';
  if (b.median === 0) return a.median === 0 ? '= (both 0)' : '∞';
  return `${(a.median / b.median).toFixed(2)}×`;
}

function table(stats) {
  const [head, embed, vanilla] = compared.map((c) => stats[c.id]);
  const lines = [
    `| figure (median, min–max) | ${compared.map((c) => c.label).join(' | ')} | head ÷ vanilla | one-tag ÷ vanilla |`,
    `|---|${compared.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const figure of FIGURES) {
    const cells = compared.map((c) => format(stats[c.id][figure.key], figure));
    lines.push(
      `| ${figure.label} | ${cells.join(' | ')} | ${ratio(head[figure.key], vanilla[figure.key])} | ${ratio(embed[figure.key], vanilla[figure.key])} |`,
    );
  }
  return lines.join('\n');
}

const PHASES = [
  ['ownLoaded', "consent manager's files downloaded"],
  ['parsed', 'document parsed (domInteractive)'],
  ['fcp', 'first contentful paint'],
  ['acceptToInserted', 'click → live copy of the gated script inserted'],
  ['insertedToFetched', 'inserted → script downloaded'],
  ['fetchedToRan', 'downloaded → script ran'],
];

function phaseTable(results) {
  const lines = [
    `| where the time goes (median ms, 4× throttled) | ${compared.map((c) => c.label).join(' | ')} |`,
    `|---|${compared.map(() => '---:').join('|')}|`,
  ];
  for (const [key, label] of PHASES) {
    const cells = compared.map((c) => {
      const values = results
        .filter((r) => r.candidate === c.id && !r.error)
        .map((r) => r.phases?.[key])
        .filter(Number.isFinite);
      return values.length ? median(values).toFixed(0) : '–';
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function unthrottledTable(results) {
  const lines = [
    '| page (unthrottled) | runs | runs with a long task | long tasks | longest (ms) |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const c of candidates) {
    const runs = results.filter((r) => r.candidate === c.id && !r.error);
    const withTask = runs.filter((r) => r.longtasks > 0).length;
    const count = runs.reduce((sum, r) => sum + r.longtasks, 0);
    const longest = Math.max(0, ...runs.map((r) => r.longtaskMax));
    lines.push(`| ${c.label} | ${runs.length} | ${withTask} | ${count} | ${longest.toFixed(0)} |`);
  }
  return lines.join('\n');
}

function targets(stats, unthrottled) {
  const [head, embed, vanilla] = compared.map((c) => stats[c.id]);
  const r = (a, b) => (a && b ? a.median / b.median : NaN);
  const ok = (pass) => (pass ? '✅ met' : '❌ missed');
  const lt = (id) => unthrottled.filter((x) => x.candidate === id && !x.error).reduce((s, x) => s + x.longtasks, 0);
  const ratioRows = (label, key, limit) =>
    [
      ['head', head],
      ['one tag', embed],
    ].map(([name, ours]) => {
      const value = r(ours[key], vanilla[key]);
      return [`${label} ≤ ${limit.toFixed(1)}× vanilla (${name})`, `${value.toFixed(2)}×`, value <= limit];
    });
  const rows = [
    ...ratioRows('banner visible', 'visible', 0.8),
    ...ratioRows('script duration', 'script', 1),
    ...ratioRows('accept → analytics', 'acceptToAnalytics', 1),
    [
      'CLS 0 for both of our embeds',
      `head max ${head.cls?.max.toFixed(4)}, one-tag max ${embed.cls?.max.toFixed(4)}`,
      head.cls?.max === 0 && embed.cls?.max === 0,
    ],
    [
      'no long task caused by the component, unthrottled',
      `long tasks: head ${lt('ours-head')}, one-tag ${lt('ours-embed')}, page alone ${lt('none')}`,
      lt('ours-head') <= lt('none') && lt('ours-embed') <= lt('none'),
    ],
  ];
  return [
    '| target | measured | |',
    '|---|---|---|',
    ...rows.map(([t, m, pass]) => `| ${t} | ${m} | ${ok(pass)} |`),
  ].join('\n');
}

function machine(browserVersion) {
  let cpu = 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux
  }
  return { cpus: availableParallelism(), cpu, chromium: browserVersion, node: process.version };
}

// ---- main -----------------------------------------------------------------------------------------

async function main() {
  for (const file of [BUNDLE, `${VANILLA}/cookieconsent.umd.js`, `${VANILLA}/cookieconsent.css`]) {
    if (!existsSync(join(root, file))) {
      console.error(
        `${file} is missing: run \`npm install\` and \`npm run build\` first (\`npm run bench\` does both).`,
      );
      process.exit(1);
    }
  }
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.error("No Chromium found: install Debian's chromium package or set CHROME_PATH.");
    process.exit(1);
  }
  const started = Date.now();
  const loadAtStart = loadavg()[0];
  const server = await serve({
    pages: buildPages(),
    routes: { '/dist/': join(root, 'dist'), '/vcc/': join(root, VANILLA), '/': join(root, 'bench/pages') },
  });
  // vanilla-cookieconsent shows nothing to robots (`navigator.webdriver`, its `hideFromBots`
  // default): without this flag the browser tells every page it is automated.
  const browser = await chromium.launch({
    executablePath,
    args: [...chromiumArgs, '--disable-blink-features=AutomationControlled'],
    headless: true,
  });
  const results = [];
  const unthrottled = [];
  try {
    // One warm-up run each (disk cache of the OS, V8's first compile of Playwright's helpers).
    for (const c of compared) await runOnce(browser, server.url, c, { throttled: true }).catch(() => {});
    for (let run = 0; run < RUNS; run++) {
      // Interleaved, and each run starts with a different candidate.
      const order = compared.map((_, i) => compared[(i + run) % compared.length]);
      for (const c of order) {
        try {
          results.push({ candidate: c.id, run, ...(await runOnce(browser, server.url, c, { throttled: true })) });
        } catch (error) {
          results.push({ candidate: c.id, run, error: String(error.message ?? error) });
          console.error(`run ${run + 1} ${c.id}: ${error.message ?? error}`);
        }
      }
      process.stderr.write(`\rthrottled ${THROTTLE}×: run ${run + 1}/${RUNS}`);
    }
    process.stderr.write('\n');
    for (let run = 0; run < UNTHROTTLED_RUNS; run++) {
      for (const c of candidates.map((_, i) => candidates[(i + run) % candidates.length])) {
        try {
          unthrottled.push({ candidate: c.id, run, ...(await runOnce(browser, server.url, c, { throttled: false })) });
        } catch (error) {
          unthrottled.push({ candidate: c.id, run, error: String(error.message ?? error) });
        }
      }
      process.stderr.write(`\runthrottled: run ${run + 1}/${UNTHROTTLED_RUNS}`);
    }
    process.stderr.write('\n');
  } finally {
    const version = browser.version();
    await browser.close();
    await server.close();
    var info = machine(version);
  }

  const stats = {};
  for (const c of compared) {
    const ok = results.filter((r) => r.candidate === c.id && !r.error);
    stats[c.id] = Object.fromEntries(
      FIGURES.map((f) => [f.key, summary(ok.map((r) => r[f.key]).filter((v) => typeof v === 'number'))]),
    );
  }
  const failures = results.filter((r) => r.error).length + unthrottled.filter((r) => r.error).length;
  const date = new Date().toISOString();
  const bundle = readFileSync(join(root, BUNDLE));
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const command = 'npm run bench';
  const header = [
    `Date: ${date.slice(0, 16).replace('T', ' ')} UTC. Machine: ${info.cpus} CPUs, ${info.cpu}; Chromium ${info.chromium}; Node ${info.node}; ` +
      `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (above ${info.cpus}, other work shared the CPUs: expect noise).`,
    `Command: \`${command}\` (${RUNS} runs per candidate, interleaved, CPU throttled ${THROTTLE}× through the DevTools protocol; ` +
      `viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${UNTHROTTLED_RUNS} unthrottled runs each for the long-task check; ${minutes} min).`,
    `Bundle: \`${BUNDLE}\`, ${bundle.length} B, ${gzipSize(bundle)} B gzip (${gzipMethod}).` +
      (failures ? ` ${failures} run(s) failed and are left out (see the JSON).` : ''),
  ].join('\n');
  const report = `${header}\n\n${table(stats)}\n\n${phaseTable(results)}\n\n${unthrottledTable(unthrottled)}\n\n${targets(stats, unthrottled)}\n`;
  console.log(`\n${report}`);

  const resultsDir = join(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = join(resultsDir, `${date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    jsonFile,
    `${JSON.stringify({ date, machine: { ...info, loadAtStart, loadAtEnd: loadavg()[0] }, runs: RUNS, throttle: THROTTLE, viewport: VIEWPORT, stats, results, unthrottled }, null, 2)}\n`,
  );
  console.log(`Raw figures: ${jsonFile.slice(root.length + 1)}`);
  if (!process.env.BENCH_NO_DOCS) {
    writeFileSync(join(root, 'docs/benchmark.md'), docs(report));
    console.log('Table written to docs/benchmark.md');
  }
}

function docs(report) {
  return `# Benchmark: \`<ma-cookie-consent>\` and vanilla-cookieconsent

The same realistic ministry page (header, menu, six service cards, eight news items, a search
form, a footer, one gated analytics script) served from a loopback port with gzip, once per
consent manager, in Debian's Chromium driven by playwright-core, with no cookie stored (first
visit), the CPU throttled ${THROTTLE}× as on a mid-range phone. Generated by \`bench/run.mjs\`.

- **ours, head**: \`<script src=".../ma-cookie-consent.min.js">\` in \`<head>\`, \`<ma-cookie-consent>\`
  first in \`<body>\` (the banner is part of the first paint).
- **ours, one tag**: only \`<script src=".../ma-cookie-consent.min.js" data-position="bottom" defer>\`.
- **vanilla-cookieconsent 3.1.0**: set up as its "Getting started" page says (deferred CSS in
  \`<head>\`, \`cookieconsent.umd.js\` and a configuration file deferred at the end of \`<body>\`),
  in French, with \`necessary\` and \`analytics\` categories and the same notice text.

How each figure is taken: *banner visible* is the first frame in which the banner is in the
viewport with an opacity above 0 (vanilla's fades in: *fully shown* is when its opacity is 1
and no transition runs), timed after that frame's paint; *script duration* is Chromium's
\`ScriptDuration\` for the page until it settled (${SETTLE_MS} ms after the banner was fully
shown and the page loaded); long tasks and layout shifts come from \`PerformanceObserver\`;
bytes from Resource Timing (\`transferSize\`, headers included); the heap is
\`JSHeapUsedSize\` after a forced garbage collection; *accept → analytics* runs from the click
event on the banner's accept button to the first statement of the gated script (fetched from
the same server).

${report}`;
}

await main();

// `npm run bench`: the same realistic ministry page with each consent manager, in Debian's
// Chromium with the CPU throttled 4× (a mid-range phone), candidates interleaved run by run.
// Prints Markdown tables (medians, min–max, ratios to plain vanilla-cookieconsent and to
// vanilla-cookieconsent + iframemanager doing the same work as ours) and the issue's targets,
// writes the raw figures to bench/results/<date>.json and the report to docs/benchmark.md.
//
//   npm run bench -- --profile[=<id>]  instead: where the JavaScript time of one candidate goes
//                                      (default ours-head; see bench/profile.mjs)
//   npm run bench -- --profile-accept[=<id>]  the same, from the click on accept until the gated
//                                      analytics script has run
//   BENCH_RUNS=15            throttled runs per candidate (at least 15 for the published table)
//   BENCH_UNTHROTTLED_RUNS=5 unthrottled runs per candidate, for the long-task check
//   BENCH_PROFILE_RUNS=8     page loads profiled with --profile
//   BENCH_NO_DOCS=1          do not rewrite docs/benchmark.md (trial runs)
//
// The pieces: candidates.mjs (what is compared, the pages), measure.mjs (one page load and its
// figures), report.mjs (statistics, tables, targets, the docs page), profile.mjs (--profile).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as prettier from 'prettier';
import { chromiumArgs, chromiumPath } from '../scripts/browser.mjs';
import { gzipMethod, gzipSize } from '../scripts/size.mjs';
import { BUNDLE, buildPages, candidates, compared, routes } from './candidates.mjs';
import { runOnce, SETTLE_MS, THROTTLE, VIEWPORT } from './measure.mjs';
import { profile } from './profile.mjs';
import { docs, phaseTable, sizeTable, statistics, table, targets, unthrottledTable } from './report.mjs';
import { serve } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const UNTHROTTLED_RUNS = Number(process.env.BENCH_UNTHROTTLED_RUNS ?? 5);

function parseArgs(argv) {
  const options = { profile: null, phase: 'load' };
  for (const arg of argv) {
    const [name, value] = arg.split('=');
    if (name === '--profile' || name === '--profile-accept') {
      options.profile = value ?? 'ours-head';
      options.phase = name === '--profile' ? 'load' : 'accept';
    } else {
      console.error(`Unknown argument ${arg}. Usage: node bench/run.mjs [--profile[=<candidate id>]]`);
      process.exit(1);
    }
  }
  if (options.profile && !compared.some((c) => c.id === options.profile)) {
    console.error(`--profile: no candidate "${options.profile}" (${compared.map((c) => c.id).join(', ')}).`);
    process.exit(1);
  }
  return options;
}

/** gzip -9 of each file of each candidate on disk, summed; configuration files without comments. */
function staticSizes() {
  const sizes = {};
  for (const c of compared) {
    const files = c.sizeFiles.map(({ path, config }) => {
      let data = readFileSync(join(root, path));
      if (config) data = Buffer.from(withoutComments(data.toString('utf8')));
      return { path, config, bytes: data.length, gzip: gzipSize(data) };
    });
    sizes[c.id] = {
      files,
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    };
  }
  return sizes;
}

/** Whole-line comments only (`// …`, `/* global … *\/`): the configuration files keep none inline. */
const withoutComments = (text) =>
  text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*.*\*\/\s*$)/.test(line))
    .join('\n');

function machine(browserVersion) {
  let cpu = 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux
  }
  return { cpus: availableParallelism(), cpu, chromium: browserVersion, node: process.version };
}

/** Throttled runs (interleaved, each run starting with another candidate), then unthrottled ones. */
async function measure(browser, base) {
  const results = [];
  const unthrottled = [];
  // One warm-up run each (disk cache of the OS, V8's first compile of Playwright's helpers).
  for (const c of compared) await runOnce(browser, base, c, { throttled: true }).catch(() => {});
  for (let run = 0; run < RUNS; run++) {
    for (const c of compared.map((_, i) => compared[(i + run) % compared.length])) {
      try {
        results.push({ candidate: c.id, run, ...(await runOnce(browser, base, c, { throttled: true })) });
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
        unthrottled.push({ candidate: c.id, run, ...(await runOnce(browser, base, c, { throttled: false })) });
      } catch (error) {
        unthrottled.push({ candidate: c.id, run, error: String(error.message ?? error) });
      }
    }
    process.stderr.write(`\runthrottled: run ${run + 1}/${UNTHROTTLED_RUNS}`);
  }
  process.stderr.write('\n');
  return { results, unthrottled };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const needed = [BUNDLE, ...new Set(compared.flatMap((c) => c.sizeFiles.map((f) => f.path)))];
  if (options.profile) needed.push(`${BUNDLE}.map`);
  for (const file of needed) {
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
  const server = await serve({ pages: buildPages(root), routes: routes(root) });
  // vanilla-cookieconsent shows nothing to robots (`navigator.webdriver`, its `hideFromBots`
  // default): without this flag the browser tells every page it is automated.
  const browser = await chromium.launch({
    executablePath,
    args: [...chromiumArgs, '--disable-blink-features=AutomationControlled'],
    headless: true,
  });
  let measured;
  let info;
  try {
    if (options.profile) {
      await profile(
        browser,
        server.url,
        compared.find((c) => c.id === options.profile),
        root,
        options.phase,
      );
      return;
    }
    measured = await measure(browser, server.url);
  } finally {
    info = machine(browser.version());
    await browser.close();
    await server.close();
  }
  const { results, unthrottled } = measured;

  const stats = statistics(results);
  const sizes = staticSizes();
  const failures = results.filter((r) => r.error).length + unthrottled.filter((r) => r.error).length;
  const date = new Date().toISOString();
  const bundle = readFileSync(join(root, BUNDLE));
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const header = [
    `Date: ${date.slice(0, 16).replace('T', ' ')} UTC. Machine: ${info.cpus} CPUs, ${info.cpu}; Chromium ${info.chromium}; Node ${info.node}; ` +
      `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (above ${info.cpus}, other work shared the CPUs: expect noise).`,
    `Command: \`npm run bench\` (${RUNS} runs per candidate, interleaved, CPU throttled ${THROTTLE}× through the DevTools protocol; ` +
      `viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${UNTHROTTLED_RUNS} unthrottled runs each for the long-task check; ${minutes} min).`,
    `Bundle: \`${BUNDLE}\`, ${bundle.length} B, ${gzipSize(bundle)} B gzip (${gzipMethod}).` +
      (failures ? ` ${failures} run(s) failed and are left out (see the JSON).` : ''),
  ].join('\n');
  const report = [
    header,
    table(stats),
    phaseTable(results, THROTTLE),
    unthrottledTable(unthrottled),
    sizeTable(sizes, gzipMethod),
    '## Targets',
    targets(stats, unthrottled, sizes),
  ].join('\n\n');
  console.log(`\n${report}\n`);

  const resultsDir = join(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = join(resultsDir, `${date.replace(/[:.]/g, '-')}.json`);
  const json = {
    date,
    machine: { ...info, loadAtStart, loadAtEnd: loadavg()[0] },
    runs: RUNS,
    throttle: THROTTLE,
    viewport: VIEWPORT,
    stats,
    sizes,
    results,
    unthrottled,
  };
  writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Raw figures: ${jsonFile.slice(root.length + 1)}`);
  if (!process.env.BENCH_NO_DOCS) {
    const docsFile = join(root, 'docs/benchmark.md');
    const text = docs(report, { throttle: THROTTLE, settleMs: SETTLE_MS });
    // Laid out as `npm run lint` (prettier --check) expects it.
    const config = (await prettier.resolveConfig(docsFile)) ?? {};
    writeFileSync(docsFile, await prettier.format(text, { ...config, filepath: docsFile }));
    console.log('Report written to docs/benchmark.md');
  }
}

await main();

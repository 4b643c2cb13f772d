// `npm run bench -- --profile[=<candidate id>]`: where a candidate's main-thread JavaScript time
// goes on a first visit. N page loads (BENCH_PROFILE_RUNS, default 8), each recorded with the
// DevTools protocol's sampling Profiler under the same throttle as the benchmark, from just before
// the navigation until the page has settled. Self time is summed per function across the loads;
// frames of our bundle are mapped through its source map to the original file, line and function;
// other frames are grouped by script URL or by V8's own name ("(program)", "(garbage collector)");
// built-in and DOM functions (no URL) are charged to the script (or bundle function) calling them.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { BUNDLE } from './candidates.mjs';
import { OBSERVER_URL, openPage, THROTTLE } from './measure.mjs';

const RUNS = Number(process.env.BENCH_PROFILE_RUNS ?? 8);
/** µs between samples: fine enough for functions of a fraction of a millisecond. */
const SAMPLING_INTERVAL_US = 100;
const TOP = 20;

/**
 * Profiles `candidate` and prints the table; `root` is the repository. `phase`: `load` (from just
 * before the navigation until the page settled) or `accept` (from the click on accept until the
 * gated analytics script has run).
 */
export async function profile(browser, base, candidate, root, phase = 'load') {
  const bundle = bundleMapper(root);
  const totals = new Map(); // key → { label, ms }
  let jsMs = 0;
  let programMs = 0;
  const scriptDurations = [];
  for (let run = 0; run < RUNS; run++) {
    const start = async (session) => {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
      await session.send('Profiler.start');
    };
    const { context, page, cdp } = await openPage(browser, base, candidate, {
      throttled: true,
      beforeLoad: phase === 'load' ? start : undefined,
    });
    try {
      if (phase === 'accept') {
        await start(cdp);
        await page.locator(candidate.accept).first().click();
        await page.waitForFunction(() => window.__analyticsAt !== undefined, null, { polling: 20 });
      }
      const { profile: p } = await cdp.send('Profiler.stop');
      const { metrics } = await cdp.send('Performance.getMetrics');
      scriptDurations.push(metrics.find((m) => m.name === 'ScriptDuration').value * 1000);
      const parents = new Map(p.nodes.flatMap((n) => (n.children ?? []).map((child) => [child, n])));
      const groupOfFrame = (frame) => (frame.url.endsWith(`/${BUNDLE}`) ? bundle(frame) : groupOf(frame, base));
      for (const [node, ms] of selfTimes(p)) {
        const { functionName, url } = node.callFrame;
        if (functionName === '(idle)' || functionName === '(root)') continue;
        if (functionName === '(program)') programMs += ms;
        else jsMs += ms;
        let group;
        if (url || functionName.startsWith('(')) group = groupOfFrame(node.callFrame);
        else {
          // A built-in or DOM function, or one of Playwright's helpers (no URL of their own): charged
          // to the nearest caller with a URL.
          let caller = parents.get(node.id);
          while (caller && !caller.callFrame.url) caller = parents.get(caller.id);
          const owner = caller ? groupOfFrame(caller.callFrame) : NO_URL;
          // Whole-file rows take them in; a function of our bundle gets a row per built-in it calls.
          group = caller?.callFrame.url.endsWith(`/${BUNDLE}`)
            ? {
                key: `${owner.key} > ${functionName}`,
                label: `${functionName || '(anonymous)'}, called by ${owner.label}`,
              }
            : owner;
        }
        const { key, label } = group;
        const entry = totals.get(key) ?? { label, ms: 0 };
        entry.ms += ms;
        totals.set(key, entry);
      }
    } finally {
      await context.close();
    }
    process.stderr.write(`\rprofiling ${candidate.id}: load ${run + 1}/${RUNS}`);
  }
  process.stderr.write('\n');

  const perLoad = (ms) => ms / RUNS;
  const rows = [...totals.values()].sort((a, b) => b.ms - a.ms).slice(0, TOP);
  const meanScript = scriptDurations.reduce((s, v) => s + v, 0) / RUNS;
  const lines = [
    `Profile of \`${candidate.id}\` (${candidate.label}): ${RUNS} first-visit loads, CPU throttled ${THROTTLE}×, ` +
      `sampled every ${SAMPLING_INTERVAL_US} µs ${phase === 'load' ? 'from just before the navigation until the page settled' : 'from the click on accept until the gated analytics script ran'}.`,
    `JavaScript per load: ${perLoad(jsMs).toFixed(1)} ms of samples (every frame but (program), (idle) and (root)); ` +
      `(program), the browser's own work outside JavaScript: ${perLoad(programMs).toFixed(1)} ms; ` +
      `CDP ScriptDuration of the same loads: ${meanScript.toFixed(1)} ms (the profiler's own overhead is in both).`,
    '',
    `| # | self time in (top ${TOP}) | mean ms per load | % of the load's JS |`,
    '|---:|---|---:|---:|',
    ...rows.map(
      (r, i) =>
        `| ${i + 1} | ${r.label} | ${perLoad(r.ms).toFixed(2)} | ${r.label === '(program)' ? '(not JS)' : `${((100 * r.ms) / jsMs).toFixed(1)} %`} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}\n`);
}

/**
 * Self time (ms) per profile node: each sample's node is charged the time until the next sample
 * (the last one until the profile's end), as DevTools does.
 */
function selfTimes(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = p.startTime;
  const stamps = p.timeDeltas.map((d) => (t += d));
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]);
    const us = (i + 1 < stamps.length ? stamps[i + 1] : p.endTime) - stamps[i];
    self.set(node, (self.get(node) ?? 0) + us / 1000);
  }
  return self;
}

/** Functions without a URL and without a caller that has one: Playwright's page.evaluate helpers. */
const NO_URL = { key: '(no URL)', label: "scripts without a URL (Playwright's page.evaluate helpers)" };

/**
 * Non-bundle frames: V8's pseudo-frames by name ("(program)", "(garbage collector)"), the
 * benchmark's observer and the page's scripts by URL path (one row per file).
 */
function groupOf({ functionName, url }, base) {
  if (!url) return functionName.startsWith('(') ? { key: functionName, label: functionName } : NO_URL;
  if (url === OBSERVER_URL) return { key: url, label: "the benchmark's own observer (`observe` in bench/measure.mjs)" };
  const path = url.startsWith(base) ? url.slice(base.length) : url;
  return { key: path, label: `\`${path}\` (whole file)` };
}

/**
 * Maps a frame of the minified bundle (one long line: the column matters) to its original file,
 * line, column and function name. V8 places a function at its parameter list (or its `function`/`class`
 * keyword); the original name is the mapping's own name there, else that of the identifier just
 * before the parameters (`name(`, `name=(`, `name:(`), else V8's (possibly minified) name.
 */
function bundleMapper(root) {
  const file = join(root, BUNDLE);
  const code = readFileSync(file, 'utf8');
  const payload = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const map = new SourceMap(payload);
  const mapDir = resolve(file, '..', payload.sourceRoot ?? '');
  const short = (source) => {
    const path = relative(root, resolve(mapDir, source));
    const nm = path.lastIndexOf('node_modules/');
    return nm === -1 ? path : path.slice(nm + 'node_modules/'.length);
  };
  const nameBefore = (line, column) => {
    let end = column;
    while (end > 0 && /[\s=:]/.test(code[end - 1]) && column - end < 3) end--;
    let start = end;
    while (start > 0 && /[\w$]/.test(code[start - 1])) start--;
    return start < end ? map.findEntry(line, start)?.name : undefined;
  };
  return ({ functionName, lineNumber, columnNumber }) => {
    const entry = map.findEntry(lineNumber, columnNumber);
    if (!entry?.originalSource) {
      // The wrapper rollup writes around the modules (`!function(){…}()`): every module's top level.
      const label =
        columnNumber === 0
          ? "the bundle's script (top level, before its IIFE)"
          : columnNumber < 16 && !functionName
            ? "the bundle's IIFE body (every module's top-level code; unmapped)"
            : `${functionName || '(anonymous)'} (bundle, unmapped: column ${columnNumber})`;
      return { key: `bundle:${lineNumber}:${columnNumber}`, label };
    }
    const name = entry.name ?? nameBefore(lineNumber, columnNumber) ?? (functionName || '(anonymous)');
    const where = `${short(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    return { key: `${where}:${name}`, label: `${name} (${where})` };
  };
}

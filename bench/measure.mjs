// One page load of one candidate, measured: the in-page observer (`observe`), the load itself
// (`openPage`, shared with the profiler), and the figures taken once the page has settled (`runOnce`).
/* global window, document, performance, PerformanceObserver, MutationObserver,
   IntersectionObserver, addEventListener, requestAnimationFrame */

export const THROTTLE = 4;
export const VIEWPORT = { width: 412, height: 915 };
/** After the banner is fully shown and the page has loaded: time for late work to show up. */
export const SETTLE_MS = 500;
const RUN_TIMEOUT_MS = 20000;
/** The script URL of `observe` in the page (it has no other). */
export const OBSERVER_URL = 'bench-observer.js';

// ---- in the page: what is measured ------------------------------------------------------------------

/**
 * Runs before any of the page's scripts. Records long tasks, layout shifts, the first click, and
 * when the banner is first visible (in the viewport, rendered, not hidden, opacity above 0) and
 * fully shown (no transition or animation running any more).
 *
 * That check is script of the page too (ScriptDuration counts it), so it is made as cheap as it
 * can be, the same for every candidate: once a frame it only looks for the banner (no style or
 * layout read); once found, an IntersectionObserver (computed by the browser while it renders)
 * says when it is in the viewport, `checkVisibility` whether it (and its ancestors) are shown,
 * and `transitionend`/`animationend` when a fade-in ends. It keeps its own time in `observerMs`.
 * `watchInsertions` is only called just before the click: a MutationObserver on the whole
 * document from the start would also run for every node the parser inserts.
 */
function observe(findBanner) {
  const bench = (window.__bench = {
    longtasks: [],
    cls: 0,
    shifts: [],
    clickAt: null,
    visibleAt: null,
    shownAt: null,
    observerMs: 0,
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        bench.cls += e.value;
        // What moved, for the JSON: a shift on one run in fifteen is easier to explain with it.
        const nodes = (e.sources ?? []).map(({ node }) =>
          node?.nodeType === 1
            ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.className ? `.${String(node.className).split(' ')[0]}` : ''}`
            : node?.nodeName,
        );
        bench.shifts.push({ at: e.startTime, value: e.value, nodes });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // an older browser: the figures stay empty
  }
  addEventListener('click', (event) => (bench.clickAt ??= event.timeStamp), true);
  // When the consent manager puts the executable copy of the gated script in the page.
  bench.watchInsertions = () =>
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
  let shown;
  bench.ready = Promise.all([new Promise((done) => (shown = done)), loaded]);
  // The banner's element and its ancestors, through shadow roots: a fade-in may run on any.
  const lineage = (el) => {
    const set = new Set();
    for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) set.add(n);
    return set;
  };
  const timed =
    (work) =>
    (...args) => {
      const start = performance.now();
      work(...args);
      bench.observerMs += performance.now() - start;
    };
  let banner = null;
  let inView = false;
  // `at`: when the state being checked was rendered (an IntersectionObserver entry's time, a
  // frame's time, an event's time), not when this code got to run: on a page still being
  // parsed, tasks wait, and the banner was on screen before they ran.
  const check = timed((at) => {
    if (bench.shownAt !== null || !banner || !inView) return;
    const options = { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true };
    if (!banner.checkVisibility(options)) return;
    bench.visibleAt ??= at;
    const family = lineage(banner);
    const fading = banner
      .getAnimations({ subtree: true })
      .concat(document.getAnimations().filter((a) => family.has(a.effect?.target)))
      .some((a) => a.playState === 'running');
    if (fading) return;
    bench.shownAt = at;
    shown();
  });
  // During a fade-in, the first frame with an opacity above 0 is looked for frame by frame.
  const fade = (time) => {
    check(time);
    if (bench.visibleAt === null) requestAnimationFrame(fade);
  };
  addEventListener('transitionrun', () => requestAnimationFrame(fade), true);
  addEventListener('animationstart', () => requestAnimationFrame(fade), true);
  addEventListener('transitionend', (event) => check(event.timeStamp), true);
  addEventListener('animationend', (event) => check(event.timeStamp), true);
  // Until the banner exists, each frame only looks for it: no style or layout is read, so the
  // page's first layout is not forced into the page's script time.
  const look = timed(() => {
    banner = find();
    if (!banner) return requestAnimationFrame(look);
    new IntersectionObserver((entries) => {
      const entry = entries.find((e) => e.isIntersecting);
      inView = !!entry;
      if (entry) check(entry.time);
    }).observe(banner);
  });
  requestAnimationFrame(look);
}

// ---- one run ------------------------------------------------------------------------------------

/**
 * A first visit (a fresh context: no cookie, no cache) to the candidate's page, with the CPU
 * throttled or not; `beforeLoad(cdp)` runs just before the navigation (the profiler starts there).
 * Resolves once the page has settled: banner fully shown, page loaded, then SETTLE_MS. The caller
 * closes the returned context.
 */
export async function openPage(browser, base, candidate, { throttled, beforeLoad }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-MA' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttled ? THROTTLE : 1 });
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    // Named, so that a profile tells the benchmark's own work from the page's.
    await page.addInitScript({
      content: `(${observe})(${JSON.stringify(candidate.banner)});\n//# sourceURL=${OBSERVER_URL}`,
    });
    await beforeLoad?.(cdp);
    await page.goto(`${base}/${candidate.id}.html`, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS });
    await withTimeout(
      page.evaluate(() => window.__bench.ready),
      RUN_TIMEOUT_MS,
      'banner never fully shown',
    );
    await page.waitForTimeout(SETTLE_MS);
    return { context, page, cdp };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** One measured run: the figures of the main table, then (throttled) the accept → analytics time. */
export async function runOnce(browser, base, candidate, { throttled }) {
  const { context, page, cdp } = await openPage(browser, base, candidate, { throttled });
  try {
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
        observerMs: b.observerMs,
        cls: b.cls,
        shifts: b.shifts.slice(),
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
      observer: seen.observerMs,
      scriptNet: before.ScriptDuration * 1000 - seen.observerMs,
      task: before.TaskDuration * 1000,
      longtasks: seen.longtasks.length,
      longtaskMs: seen.longtasks.reduce((sum, t) => sum + t.duration, 0),
      longtaskMax: Math.max(0, ...seen.longtasks.map((t) => t.duration)),
      cls: seen.cls,
      shifts: seen.shifts,
      ownBytes: seen.ownBytes,
      pageBytes: seen.pageBytes,
      heap,
      phases: { ownLoaded: seen.ownLoaded, parsed: seen.parsed, fcp: seen.fcp },
    };
    if (candidate.accept && throttled) {
      await page.evaluate(() => window.__bench.watchInsertions());
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

export function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
  ]);
}

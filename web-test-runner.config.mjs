// Tests run in a real Chromium (Debian's package, or CHROME_PATH) and a real Firefox (Debian's
// firefox-esr, or FIREFOX_PATH), in Lit's development mode (which throws on real mistakes) or,
// with LIT_MODE=production, in the mode sites ship.
//
// Firefox is driven through the same launcher as Chromium: puppeteer-core speaks WebDriver BiDi
// to it, so no second test-runner package (and no downloaded browser) is needed.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { existsSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from './scripts/browser.mjs';
import { testServerPlugin } from './test/server-plugin.mjs';
import { a11yMediaPlugin } from './test/a11y-media-plugin.mjs';

const production = process.env.LIT_MODE === 'production';
// BROWSERS=chromium or BROWSERS=firefox runs one browser only (for a quick local loop).
const wanted = (process.env.BROWSERS ?? 'chromium firefox').split(/[\s,]+/).filter(Boolean);

function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

const browsers = [];
if (wanted.includes('chromium')) {
  const chromium = chromeLauncher({
    launchOptions: { executablePath: chromiumPath() ?? undefined, headless: true, args: chromiumArgs },
  });
  // The launcher calls every browser it starts itself "Chrome"; this one is Debian's Chromium.
  chromium.name = 'Chromium';
  browsers.push(chromium);
}
if (wanted.includes('firefox')) {
  const firefox = firefoxPath();
  if (firefox) {
    browsers.push(
      chromeLauncher({
        puppeteer: puppeteerCore,
        launchOptions: { browser: 'firefox', executablePath: firefox, headless: true },
      }),
    );
  } else {
    console.warn(
      '\n[tests] No Firefox found: the tests run in Chromium only this time.\n' +
        '        Install it (Debian/Ubuntu: apt-get install firefox-esr) or set FIREFOX_PATH; CI installs it.\n',
    );
  }
}

export default {
  // The adversarial suite attacks the built bundle, which is the same in both Lit modes: it runs
  // once per browser, in the development-mode pass. (`npm test` runs the production-mode pass in
  // Chromium only: the browsers' differences are covered by the first pass, and CI stays short.)
  files: production ? ['test/**/*.test.ts', '!test/adversarial/**'] : ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: production ? ['production', 'default'] : ['development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    testServerPlugin(),
    a11yMediaPlugin(),
  ],
  browsers,
  // One test file at a time in each browser: files share that browser's cookie jar and
  // BroadcastChannels. Chromium and Firefox (separate jars) run side by side.
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 180000,
  // One retry: on this 2-core machine two browsers run side by side, and a few page tests that
  // wait on real reloads and network timing have failed once in many runs (Firefox over BiDi).
  // A test must still pass in full; a failure that repeats fails the run.
  testFramework: { config: { timeout: 10000, retries: 1 } },
  // test/chai-setup.ts first: failed assertions on DOM nodes are reported instead of stalling.
  testRunnerHtml: (framework) =>
    `<!doctype html><html><body><script type="module" src="/test/chai-setup.ts"></script><script type="module" src="${framework}"></script></body></html>`,
};

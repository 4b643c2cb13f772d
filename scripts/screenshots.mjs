/* global document, HTMLElement, requestAnimationFrame -- used inside page.evaluate() callbacks, which run in the browser */
// `npm run screenshots`: PNGs of every state (banner, confirmation, dialog, manage button, the
// banner docked with position="bottom", and the placeholder of the blocked video) in French and
// Arabic, light and dark, at 320×640 and desktop size, and of the first layer at 360×740, into
// docs/screenshots/. Needs a built bundle (dist/ma-cookie-consent.min.js).
//
// Files are named <state>-<lang>-<theme>-<size>.png, e.g. dialog-ar-light-desktop.png.
import { existsSync, mkdirSync } from 'node:fs';
import { startDevServer } from '@web/dev-server';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './browser.mjs';

if (!existsSync(new URL('../dist/ma-cookie-consent.min.js', import.meta.url))) {
  console.error('No dist/ma-cookie-consent.min.js: build first (npm run build).');
  process.exit(1);
}

const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });
const server = await startDevServer({
  config: { rootDir: '.', port: 0, hostname: 'localhost', open: false, watch: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const base = `http://localhost:${server.server.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: chromiumArgs });

const sizes = {
  mobile: { width: 320, height: 640 },
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
};
const states = ['banner', 'confirmation', 'dialog', 'manage', 'docked', 'placeholder'];
// At 360×740, the first layer only (the states that change with the phone's size).
const statesAt = (size) => (size === 'phone' ? ['banner', 'docked'] : states);
let count = 0;
try {
  for (const lang of ['fr', 'ar']) {
    for (const theme of ['light', 'dark']) {
      for (const [size, viewport] of Object.entries(sizes)) {
        // The demo's element follows the system theme (theme="auto"); reduced motion so that no
        // colour is caught half-way through a transition.
        const context = await browser.newContext({
          viewport,
          colorScheme: theme,
          reducedMotion: 'reduce',
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        for (const state of statesAt(size)) {
          await context.clearCookies();
          await page.goto(`${base}/demo/${lang === 'ar' ? 'ar.html' : 'index.html'}`);
          const host = page.locator('ma-cookie-consent');
          await host.evaluate((el) => el.updateComplete);
          if (state === 'docked') {
            await host.evaluate((el) => {
              el.setAttribute('position', 'bottom');
              return el.updateComplete;
            });
          }
          // Real clicks, as a visitor would: refuse shows the confirmation, customize the dialog.
          if (state === 'confirmation') await host.locator('[part~="refuse"]').first().click();
          if (state === 'placeholder') {
            await page.locator('ma-consent-placeholder').waitFor();
            await page.evaluate(() =>
              document.querySelector('ma-consent-placeholder').scrollIntoView({ block: 'center' }),
            );
          }
          if (state === 'dialog') await host.locator('[part~="customize"]').click();
          if (state === 'manage') {
            await host.locator('[part~="refuse"]').first().click();
            await host.locator('[part~="hide"]').click();
            // The button keeps focus after hiding; a screenshot shows it at rest.
            await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
          }
          await host.evaluate((el) => el.updateComplete);
          await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          );
          const file = `${state}-${lang}-${theme}-${size}.png`;
          await page.screenshot({ path: new URL(file, out).pathname, fullPage: false });
          count++;
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`${count} screenshots in docs/screenshots/`);

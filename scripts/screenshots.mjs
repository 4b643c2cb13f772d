// `npm run screenshots`: PNGs of every state (banner, confirmation, dialog, manage button) in
// French and Arabic, light and dark, at 320 px and desktop width, into docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { startDevServer } from '@web/dev-server';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './browser.mjs';

const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });
const server = await startDevServer({
  config: { rootDir: '.', port: 0, hostname: 'localhost', open: false, watch: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const base = `http://localhost:${server.server.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

const widths = { mobile: { width: 320, height: 640 }, desktop: { width: 1280, height: 800 } };
const states = ['banner', 'confirmation', 'dialog', 'manage'];
let count = 0;
try {
  for (const lang of ['fr', 'ar']) {
    for (const theme of ['light', 'dark']) {
      for (const [size, viewport] of Object.entries(widths)) {
        const context = await browser.newContext({ viewport, colorScheme: theme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        for (const state of states) {
          await context.clearCookies();
          await page.goto(`${base}/demo/${lang === 'ar' ? 'ar.html' : 'index.html'}`);
          const host = page.locator('ma-cookie-consent');
          await host.evaluate((el) => el.updateComplete);
          if (state === 'confirmation') await host.locator('[part~="refuse"]').first().click();
          if (state === 'manage') {
            await host.evaluate((el) => el.refuseAll());
          }
          if (state === 'dialog') await host.locator('[part~="customize"]').click();
          await page.waitForTimeout(150);
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

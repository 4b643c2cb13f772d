// Test-runner command `ma-a11y-media`: emulates prefers-color-scheme, prefers-reduced-motion and
// forced-colors together, in one DevTools call.
//
// Why not @web/test-runner-commands' emulateMedia: with the puppeteer launcher it ignores
// `forcedColors` (Playwright-only there), and puppeteer itself refuses the `forced-colors`
// feature. Chromium's DevTools protocol accepts it, so this command sends
// Emulation.setEmulatedMedia directly. Every call replaces the whole set (an empty payload
// clears all emulation). Browsers without the DevTools protocol (Firefox over WebDriver BiDi)
// get `{ emulated: false }` and the tests fall back to applying the CSS blocks themselves.

const sessions = new WeakMap();

export function a11yMediaPlugin() {
  return {
    name: 'ma-a11y-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ma-a11y-media') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page || page.browser?.().cdpSupported === false) return { emulated: false };
      let client = sessions.get(page);
      if (!client) {
        try {
          client = await page.createCDPSession();
        } catch {
          return { emulated: false };
        }
        sessions.set(page, client);
      }
      const media = payload ?? {};
      const features = [
        { name: 'prefers-color-scheme', value: media.colorScheme ?? '' },
        { name: 'prefers-reduced-motion', value: media.reducedMotion ?? '' },
        { name: 'forced-colors', value: media.forcedColors ?? '' },
      ];
      await client.send('Emulation.setEmulatedMedia', { media: '', features });
      return { emulated: true };
    },
  };
}

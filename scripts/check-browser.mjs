// `npm test` starts here: without a browser, stop at once and say what to install.
import { chromiumPath } from './browser.mjs';

if (!chromiumPath()) {
  console.error(
    'No Chromium found: the tests run in a real browser.\n' +
      'Install it (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.',
  );
  process.exit(1);
}

// Tests run in a real Chromium (Debian's package, or CHROME_PATH), in Lit's development mode
// (which throws on real mistakes) or, with LIT_MODE=production, in the mode sites ship.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/browser.mjs';
import { testServerPlugin } from './test/server-plugin.mjs';

const production = process.env.LIT_MODE === 'production';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: production ? ['production', 'default'] : ['development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), testServerPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath() ?? undefined, headless: true, args: chromiumArgs },
    }),
  ],
  // One test file at a time: files share the browser's cookie jar and BroadcastChannels.
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 10000 } },
};

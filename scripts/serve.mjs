// `npm start`: serves the demo (after `npm run build`) and prints where to open it.
import { startDevServer } from '@web/dev-server';

const port = Number(process.env.PORT ?? 8000);
await startDevServer({
  config: { rootDir: '.', port, hostname: 'localhost', open: false, watch: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`\nDemo (French):  http://localhost:${port}/demo/`);
console.log(`Demo (Arabic):  http://localhost:${port}/demo/ar.html\nPress Ctrl+C to stop.`);

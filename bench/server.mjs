// A tiny static server on a loopback port for the benchmark. Like a real site's server, it
// gzips text files (level 9, once per file) when the browser accepts it; nothing is cached by
// the browser (`no-store`), so every run downloads everything.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves in-memory `pages` (path → HTML) and `routes` (URL prefix → directory). Returns
 * { url, close }. Paths that leave their directory are refused.
 */
export async function serve({ routes = {}, pages = {} } = {}) {
  const mounts = Object.entries(routes)
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const gzipped = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let body;
    let type;
    if (Object.hasOwn(pages, path)) {
      body = Buffer.from(pages[path]);
      type = TYPES['.html'];
    } else {
      const mount = mounts.find(([prefix]) => path.startsWith(prefix));
      if (!mount) return notFound(res);
      const [prefix, dir] = mount;
      const file = normalize(resolve(dir, `.${sep}${path.slice(prefix.length)}`));
      if (file !== dir && !file.startsWith(dir + sep)) return notFound(res);
      try {
        body = await readFile(file);
      } catch {
        return notFound(res);
      }
      type = TYPES[extname(file)] ?? 'application/octet-stream';
    }
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && !type.startsWith('application/octet')) {
      const key = `${path}\0${body.length}`;
      if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
      body = gzipped.get(key);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('not found');
}

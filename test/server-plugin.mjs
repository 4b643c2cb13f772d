// Test-server endpoints that let a test see what the browser really requested:
//   GET /__hits/<key>.js       a script that counts its own download (optionally ?delay=ms)
//   GET /__hits?key=<key>      how many times that script was requested
//   POST /__receipts           stores a proof-of-consent receipt; GET /__receipts lists them
//   GET /__page/<name>.html?key=K fills test/fixtures/<name>.html ({{key}}, {{nonce}}, {{attrs}});
//                                 with &csp=strict it is served under a strict Content-Security-Policy
//                                 (&tt=1 adds Trusted Types)
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

const hits = new Map();
const receipts = [];

export function testServerPlugin() {
  return {
    name: 'ma-test-server',
    async serve(context) {
      const url = new URL(context.request.url, 'http://localhost');
      const hit = url.pathname.match(/^\/__hits\/([\w-]+)\.js$/);
      if (hit) {
        const key = hit[1];
        hits.set(key, (hits.get(key) ?? 0) + 1);
        const delay = Number(url.searchParams.get('delay') ?? 0);
        if (delay) await new Promise((r) => setTimeout(r, Math.min(delay, 5000)));
        const body = `(window.__runs = window.__runs || []).push(${JSON.stringify(key)});`;
        return { body, type: 'js', headers: { 'cache-control': 'no-store' } };
      }
      const page = url.pathname.match(/^\/__page\/([\w-]+)\.html$/);
      if (page) {
        const nonce = randomBytes(12).toString('base64');
        const template = await readFile(new URL(`./fixtures/${page[1]}.html`, import.meta.url), 'utf8');
        const body = template
          .replaceAll('{{key}}', url.searchParams.get('key') ?? 'none')
          .replaceAll('{{nonce}}', nonce)
          .replaceAll('{{attrs}}', url.searchParams.get('attrs') ?? '');
        const headers = { 'cache-control': 'no-store' };
        if (url.searchParams.get('csp') === 'strict') {
          headers['content-security-policy'] =
            `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; frame-src 'self'` +
            (url.searchParams.get('tt') ? "; require-trusted-types-for 'script'; trusted-types ma-cookie-consent lit-html" : '');
        }
        return { body, type: 'html', headers };
      }
      if (url.pathname === '/__hits') {
        return { body: JSON.stringify({ count: hits.get(url.searchParams.get('key')) ?? 0 }), type: 'json' };
      }
      if (url.pathname === '/__receipts') {
        if (context.method === 'POST') {
          receipts.push(await readBody(context.req));
          return { body: '{}', type: 'json' };
        }
        return { body: JSON.stringify(receipts), type: 'json' };
      }
      return undefined;
    },
  };
}

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
  });
}

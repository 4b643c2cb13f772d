// Test-server endpoints that let a test see what the browser really requested:
//   GET /__hits/<key>.js       a script that counts its own download (optionally ?delay=ms)
//   GET /__hits?key=<key>      how many times that script (or embed) was requested
//   GET /__embed/<key>.html    an embeddable page (a video, a map) that counts its own requests
//   POST /__receipts           stores a proof-of-consent receipt; GET /__receipts lists them
//   GET /__page/<name>.html?key=K fills test/fixtures/<name>.html ({{key}}, {{nonce}}, {{attrs}}, {{defer}});
//                                 with &csp=strict it is served under a strict Content-Security-Policy
//                                 (&csp=dynamic: nonce and 'strict-dynamic'; &tt=1 adds Trusted Types;
//                                 &tt=dup, &tt=own, &tt=lit: see trustedTypesPolicies)
//   GET /__adv/<name>.html         test/fixtures/adversarial/<name>.html, with injected parts (see below)
//   GET /__adv-hang/<key>.js       a counted script whose response does not come (see below)
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
      const embed = url.pathname.match(/^\/__embed\/([\w-]+)\.html$/);
      if (embed) {
        hits.set(embed[1], (hits.get(embed[1]) ?? 0) + 1);
        const body = `<!doctype html><html lang="fr"><title>Contenu intégré</title><body style="margin:0;background:#123;color:#fff">Vidéo ${embed[1]}</body></html>`;
        return { body, type: 'html', headers: { 'cache-control': 'no-store' } };
      }
      const page = url.pathname.match(/^\/__page\/([\w-]+)\.html$/);
      if (page) {
        const nonce = randomBytes(12).toString('base64');
        const template = await readFile(new URL(`./fixtures/${page[1]}.html`, import.meta.url), 'utf8');
        const body = template
          .replaceAll('{{key}}', url.searchParams.get('key') ?? 'none')
          .replaceAll('{{nonce}}', nonce)
          .replaceAll('{{attrs}}', url.searchParams.get('attrs') ?? '')
          .replaceAll('{{defer}}', url.searchParams.has('defer') ? ' defer' : '');
        const headers = { 'cache-control': 'no-store' };
        const csp = url.searchParams.get('csp');
        if (csp === 'strict' || csp === 'dynamic') {
          // &csp=dynamic: the nonce-only policy with 'strict-dynamic' many sites now use instead
          // of host lists (scripts the page's trusted scripts insert are trusted in turn).
          const scripts = csp === 'dynamic' ? `'nonce-${nonce}' 'strict-dynamic'` : `'self' 'nonce-${nonce}'`;
          headers['content-security-policy'] =
            `default-src 'self'; script-src ${scripts}; style-src 'self'; frame-src 'self'` +
            (url.searchParams.get('tt')
              ? `; require-trusted-types-for 'script'; trusted-types ${trustedTypesPolicies(url.searchParams.get('tt'))}`
              : '');
        }
        return { body, type: 'html', headers };
      }
      // GET /__slow/<name>.html?key=K&delay=ms (gating tests): like /__page, but sent in parts,
      // cut where the fixture says <!--pause-->, with a pause between them, so the
      // browser parses the page while part of it has not arrived yet.
      const slow = url.pathname.match(/^\/__slow\/(gating[\w-]*)\.html$/);
      if (slow) {
        const template = await readFile(new URL(`./fixtures/${slow[1]}.html`, import.meta.url), 'utf8');
        const parts = template.replaceAll('{{key}}', url.searchParams.get('key') ?? 'none').split('<!--pause-->');
        const delay = Math.min(Number(url.searchParams.get('delay') ?? 300), 5000);
        // Written straight to the socket: the server's own response handling would buffer it.
        context.respond = false;
        context.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        for (const [i, part] of parts.entries()) {
          if (i) await new Promise((r) => setTimeout(r, delay));
          context.res.write(part);
        }
        context.res.end();
        return { body: '', type: 'txt' };
      }
      // GET /__adv/<name>.html?key=K (test/adversarial): fills test/fixtures/adversarial/<name>.html.
      // {{q:NAME}} first takes the raw value of the query parameter NAME (markup or code a test
      // injects, which may itself hold the placeholders below); then {{key}}, {{nonce}}, {{attrs}}
      // as /__page, with the same &csp=strict|dynamic. A page holding <!--pause--> is sent in
      // parts like /__slow (&delay=ms between parts, default 300).
      const adv = url.pathname.match(/^\/__adv\/([\w-]+)\.html$/);
      if (adv) {
        const nonce = randomBytes(12).toString('base64');
        const template = await readFile(new URL(`./fixtures/adversarial/${adv[1]}.html`, import.meta.url), 'utf8');
        const body = template
          .replace(/\{\{q:([\w-]+)\}\}/g, (_, name) => url.searchParams.get(name) ?? '')
          .replaceAll('{{key}}', url.searchParams.get('key') ?? 'none')
          .replaceAll('{{nonce}}', nonce)
          .replaceAll('{{attrs}}', url.searchParams.get('attrs') ?? '')
          .replaceAll('{{defer}}', url.searchParams.has('defer') ? ' defer' : '');
        const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
        const csp = url.searchParams.get('csp');
        if (csp === 'strict' || csp === 'dynamic') {
          const scripts = csp === 'dynamic' ? `'nonce-${nonce}' 'strict-dynamic'` : `'self' 'nonce-${nonce}'`;
          headers['content-security-policy'] =
            `default-src 'self'; script-src ${scripts}; style-src 'self'; frame-src 'self'`;
        }
        const parts = body.split('<!--pause-->');
        if (parts.length === 1) return { body, type: 'html', headers };
        const delay = Math.min(Number(url.searchParams.get('delay') ?? 300), 5000);
        context.respond = false;
        context.res.writeHead(200, headers);
        for (const [i, part] of parts.entries()) {
          if (i) await new Promise((r) => setTimeout(r, delay));
          context.res.write(part);
        }
        context.res.end();
        return { body: '', type: 'txt' };
      }
      // GET /__adv-hang/<key>.js?ms=N: a script counted like /__hits/<key>.js whose response does
      // not arrive for N ms (default and at most 30 s): a tag whose server never answers.
      const hang = url.pathname.match(/^\/__adv-hang\/([\w-]+)\.js$/);
      if (hang) {
        hits.set(hang[1], (hits.get(hang[1]) ?? 0) + 1);
        const ms = Math.min(Number(url.searchParams.get('ms') ?? 30000), 30000);
        await new Promise((r) => setTimeout(r, ms).unref());
        const body = `(window.__runs = window.__runs || []).push(${JSON.stringify(hang[1])});`;
        return { body, type: 'js', headers: { 'cache-control': 'no-store' } };
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

// &tt=1: the policies the component needs (its own and Lit's); &tt=dup also allows a policy to be
// created twice (the script loaded twice, or a site with its own copy of Lit); &tt=own allows
// only the component's own policy, and &tt=lit only Lit's, to show what happens when one is forgotten.
function trustedTypesPolicies(mode) {
  if (mode === 'own') return 'ma-cookie-consent';
  if (mode === 'lit') return 'lit-html';
  if (mode === 'dup') return "ma-cookie-consent lit-html 'allow-duplicates'";
  return 'ma-cookie-consent lit-html';
}

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
  });
}

/**
 * The gate on its own (src/script-gate.ts), in the test page: what it activates, when, in
 * which order, how often, what it warns about, and which cookies it deletes where.
 */
import { expect } from '@open-wc/testing';
import { ANALYTICS_COOKIES } from '../src/consent-core.js';
import {
  clearCookies as clearMatching,
  matchesPattern as matchesCookiePattern,
  parentDomains as cookieDomains,
  pathPrefixes as cookiePaths,
} from '../src/cookies.js';
import { ScriptGate } from '../src/script-gate.js';
import { captureWarnings, clearCookies, until, wait, expectAbsent } from './helpers.js';

declare global {
  interface Window {
    __runs?: string[];
  }
}

const runs = () => window.__runs ?? [];
let gates: ScriptGate[] = [];
let box: HTMLElement;

function gate(granted: Set<string>, offered = ['analytics', 'video']): ScriptGate {
  const created = new ScriptGate({
    isGranted: (category) => category === 'necessary' || granted.has(category),
    isOffered: (category) => offered.includes(category),
  });
  gates.push(created);
  return created;
}

function gated(
  category: string,
  init: { src?: string; code?: string; attrs?: Record<string, string> } = {},
): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.consent = category;
  if (init.src) script.setAttribute('src', init.src);
  // Each element's code is unique: the same gated content runs once per page, and these tests
  // share one page.
  if (init.code) script.text = `${init.code} /* ${Math.random()} */`;
  for (const [name, value] of Object.entries(init.attrs ?? {})) script.setAttribute(name, value);
  return script;
}

const push = (label: string) => `(window.__runs = window.__runs || []).push(${JSON.stringify(label)});`;
const newKey = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}`;
const hits = async (name: string) => ((await (await fetch(`/__hits?key=${name}`)).json()) as { count: number }).count;

describe('ScriptGate', () => {
  beforeEach(() => {
    window.__runs = [];
    box = document.createElement('div');
    document.body.append(box);
  });
  afterEach(() => {
    gates.forEach((g) => g.stop());
    gates = [];
    box.remove();
  });

  it('keeps a gated script inert until its category is granted, then runs it once', async () => {
    const key = newKey('inert');
    box.append(gated('analytics', { code: push('inline') }), gated('analytics', { src: `/__hits/${key}.js` }));
    const granted = new Set<string>();
    const g = gate(granted);
    await g.start();
    await wait(300);
    expect(runs()).to.deep.equal([]);
    expect(await hits(key)).to.equal(0);

    granted.add('analytics');
    await g.update();
    expect(runs()).to.deep.equal(['inline', key]);
    await g.update();
    await g.update();
    expect(runs()).to.deep.equal(['inline', key]);
    expect(await hits(key)).to.equal(1);
  });

  it('runs scripts in document order: each external one loads (or fails) before the next runs', async () => {
    const key = newKey('order');
    box.append(
      gated('analytics', { src: `/__hits/${key}-slow.js?delay=300` }),
      gated('analytics', { code: push('inline') }),
      gated('analytics', { src: `/__missing-${key}.js` }),
      gated('analytics', { src: `/__hits/${key}-fast.js` }),
      gated('analytics', { code: push('last') }),
    );
    await gate(new Set(['analytics'])).start();
    expect(runs()).to.deep.equal([`${key}-slow`, 'inline', `${key}-fast`, 'last']);
  });

  it('keeps the order when its gate is replaced while a script loads (the element moved in the page)', async () => {
    const key = newKey('handover');
    box.append(
      gated('analytics', { src: `/__hits/${key}-slow.js?delay=400` }),
      gated('analytics', { code: push('after') }),
    );
    const granted = new Set(['analytics']);
    const first = gate(granted);
    void first.start(); // the slow script is inserted now, and loads
    first.stop();
    await gate(granted).start();
    expect(runs()).to.deep.equal([`${key}-slow`, 'after']);
  });

  it('lets an async external script load in its own time, holding nothing back', async () => {
    const key = newKey('async');
    box.append(
      gated('analytics', { src: `/__hits/${key}-slow.js?delay=300`, attrs: { async: '' } }),
      gated('analytics', { code: push('inline') }),
    );
    await gate(new Set(['analytics'])).start();
    expect(runs()).to.deep.equal(['inline']);
    await until(() => runs().length === 2);
    expect(runs()).to.deep.equal(['inline', `${key}-slow`]);
  });

  it('replaces a script by a copy with every attribute but type and data-consent; data-type becomes type', async () => {
    const key = newKey('attrs');
    const original = gated('analytics', {
      src: `/__hits/${key}.js`,
      attrs: {
        id: 'tag',
        'data-type': 'module',
        'data-site': 'e-artisanat',
        crossorigin: 'anonymous',
        referrerpolicy: 'no-referrer',
      },
    });
    box.append(original);
    await gate(new Set(['analytics'])).start();
    const live = box.querySelector('script')!;
    expect(live).not.to.equal(original);
    expect(original.isConnected).to.equal(false);
    expect(live.getAttribute('type')).to.equal('module');
    expect(live.id).to.equal('tag');
    expect(live.dataset.site).to.equal('e-artisanat');
    expect(live.crossOrigin).to.equal('anonymous');
    expect(live.referrerPolicy).to.equal('no-referrer');
    expect(live.hasAttribute('data-consent') || live.hasAttribute('data-type')).to.equal(false);
    expect(runs()).to.deep.equal([key]);
  });

  it('activates an iframe (data-src → src) and a template (its content in its place, scripts run)', async () => {
    const frame = document.createElement('iframe');
    frame.dataset.consent = 'video';
    frame.dataset.src = '/__frame-video';
    const template = document.createElement('template');
    template.dataset.consent = 'video';
    const p = document.createElement('p');
    p.className = 'from-template';
    const script = document.createElement('script');
    script.text = push('template');
    template.content.append(p, script);
    const after = document.createElement('hr');
    box.append(frame, template, after);

    const granted = new Set<string>();
    const g = gate(granted);
    await g.start();
    expect(frame.hasAttribute('src')).to.equal(false);
    expectAbsent(box.querySelector('.from-template'));

    granted.add('video');
    await g.update();
    expect(frame.getAttribute('src')).to.equal(`${location.origin}/__frame-video`);
    expect(template.isConnected).to.equal(false);
    expect(box.querySelector('.from-template')!.nextElementSibling!.nextElementSibling).to.equal(after);
    expect(runs()).to.deep.equal(['template']);
  });

  it('activates the same gated content once per page, and says why the second copy waits', async () => {
    const content = `<p class="twin">${Math.random()}</p>`;
    const twins = [0, 1].map(() => {
      const template = document.createElement('template');
      template.dataset.consent = 'video';
      template.innerHTML = content;
      return template;
    });
    box.append(...twins);
    const warnings = captureWarnings();
    try {
      await gate(new Set(['video'])).start();
    } finally {
      warnings.restore();
    }
    expect(box.querySelectorAll('.twin')).to.have.length(1);
    expect(twins[1].isConnected).to.equal(true);
    expect(warnings.messages).to.deep.equal([
      '[ma-cookie-consent] same-content: <template data-consent="video"> (docs/warnings.md#same-content)',
    ]);
  });

  it('runs each element once per page, whatever the number of gates and updates', async () => {
    const original = gated('analytics', { code: push('once') });
    box.append(original);
    await gate(new Set(['analytics'])).start();
    // Another gate (a second bundle on the page), and the original put back by a framework.
    box.append(original);
    const second = gate(new Set(['analytics']));
    await second.start();
    await second.update();
    await wait(100);
    expect(runs()).to.deep.equal(['once']);
    expect(original.type).to.equal('text/plain');
  });

  it('watches for elements added later, at any depth, until stopped', async () => {
    const granted = new Set(['analytics']);
    const g = gate(granted);
    await g.start();
    const block = document.createElement('section');
    block.append(gated('analytics', { code: push('nested') }));
    box.append(block);
    await until(() => runs().includes('nested'));

    box.append(gated('video', { code: push('not granted') }));
    await wait(200);
    expect(runs()).to.deep.equal(['nested']);

    g.stop();
    box.append(gated('analytics', { code: push('after stop') }));
    await wait(200);
    expect(runs()).to.deep.equal(['nested']);
  });

  it('runs a gated script added and granted in the same task (before the gate has looked at it)', async () => {
    const key = newKey('sametask');
    const granted = new Set<string>();
    const g = gate(granted);
    await g.start();
    box.append(gated('analytics', { src: `/__hits/${key}.js` }));
    granted.add('analytics');
    await g.update();
    expect(runs()).to.deep.equal([key]);
  });

  it('stops a template half-way when its category is withdrawn while a script of it loads', async () => {
    const key = newKey('tplwithdraw');
    const template = document.createElement('template');
    template.dataset.consent = 'analytics';
    const slow = document.createElement('script');
    slow.src = `/__hits/${key}.js?delay=300`;
    const after = document.createElement('script');
    after.text = push('after the slow one');
    template.content.append(slow, after);
    box.append(template);
    const granted = new Set(['analytics']);
    const done = gate(granted).start();
    await wait(50);
    granted.delete('analytics');
    await done;
    await wait(200);
    expect(runs()).to.deep.equal([key]);
  });

  it('activates "necessary" at once, and reports nothing for it', async () => {
    const warnings = captureWarnings();
    try {
      box.append(gated('necessary', { code: push('necessary') }));
      await gate(new Set()).start();
    } finally {
      warnings.restore();
    }
    expect(runs()).to.deep.equal(['necessary']);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('a placeholder that cannot be made leaves the frame blocked and the rest going, with a warning', async () => {
    const frame = document.createElement('iframe');
    frame.dataset.consent = 'video';
    frame.dataset.src = '/__frame-unplaced';
    box.append(frame, gated('analytics', { code: push('after-frame') }));
    const warnings = captureWarnings();
    try {
      const g = new ScriptGate({
        isGranted: (category) => category === 'analytics',
        isOffered: () => true,
        blocked: () => {
          throw new Error('no placeholder today');
        },
      });
      gates.push(g);
      await g.start();
    } finally {
      warnings.restore();
    }
    expect(frame.hasAttribute('src')).to.equal(false);
    expect(runs()).to.deep.equal(['after-frame']);
    expect(warnings.messages.join('\n')).to.contain('activation: <iframe data-consent="video">');
  });

  it('goes on with the next elements when one cannot be activated, and says so', async () => {
    const template = document.createElement('template');
    template.dataset.consent = 'analytics';
    box.append(template, gated('analytics', { code: push('after the broken one') }));
    const importNode = document.importNode;
    document.importNode = () => {
      throw new Error('refused');
    };
    const warnings = captureWarnings();
    try {
      await gate(new Set(['analytics'])).start();
    } finally {
      document.importNode = importNode;
      warnings.restore();
    }
    expect(runs()).to.deep.equal(['after the broken one']);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/^\[ma-cookie-consent\] activation: <template data-consent="analytics">/);
  });

  describe('warnings', () => {
    let warnings: ReturnType<typeof captureWarnings>;
    beforeEach(() => (warnings = captureWarnings()));
    afterEach(() => warnings.restore());

    it('names the src of a data-consent script that is not text/plain (it has already run)', async () => {
      const key = newKey('untyped');
      const script = document.createElement('script');
      script.dataset.consent = 'analytics';
      script.src = `/__hits/${key}.js`;
      const loaded = new Promise((r) => script.addEventListener('load', r));
      box.append(script);
      await loaded;
      await gate(new Set()).start();
      expect(runs()).to.deep.equal([key]);
      expect(warnings.messages).to.deep.equal([
        `[ma-cookie-consent] script-type: <script data-consent="analytics"> "/__hits/${key}.js" (docs/warnings.md#script-type)`,
      ]);
    });

    it('names the first characters of an inline one, also when it is added later', async () => {
      await gate(new Set()).start();
      const script = document.createElement('script');
      script.dataset.consent = 'analytics';
      script.text = `  ${push('untyped inline')} /* and a long comment after it */`;
      box.append(script);
      await until(() => warnings.messages.length > 0);
      expect(runs()).to.deep.equal(['untyped inline']);
      expect(warnings.messages[0]).to.include('script-type: <script data-consent="analytics">');
      expect(warnings.messages[0]).to.include(`"${push('untyped inline').slice(0, 40)}`);
    });

    it('reports a category that is not offered, once', async () => {
      box.append(gated('maps', { code: push('maps') }), gated('maps', { code: push('maps') }));
      await gate(new Set(['maps'])).start();
      expect(warnings.messages).to.deep.equal(['[ma-cookie-consent] category: "maps" (docs/warnings.md#category)']);
    });

    it('reports an iframe that already has a src, or has no data-src, and an element that cannot be gated', async () => {
      const eager = document.createElement('iframe');
      eager.dataset.consent = 'video';
      eager.src = 'about:blank#eager';
      const script = document.createElement('iframe');
      script.dataset.consent = 'video';
      script.dataset.src = 'javascript:parent.__pwned=1';
      const empty = document.createElement('iframe');
      empty.dataset.consent = 'video';
      const div = document.createElement('div');
      div.dataset.consent = 'video';
      box.append(eager, empty, script, div);
      await gate(new Set(['video'])).start();
      expect(warnings.messages, warnings.messages.join('\n')).to.have.length(4);
      expect(warnings.messages[0]).to.include('iframe-src: <iframe data-consent="video"> "about:blank#eager"');
      expect(warnings.messages[1]).to.include('iframe-data-src: <iframe data-consent="video"> ""');
      expect(warnings.messages[2]).to.include('iframe-data-src: <iframe data-consent="video"> "javascript:');
      expect(warnings.messages[3]).to.include('element: <div data-consent="video">');
      expect(script.hasAttribute('src'), 'only http(s) is ever loaded').to.equal(false);
    });

    it('says nothing about correct markup', async () => {
      const frame = document.createElement('iframe');
      frame.dataset.consent = 'video';
      frame.dataset.src = '/__frame-fine';
      const template = document.createElement('template');
      template.dataset.consent = 'analytics';
      template.innerHTML = `<!-- ${Math.random()} -->`; // unique: these tests share one page
      box.append(gated('analytics', { code: push('fine') }), frame, template);
      await gate(new Set(['analytics', 'video'])).start();
      expect(warnings.messages).to.deep.equal([]);
    });
  });
});

describe('cookies deleted on withdrawal', () => {
  beforeEach(clearCookies);
  afterEach(clearCookies);

  it('lists the defaults of docs/api.md §5 for analytics', () => {
    expect(ANALYTICS_COOKIES).to.deep.equal(['_ga', '_ga_*', '_gid', '_gat*', '_pk_*', 'mtm_*', 'MATOMO_*']);
  });

  it('matches names and * patterns, and nothing else', () => {
    expect(matchesCookiePattern('_ga', '_ga')).to.equal(true);
    expect(matchesCookiePattern('_gaX', '_ga')).to.equal(false);
    expect(matchesCookiePattern('_ga_5K2XQ9', '_ga_*')).to.equal(true);
    expect(matchesCookiePattern('_ga', '_ga_*')).to.equal(false);
    expect(matchesCookiePattern('_gat', '_gat*')).to.equal(true);
    expect(matchesCookiePattern('_gat_gtag_UA_1', '_gat*')).to.equal(true);
    expect(matchesCookiePattern('_pk_id.1.a1b2', '_pk_*')).to.equal(true);
    // Pattern characters other than * are literal.
    expect(matchesCookiePattern('_pk_idX1', '_pk_id.*')).to.equal(false);
    expect(matchesCookiePattern('_pk_id.1', '_pk_id.*')).to.equal(true);
    expect(matchesCookiePattern('yt-remote-device-id', 'yt-*')).to.equal(true);
    expect(matchesCookiePattern('mtm_consent', '*consent')).to.equal(true);
  });

  it('computes the host and every parent domain, and no Domain for IP addresses and localhost', () => {
    expect(cookieDomains('a.b.artisanat.gov.ma')).to.deep.equal([
      undefined,
      'a.b.artisanat.gov.ma',
      'b.artisanat.gov.ma',
      'artisanat.gov.ma',
      'gov.ma',
    ]);
    expect(cookieDomains('www.artisanat.gov.ma')).to.deep.equal([
      undefined,
      'www.artisanat.gov.ma',
      'artisanat.gov.ma',
      'gov.ma',
    ]);
    expect(cookieDomains('localhost')).to.deep.equal([undefined]);
    expect(cookieDomains('127.0.0.1')).to.deep.equal([undefined]);
    expect(cookieDomains('[::1]')).to.deep.equal([undefined]);
  });

  it('computes / and every prefix of the current path', () => {
    expect(cookiePaths('/fr/demarches/suivi')).to.deep.equal([
      '/',
      '/fr',
      '/fr/',
      '/fr/demarches',
      '/fr/demarches/',
      '/fr/demarches/suivi',
      '/fr/demarches/suivi/',
    ]);
    expect(cookiePaths('/')).to.deep.equal(['/']);
  });

  it('expires each matching cookie on every domain and path, Secure on https, keeping what it is told to keep', () => {
    const writes: string[] = [];
    const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get: () => '_ga=GA1.3; _ga_5K2XQ9=GS1; site_lang=fr; ma_cookie_consent=%7B%7D',
      set: (value: string) => writes.push(value),
    });
    let deleted: string[];
    try {
      deleted = clearMatching([...ANALYTICS_COOKIES, 'ma_*'], 'ma_cookie_consent', {
        hostname: 'a.b.artisanat.gov.ma',
        pathname: '/fr/demarches/suivi',
        protocol: 'https:',
      });
    } finally {
      Object.defineProperty(Document.prototype, 'cookie', real);
    }
    expect(deleted).to.deep.equal(['_ga', '_ga_5K2XQ9']);
    // 2 cookies × 5 domains (host-only included) × 7 paths.
    expect(writes).to.have.length(70);
    const attributes = (write: string) =>
      Object.fromEntries(
        write
          .split('; ')
          .slice(1)
          .map((a) => [a.split('=')[0].toLowerCase(), a.split('=')[1] ?? true]),
      );
    for (const write of writes) {
      const a = attributes(write);
      expect(write).to.match(/^_ga(_5K2XQ9)?=;/);
      expect(new Date(a.expires as string).getTime()).to.be.below(Date.now());
      expect(a.secure).to.equal(true);
    }
    const forGa = writes.filter((w) => w.startsWith('_ga='));
    expect([...new Set(forGa.map((w) => attributes(w).domain))].sort()).to.deep.equal(
      [undefined, 'a.b.artisanat.gov.ma', 'artisanat.gov.ma', 'b.artisanat.gov.ma', 'gov.ma'].sort(),
    );
    expect([...new Set(forGa.map((w) => attributes(w).path))]).to.deep.equal(cookiePaths('/fr/demarches/suivi'));
  });

  it('really deletes the cookies of this page, and only those that match', () => {
    document.cookie = '_ga=GA1.1; path=/';
    document.cookie = '_ga_5K2XQ9=GS1; path=/';
    document.cookie = '_pk_ses.1.a1b2=1; path=/';
    document.cookie = 'site_lang=fr; path=/';
    const deleted = clearMatching(ANALYTICS_COOKIES, 'ma_cookie_consent');
    expect(deleted.sort()).to.deep.equal(['_ga', '_ga_5K2XQ9', '_pk_ses.1.a1b2']);
    expect(document.cookie).not.to.match(/_ga|_pk_/);
    expect(document.cookie).to.include('site_lang=fr');
  });
});

/**
 * The consent core on its own (src/consent-core.ts): no element, no rendering. Owners are plain
 * elements carrying the settings; two cores with the same cookie stand for two tabs (a
 * BroadcastChannel also reaches the other channels of the same page).
 */
import { expect } from '@open-wc/testing';
import { ConsentCore, type ConsentChange, type ConsentOwner, type ConsentSettings } from '../src/consent-core.js';
import { captureWarnings, clearCookies, storedConsent, until, validRecord, wait, writeRawCookie } from './helpers.js';

const owners: HTMLElement[] = [];
const cores: ConsentCore[] = [];

/** An owner: an element in the page with the settings an attribute-less element would have. */
function owner(settings: Partial<ConsentSettings> = {}): ConsentOwner {
  const el = document.createElement('div') as unknown as ConsentOwner;
  Object.assign(el, {
    categories: ['analytics'],
    revision: '1',
    cookieName: 'ma_core_test',
    cookieDomain: null,
    cookiePath: '/',
    expiresDays: 182,
    logEndpoint: null,
    reloadOnRevoke: false,
    ignoreGpc: false,
    lang: 'fr',
    config: undefined,
    ...settings,
  });
  document.body.append(el);
  owners.push(el);
  return el;
}

function core(): ConsentCore {
  const c = new ConsentCore();
  cores.push(c);
  return c;
}

/** Events the owner dispatched, in order: ready and change, with their details. */
function events(el: HTMLElement): Array<[string, unknown]> {
  const seen: Array<[string, unknown]> = [];
  for (const type of ['ma-consent-ready', 'ma-consent-change'])
    el.addEventListener(type, (e) => seen.push([type, (e as CustomEvent).detail]));
  return seen;
}

describe('consent core (no view)', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    for (const c of cores.splice(0)) for (const o of owners) c.detach(o as ConsentOwner);
    for (const o of owners.splice(0)) o.remove();
    clearCookies();
  });

  it('reads the stored choice when an owner attaches, and says ready once, before the first change', () => {
    writeRawCookie('ma_core_test', encodeURIComponent(JSON.stringify(validRecord())));
    const c = core();
    const el = owner();
    const seen = events(el);
    expect(c.attach(el)).to.equal(true);
    expect(c.isGranted('analytics')).to.equal(true);
    expect(c.consent?.id).to.equal(validRecord().id);
    // A decision before the view rendered: ready goes first, then the change.
    c.refuseAll('api');
    c.rendered();
    expect(seen.map(([type]) => type)).to.deep.equal(['ma-consent-ready', 'ma-consent-change']);
    expect((seen[0][1] as { id: string }).id).to.equal(validRecord().id);
    expect(seen[1][1]).to.include({ source: 'api' });
  });

  it('decides synchronously: stored, granted, waiters resolved, subscribers told, in that call', async () => {
    const c = core();
    const el = owner({ categories: ['analytics', 'video'] });
    c.attach(el);
    const changes: ConsentChange[] = [];
    c.subscribe((change) => changes.push(change));
    let resolved = false;
    void c.whenGranted('video').then(() => (resolved = true));
    c.decide({ video: true }, 'placeholder');
    expect(storedConsent('ma_core_test')!.categories).to.deep.equal({ analytics: false, video: true });
    expect(c.isGranted('video')).to.equal(true);
    expect(changes.map((ch) => ch.kind)).to.deep.equal(['placeholder']);
    expect(changes[0].previous).to.equal(null);
    await Promise.resolve();
    expect(resolved).to.equal(true);
  });

  it('stores exactly the offered categories, and never an answer read from a prototype', () => {
    const c = core();
    c.attach(owner());
    const polluted = Object.prototype as unknown as Record<string, unknown>;
    polluted.analytics = true;
    try {
      c.decide(Object.create(null) as Record<string, boolean>, 'api');
      c.decide(JSON.parse('{"__proto__": {"analytics": true}, "toString": true}'), 'api');
    } finally {
      delete polluted.analytics;
    }
    expect(storedConsent('ma_core_test')!.categories).to.deep.equal({ analytics: false });
    expect(c.isGranted('analytics')).to.equal(false);
    expect(c.isGranted('toString')).to.equal(false);
    expect(c.isGranted('necessary')).to.equal(true);
  });

  it('decides ownership once: a second connected owner is refused with a warning; a removed one gives way', () => {
    const c = core();
    const first = owner();
    const second = owner();
    expect(c.attach(first)).to.equal(true);
    const warnings = captureWarnings();
    try {
      expect(c.attach(second)).to.equal(false);
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.join()).to.match(/second-element/);
    c.acceptAll('api');
    first.remove();
    c.detach(first);
    expect(c.active).to.equal(false);
    expect(c.attach(second)).to.equal(true);
    // The page's choice stays with the page, whichever element decides.
    expect(c.isGranted('analytics')).to.equal(true);
    expect(c.owner).to.equal(second);
  });

  it('another cookie, revision or set of categories is another question: read again, subscribers told', () => {
    writeRawCookie('ma_core_test', encodeURIComponent(JSON.stringify(validRecord())));
    const c = core();
    const el = owner();
    c.attach(el);
    const kinds: string[] = [];
    c.subscribe(({ kind }) => kinds.push(kind));
    expect(c.record).not.to.equal(null);
    el.revision = '2';
    c.configure();
    expect(c.record).to.equal(null);
    expect(kinds).to.deep.equal(['load']);
    el.expiresDays = 30; // the same question, answered the same way
    c.configure();
    expect(kinds).to.deep.equal(['load']);
  });

  it('reset forgets here and in the other tab; a decision travels the other way', async () => {
    const a = core();
    const b = core();
    const inA = owner();
    const inB = owner();
    a.attach(inA);
    b.attach(inB);
    const seenB = events(inB);
    a.acceptAll('banner');
    await until(() => b.isGranted('analytics'));
    expect(seenB.at(-1)![1]).to.include({ source: 'other-tab' });
    const kindsA: string[] = [];
    a.subscribe(({ kind }) => kindsA.push(kind));
    b.reset();
    await until(() => a.record === null);
    expect(kindsA).to.deep.equal(['reset']);
    expect(a.isGranted('analytics')).to.equal(false);
    expect(storedConsent('ma_core_test')).to.equal(undefined);
  });

  it('under Global Privacy Control: refused without asking, nothing written, source "gpc" after ready', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, value: true });
    try {
      const c = core();
      const el = owner();
      const seen = events(el);
      c.attach(el);
      c.rendered();
      expect(c.gpc).to.equal(true);
      expect(c.isGranted('analytics')).to.equal(false);
      expect(storedConsent('ma_core_test')).to.equal(undefined);
      expect(seen.map(([type, detail]) => [type, (detail as { source?: string } | null)?.source])).to.deep.equal([
        ['ma-consent-ready', undefined],
        ['ma-consent-change', 'gpc'],
      ]);
      // With ignore-gpc, the question is asked.
      const other = core();
      const ignoring = owner({ ignoreGpc: true, cookieName: 'ma_core_other' });
      other.attach(ignoring);
      expect(other.record).to.equal(null);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).globalPrivacyControl;
    }
    await wait(0);
  });

  it('a detached core decides nothing', () => {
    const c = core();
    c.decide({ analytics: true }, 'api');
    c.reset();
    expect(c.record).to.equal(null);
    expect(storedConsent('ma_core_test')).to.equal(undefined);
  });
});

import { expect } from '@open-wc/testing';
import { ConsentStore, createRecord, parseConsent, randomId, serializeConsent } from '../src/consent-store.js';
import { captureWarnings, clearCookies, rawCookie, storedConsent, validRecord, writeRawCookie } from './helpers.js';

const enc = (value: unknown) => encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
const parse = (raw: string | undefined, categories = ['analytics']) => parseConsent(raw, '1', categories);

describe('consent store: parsing', () => {
  it('reads a valid record', () => {
    const { record, problem } = parse(enc(validRecord()));
    expect(problem).to.equal(undefined);
    expect(record).to.deep.equal(validRecord());
  });

  it('reads the value js-cookie v3 writes with its default converter', () => {
    const raw = JSON.stringify(validRecord()).replace(/[",]/g, encodeURIComponent);
    expect(parse(raw).record?.categories).to.deep.equal({ analytics: true });
  });

  const bad: Array<[string, string]> = [
    ['not JSON', enc('{v:1')],
    ['truncated', enc(validRecord()).slice(0, 40)],
    ['bad percent-encoding', '%E0%A4%A'],
    ['a JSON array', enc([1, 2])],
    ['a JSON string', enc('"yes"')],
    ['null', enc('null')],
    ['v = 2', enc(validRecord({ v: 2 }))],
    ['v as a string', enc(validRecord({ v: '1' }))],
    ['another revision', enc(validRecord({ rev: '2' }))],
    ['a numeric revision', enc(validRecord({ rev: 1 }))],
    ['no timestamp', enc(validRecord({ ts: undefined }))],
    ['an invalid timestamp', enc(validRecord({ ts: 'yesterday' }))],
    ['no id', enc(validRecord({ id: '' }))],
    ['an id of 100 characters', enc(validRecord({ id: 'x'.repeat(100) }))],
    ['no categories', enc(validRecord({ categories: undefined }))],
    ['categories as an array', enc(validRecord({ categories: ['analytics'] }))],
    ['a missing category', enc(validRecord({ categories: {} }))],
    ['a string instead of a boolean', enc(validRecord({ categories: { analytics: 'true' } }))],
    ['1 instead of true', enc(validRecord({ categories: { analytics: 1 } }))],
    ['more than 1 KB', enc(validRecord({ id: 'a'.repeat(30), pad: 'x'.repeat(1100) }))],
  ];
  for (const [name, raw] of bad) {
    it(`treats ${name} as no choice`, () => {
      expect(parse(raw).record).to.equal(null);
    });
  }

  it('requires every offered category', () => {
    const raw = enc(validRecord({ categories: { analytics: true } }));
    expect(parse(raw, ['analytics', 'video']).record).to.equal(null);
  });

  it('drops categories that are no longer offered instead of trusting them', () => {
    const raw = enc(validRecord({ categories: { analytics: false, ads: true } }));
    expect(parse(raw).record?.categories).to.deep.equal({ analytics: false });
  });

  it('says nothing about an absent cookie or a new revision (they are normal)', () => {
    expect(parse(undefined)).to.deep.equal({ record: null });
    expect(parse(enc(validRecord({ rev: '0' })))).to.deep.equal({ record: null });
  });

  it('creates v4 UUIDs, also without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(randomId()).to.match(uuid);
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      expect(randomId()).to.match(uuid);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });

  it('serialises exactly the contract fields', () => {
    const record = createRecord('3', { analytics: false }, new Date('2026-11-26T17:00:00Z'));
    const json = JSON.parse(serializeConsent(record));
    expect(Object.keys(json)).to.deep.equal(['v', 'rev', 'ts', 'id', 'categories']);
    expect(json).to.include({ v: 1, rev: '3', ts: '2026-11-26T17:00:00.000Z' });
  });
});

describe('consent store: cookie', () => {
  const options = {
    cookieName: 'ma_test',
    cookieDomain: null,
    cookiePath: '/',
    expiresDays: 182,
    revision: '1',
    categories: ['analytics'],
  };
  // Stubs go on the prototype, where the store reads (a named element cannot shadow it there).
  const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  const stubCookie = (get: () => string, set: (value: string) => void) =>
    Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get, set });
  afterEach(() => Object.defineProperty(Document.prototype, 'cookie', real));
  beforeEach(clearCookies);
  afterEach(clearCookies);

  it('writes the URI-encoded JSON a server can decode, and reads it back', () => {
    const store = new ConsentStore(options);
    const record = createRecord('1', { analytics: true });
    expect(store.write(record)).to.equal(true);
    expect(rawCookie('ma_test')).to.equal(encodeURIComponent(serializeConsent(record)));
    expect(storedConsent('ma_test')).to.deep.equal(JSON.parse(serializeConsent(record)));
    expect(new ConsentStore(options).read()).to.deep.equal(record);
  });

  it('warns once about a corrupted cookie and reads it as no choice', () => {
    writeRawCookie('ma_test', '%7Bgarbage');
    const warnings = captureWarnings();
    try {
      const store = new ConsentStore(options);
      expect(store.read()).to.equal(null);
      expect(store.read()).to.equal(null);
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/^\[ma-cookie-consent\] cookie-invalid: "ma_test": not URI-encoded JSON/);
  });

  it('reads the most specific of two cookies with the same name, and warns', () => {
    // The browser lists the cookie with the longest path first; a stub shows that order.
    const record = createRecord('1', { analytics: false });
    const jar = `other=1; ma_test=${encodeURIComponent(serializeConsent(record))}; ma_test=junk`;
    stubCookie(
      () => jar,
      () => {},
    );
    const warnings = captureWarnings();
    try {
      expect(new ConsentStore(options).read()?.id).to.equal(record.id);
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.join()).to.match(/cookie-duplicate: 2× "ma_test"/);
  });

  it('keeps the choice in memory when document.cookie throws', () => {
    const denied = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    stubCookie(denied, denied);
    const warnings = captureWarnings();
    try {
      const store = new ConsentStore(options);
      expect(store.read()).to.equal(null);
      const record = createRecord('1', { analytics: true });
      expect(store.write(record)).to.equal(false);
      expect(store.read()).to.deep.equal(record);
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.join()).to.match(/cookie-blocked: "ma_test"/);
  });

  it('keeps the choice in memory when cookies are silently dropped', () => {
    stubCookie(
      () => '',
      () => {},
    );
    const warnings = captureWarnings();
    try {
      const store = new ConsentStore(options);
      const record = createRecord('1', { analytics: false });
      expect(store.write(record)).to.equal(false);
      expect(store.read()).to.deep.equal(record);
    } finally {
      warnings.restore();
    }
  });

  it('ignores a choice dated in the future (planted by a sibling site to outlive every refusal)', () => {
    const planted = validRecord({ ts: '9999-01-01T00:00:00.000Z' });
    expect(parseConsent(enc(planted), '1', ['analytics'])).to.deep.equal({ record: null, problem: 'bad or future ts' });
    const tomorrow = validRecord({ ts: new Date(Date.now() + 3600e3).toISOString() });
    expect(parseConsent(enc(tomorrow), '1', ['analytics']).record, 'an hour of clock skew is fine').to.not.equal(null);
  });

  it('never reads an answer from Object.prototype', () => {
    const polluted = Object.prototype as unknown as Record<string, unknown>;
    polluted.maps = true;
    try {
      expect(
        parseConsent(enc(validRecord({ categories: { analytics: true } })), '1', ['analytics', 'maps']).record,
      ).to.equal(null);
    } finally {
      delete polluted.maps;
    }
  });

  it('reads the real jar even when a named element shadows document.cookie', () => {
    const record = createRecord('1', { analytics: true });
    new ConsentStore(options).write(record);
    const img = document.createElement('img');
    img.name = 'cookie';
    document.body.append(img);
    try {
      expect(typeof document.cookie, 'the page is clobbered').to.equal('object');
      expect(new ConsentStore(options).read()?.id).to.equal(record.id);
    } finally {
      img.remove();
    }
  });

  it('a refusal heard from another tab is not undone by this tab’s older cookie, only by a newer choice', () => {
    const store = new ConsentStore(options);
    const accepted = createRecord('1', { analytics: true }, new Date(Date.now() - 60_000));
    store.write(accepted);
    // The other tab's refusal arrives, but its cookie is not visible here (blocked there, or not yet).
    const refused = createRecord('1', { analytics: false });
    expect(store.readShared(serializeConsent(refused))?.id).to.equal(refused.id);
    expect(store.read()?.id, 'this tab’s cookie still holds the old answer').to.equal(accepted.id);
    expect(store.readShared(undefined)?.id, 'a re-check keeps the newer refusal').to.equal(refused.id);
    // A choice made later (in a third tab whose message was lost) is newer: it wins.
    const later = createRecord('1', { analytics: true }, new Date(Date.now() + 1000));
    writeRawCookie('ma_test', encodeURIComponent(serializeConsent(later)));
    expect(store.readShared(undefined)?.id).to.equal(later.id);
  });

  it('clear() removes the cookie', () => {
    const store = new ConsentStore(options);
    store.write(createRecord('1', { analytics: true }));
    store.clear();
    expect(rawCookie('ma_test')).to.equal(undefined);
    expect(store.read()).to.equal(null);
  });
});

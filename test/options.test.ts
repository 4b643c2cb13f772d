import { expect } from '@open-wc/testing';
import { pageLang, resolveOptions, safeEndpoint, safeUrl } from '../src/options.js';

describe('options: attributes', () => {
  it('has the contract defaults', () => {
    const { options, warnings } = resolveOptions({});
    expect(warnings).to.deep.equal([]);
    expect(options).to.deep.include({
      languages: ['fr', 'ar'],
      policyUrl: null,
      categories: ['analytics'],
      revision: '1',
      cookieName: 'ma_cookie_consent',
      cookieDomain: undefined,
      cookiePath: '/',
      expiresDays: 182,
      position: 'top',
      theme: 'auto',
      logEndpoint: null,
    });
  });

  it('takes the page language when supported, else French', () => {
    const html = document.documentElement;
    const before = html.getAttribute('lang');
    try {
      html.setAttribute('lang', 'ar-MA');
      expect(pageLang()).to.equal('ar');
      html.setAttribute('lang', 'es');
      expect(pageLang()).to.equal('fr');
      html.removeAttribute('lang');
      expect(pageLang()).to.equal('fr');
    } finally {
      if (before === null) html.removeAttribute('lang');
      else html.setAttribute('lang', before);
    }
  });

  const cases: Array<[string, Record<string, string>, Record<string, unknown>]> = [
    ['an unknown lang', { lang: 'xx' }, { lang: 'fr' }],
    ['languages with unknowns', { languages: 'fr de ar' }, { languages: ['fr', 'ar'] }],
    ['empty languages', { languages: '  ' }, { languages: ['fr', 'ar'] }],
    ['a javascript: policy URL', { policyUrl: 'javascript:alert(1)' }, { policyUrl: null }],
    ['a data: policy URL', { policyUrl: 'data:text/html,<script>alert(1)</script>' }, { policyUrl: null }],
    ['an obfuscated javascript: URL', { policyUrl: ' JaVaScRiPt:alert(1)' }, { policyUrl: null }],
    ['categories with hostile names', { categories: 'analytics <img> necessary' }, { categories: ['analytics'] }],
    ['empty categories', { categories: '' }, { categories: ['analytics'] }],
    ['a revision with spaces', { revision: 'a b' }, { revision: '1' }],
    ['a cookie name with ";"', { cookieName: 'a;b=c' }, { cookieName: 'ma_cookie_consent' }],
    ['a foreign cookie domain', { cookieDomain: '.example.com' }, { cookieDomain: undefined }],
    ['a relative cookie path', { cookiePath: 'cgu' }, { cookiePath: '/' }],
    ['non-numeric expires-days', { expiresDays: 'abc' }, { expiresDays: 182 }],
    ['negative expires-days', { expiresDays: '-5' }, { expiresDays: 182 }],
    ['zero expires-days', { expiresDays: '0' }, { expiresDays: 1 }],
    ['expires-days over 13 months', { expiresDays: '9999' }, { expiresDays: 395 }],
    ['fractional expires-days', { expiresDays: '1.5' }, { expiresDays: 182 }],
    ['an unknown position', { position: 'middle' }, { position: 'top' }],
    ['an unknown theme', { theme: 'pink' }, { theme: 'auto' }],
    ['a plain-http foreign log endpoint', { logEndpoint: 'http://tracker.example/log' }, { logEndpoint: null }],
    ['a javascript: log endpoint', { logEndpoint: 'javascript:void 0' }, { logEndpoint: null }],
  ];
  for (const [name, raw, expected] of cases) {
    it(`falls back on ${name}, with one prefixed warning`, () => {
      const { options, warnings } = resolveOptions(raw);
      expect(options).to.deep.include(expected);
      expect(warnings).to.have.length(1);
    });
  }

  it('reduces a language tag with a region to its primary subtag', () => {
    expect(resolveOptions({ lang: 'AR-ma' })).to.deep.include({ warnings: [] });
    expect(resolveOptions({ lang: 'AR-ma' }).options.lang).to.equal('ar');
  });

  it('accepts valid values without warning', () => {
    const { options, warnings } = resolveOptions({
      lang: 'ar',
      languages: 'ar fr en',
      policyUrl: '/cgu#article-6',
      categories: 'analytics video',
      revision: '2026-11',
      cookieName: 'consent',
      cookieDomain: location.hostname,
      cookiePath: '/fr',
      expiresDays: '30',
      position: 'bottom',
      theme: 'dark',
      logEndpoint: '/consent-log',
    });
    expect(warnings).to.deep.equal([]);
    expect(options.categories).to.deep.equal(['analytics', 'video']);
    expect(options.logEndpoint).to.equal(new URL('/consent-log', location.href).href);
  });

  it('allows only http(s) and relative policy URLs', () => {
    expect(safeUrl('https://artisanat.gov.ma/cgu')).to.equal('https://artisanat.gov.ma/cgu');
    expect(safeUrl('//artisanat.gov.ma/cgu')).to.equal('//artisanat.gov.ma/cgu');
    expect(safeUrl('cgu.html#article-6')).to.equal('cgu.html#article-6');
    expect(safeUrl('vbscript:x')).to.equal(null);
  });

  it('allows same-origin or https endpoints only', () => {
    expect(safeEndpoint('https://proof.gov.ma/receipts')).to.equal('https://proof.gov.ma/receipts');
    expect(safeEndpoint('ftp://x/y')).to.equal(null);
  });
});

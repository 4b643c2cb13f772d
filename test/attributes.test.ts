import { expect } from '@open-wc/testing';
import * as convert from '../src/attributes.js';
import { captureWarnings } from './helpers.js';

/** Converts as Lit does when the attribute changes: name first, then the converter. */
function attribute<T>(name: string, converter: { fromAttribute?(value: string | null): T }, value: string | null) {
  const warnings = captureWarnings();
  try {
    convert.setConverting(name);
    return { value: converter.fromAttribute!(value), warnings: warnings.messages };
  } finally {
    warnings.restore();
  }
}

describe('attributes: converters', () => {
  const defaults: Array<[string, { fromAttribute?(value: string | null): unknown }, unknown]> = [
    ['languages', convert.languages, ['fr', 'ar']],
    ['policy-url', convert.url, null],
    ['categories', convert.categories, ['analytics']],
    ['revision', convert.revision, '1'],
    ['cookie-name', convert.cookieName, 'ma_cookie_consent'],
    ['cookie-domain', convert.cookieDomain, null],
    ['cookie-path', convert.cookiePath, '/'],
    ['expires-days', convert.expiresDays, 182],
    ['position', convert.position, 'top'],
    ['theme', convert.theme, 'auto'],
    ['log-endpoint', convert.endpoint, null],
    ['hide-manage-button', convert.flag, false],
  ];
  for (const [name, converter, fallback] of defaults) {
    it(`${name}: an absent attribute gives the default, silently`, () => {
      const { value, warnings } = attribute(name, converter, null);
      expect(value).to.deep.equal(fallback);
      expect(warnings).to.deep.equal([]);
    });
  }

  const bad: Array<[string, { fromAttribute?(value: string | null): unknown }, string, unknown]> = [
    ['languages', convert.languages, '  ', ['fr', 'ar']],
    ['languages', convert.languages, 'fr <b> ar', ['fr', 'ar']],
    ['policy-url', convert.url, 'javascript:alert(1)', null],
    ['policy-url', convert.url, 'data:text/html,<script>alert(1)</script>', null],
    ['policy-url', convert.url, ' JaVaScRiPt:alert(1)', null],
    ['policy-url', convert.url, 'vbscript:x', null],
    ['categories', convert.categories, 'analytics <img> necessary', ['analytics']],
    ['categories', convert.categories, '', ['analytics']],
    ['revision', convert.revision, 'a b', '1'],
    ['cookie-name', convert.cookieName, 'a;b=c', 'ma_cookie_consent'],
    ['cookie-domain', convert.cookieDomain, '.example.com', null],
    ['cookie-path', convert.cookiePath, 'cgu', '/'],
    ['expires-days', convert.expiresDays, 'abc', 182],
    ['expires-days', convert.expiresDays, '-5', 182],
    ['expires-days', convert.expiresDays, '0', 1],
    ['expires-days', convert.expiresDays, '9999', 395],
    ['expires-days', convert.expiresDays, '1.5', 182],
    ['position', convert.position, 'middle', 'top'],
    ['theme', convert.theme, 'pink', 'auto'],
    ['log-endpoint', convert.endpoint, 'http://tracker.example/log', null],
    ['log-endpoint', convert.endpoint, 'javascript:void 0', null],
  ];
  for (const [name, converter, raw, fallback] of bad) {
    it(`${name}=${JSON.stringify(raw)}: falls back to ${JSON.stringify(fallback)}, with one warning naming the attribute`, () => {
      const { value, warnings } = attribute(name, converter, raw);
      expect(value).to.deep.equal(fallback);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^\[ma-cookie-consent\] attribute: /);
      expect(warnings[0]).to.contain(`${name}=`);
      expect(warnings[0]).to.contain('docs/warnings.md#attribute');
    });
  }

  const good: Array<[string, { fromAttribute?(value: string | null): unknown }, string, unknown]> = [
    ['languages', convert.languages, 'ar FR-ma en', ['ar', 'fr', 'en']],
    ['policy-url', convert.url, '/cgu#article-6', '/cgu#article-6'],
    ['policy-url', convert.url, 'https://artisanat.gov.ma/cgu', 'https://artisanat.gov.ma/cgu'],
    ['policy-url', convert.url, '//artisanat.gov.ma/cgu', '//artisanat.gov.ma/cgu'],
    ['categories', convert.categories, 'analytics  video', ['analytics', 'video']],
    ['revision', convert.revision, '2026-11', '2026-11'],
    ['cookie-name', convert.cookieName, 'consent', 'consent'],
    ['cookie-domain', convert.cookieDomain, location.hostname, location.hostname],
    ['cookie-domain', convert.cookieDomain, '', null],
    ['cookie-path', convert.cookiePath, '/fr', '/fr'],
    ['expires-days', convert.expiresDays, ' 30 ', 30],
    ['position', convert.position, 'Bottom', 'bottom'],
    ['theme', convert.theme, 'DARK', 'dark'],
    ['log-endpoint', convert.endpoint, '/consent-log', new URL('/consent-log', location.href).href],
    ['log-endpoint', convert.endpoint, 'https://proof.gov.ma/receipts', 'https://proof.gov.ma/receipts'],
    ['ignore-gpc', convert.flag, '', true],
  ];
  for (const [name, converter, raw, expected] of good) {
    it(`${name}=${JSON.stringify(raw)} is taken as it is, silently`, () => {
      const { value, warnings } = attribute(name, converter, raw);
      expect(value).to.deep.equal(expected);
      expect(warnings).to.deep.equal([]);
    });
  }

  it('a boolean attribute written "false" is on, and says so', () => {
    const { value, warnings } = attribute('reload-on-revoke', convert.flag, 'false');
    expect(value).to.equal(true);
    expect(warnings.join()).to.match(/boolean-attribute: reload-on-revoke="false"/);
  });

  it('quotes a hostile value short, on one line', () => {
    const { warnings } = attribute('revision', convert.revision, `${'x'.repeat(500)}\n<script>`);
    expect(warnings[0].length).to.be.lessThan(200);
    expect(warnings[0]).not.to.contain('\n');
  });
});

import { expect } from '@open-wc/testing';
import { locales } from '../locales/index.js';
import { bidiSegments, categoryText, fill, formatDate, translation } from '../src/i18n.js';

describe('i18n', () => {
  it('ships fr, ar and en with the same keys', () => {
    const keys = Object.keys(locales.fr).sort();
    for (const code of ['ar', 'en']) expect(Object.keys(locales[code]).sort()).to.deep.equal(keys);
    expect(locales.ar.$dir).to.equal('rtl');
    expect(locales.fr.$dir).to.equal('ltr');
  });

  it('uses the Moroccan terms in Arabic', () => {
    const ar = locales.ar;
    expect(ar.acceptAll).to.equal('قبول الكل');
    expect(ar.refuseAll).to.equal('رفض الكل');
    expect(ar.customize).to.equal('تخصيص الاختيارات');
    expect(ar.save).to.equal('حفظ اختياراتي');
    expect(ar.necessaryLabel).to.equal('ملفات تعريف الارتباط الضرورية');
    expect(ar.analyticsLabel).to.equal('قياس نسبة الزيارات');
    expect(ar.policyLink).to.contain('الشروط العامة للاستخدام');
    expect(ar.rights).to.contain('المعطيات ذات الطابع الشخصي');
  });

  it('isolates Latin fragments and hyphenated numbers in Arabic only', () => {
    const segments = bidiSegments('طبقًا للقانون رقم 09-08 على منصة E-ARTISANAT، المادة 6.', 'rtl');
    expect(segments.filter((s) => s.ltr).map((s) => s.text)).to.deep.equal(['09-08', 'E-ARTISANAT']);
    expect(segments.map((s) => s.text).join('')).to.equal('طبقًا للقانون رقم 09-08 على منصة E-ARTISANAT، المادة 6.');
    expect(bidiSegments('la loi 09-08', 'ltr')).to.deep.equal([{ text: 'la loi 09-08', ltr: false }]);
  });

  it('isolates digit groups split by spaces, which would otherwise read in reverse', () => {
    const segments = bidiSegments('المبلغ 10 000 درهم، المادة 6', 'rtl');
    expect(segments.filter((s) => s.ltr).map((s) => s.text)).to.deep.equal(['10 000']);
  });

  it('keeps sentence punctuation out of an isolated URL', () => {
    const segments = bidiSegments('راسلونا عبر https://artisanat.gov.ma/contact.', 'rtl');
    expect(segments.find((s) => s.ltr)?.text).to.equal('https://artisanat.gov.ma/contact');
  });

  it('formats dates with Western digits and Moroccan month names', () => {
    const date = formatDate('2026-11-26T12:00:00Z', 'ar-MA');
    expect(date).to.match(/26/);
    expect(date).to.match(/2026/);
    expect(date).to.contain('نونبر');
    expect(date).not.to.match(/[٠-٩]/);
    expect(formatDate('2026-11-26T12:00:00Z', 'fr-MA')).to.contain('novembre');
    expect(formatDate('garbage', 'fr-MA')).to.equal('');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} et {b}', { a: 1 })).to.equal('1 et {b}');
    expect(fill('{constructor} {toString}', { a: 1 })).to.equal('{constructor} {toString}');
  });

  it('applies text overrides for one language only', () => {
    const config = { texts: { fr: { title: 'Cookies sur E-ARTISANAT' } } };
    expect(translation('fr', config).title).to.equal('Cookies sur E-ARTISANAT');
    expect(translation('ar', config).title).to.equal(locales.ar.title);
    expect(translation('xx', undefined)).to.equal(locales.fr);
  });

  it('names categories from the configuration, then the locale, then the name', () => {
    const config = { categories: { video: { label: { fr: 'Vidéos', ar: 'الفيديو' } } } };
    expect(categoryText('video', locales.ar, config).label).to.equal('الفيديو');
    expect(categoryText('video', locales.en, config).label).to.equal('Vidéos');
    expect(categoryText('video', locales.en, config).labelLang).to.equal('fr');
    expect(categoryText('video', locales.ar, config).labelLang).to.equal('ar');
    expect(categoryText('analytics', locales.fr, config).label).to.equal("Mesure d'audience");
    expect(categoryText('maps', locales.fr, config).label).to.equal('maps');
  });
});

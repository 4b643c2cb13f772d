import { expect } from '@open-wc/testing';
import ar from '../locales/ar.js';
import en from '../locales/en.js';
import fr from '../locales/fr.js';
import {
  bidiSegments,
  categoryText,
  fill,
  hasLocale,
  onLocale,
  registerLocale,
  resolveLang,
  TEXT_KEYS,
  translation,
} from '../src/i18n.js';
import { captureWarnings } from './helpers.js';

/** The right-to-left runs of a segmentation (odd indexes are the isolated left-to-right runs). */
const isolated = (segments: string[]) => segments.filter((_, i) => i % 2);

describe('i18n', () => {
  it('builds French and Arabic in, with the same keys as the English pack', () => {
    const keys = Object.keys(fr).sort();
    expect(Object.keys(ar).sort()).to.deep.equal(keys);
    expect(Object.keys(en).sort()).to.deep.equal(keys);
    expect(ar.$dir).to.equal('rtl');
    expect(fr.$dir).to.equal('ltr');
    expect(hasLocale('fr') && hasLocale('ar')).to.equal(true);
  });

  it('uses the Moroccan administrative terms in Arabic', () => {
    expect(ar.acceptAll).to.equal('قبول الكل');
    expect(ar.refuseAll).to.equal('رفض الكل');
    expect(ar.customize).to.equal('تخصيص الاختيارات');
    expect(ar.save).to.equal('حفظ اختياراتي');
    expect(ar.manage).to.equal('تدبير ملفات تعريف الارتباط');
    expect(ar.necessaryLabel).to.equal('ملفات تعريف الارتباط الضرورية');
    expect(ar.rights).to.contain('المعطيات ذات الطابع الشخصي');
    expect(ar.rights).to.contain('رقم 09.08');
    // "نسبة" means "ratio" and "تُستغَل" reads as "exploited": not in the texts.
    for (const key of TEXT_KEYS) expect(ar[key], key).not.to.match(/نسبة الزيارات|تُستغَل/);
  });

  it('keeps the whole Article 6 notice, in both languages', () => {
    const notice = (t: typeof fr) => [t.aboutCookies, t.aboutAudience, t.aboutRefusal].join(' ');
    // What a cookie is; what is recorded; aggregate use to improve; not to identify; browser blocking.
    expect(notice(fr))
      .to.match(/fichier texte/)
      .and.match(/pages consultées/)
      .and.match(/date et l'heure/);
    expect(notice(fr))
      .to.match(/forme globale/)
      .and.match(/améliorer/)
      .and.match(/identifier/)
      .and.match(/navigateur/);
    expect(notice(ar))
      .to.match(/ملف نصي/)
      .and.match(/الصفحات/)
      .and.match(/تاريخ الاطلاع وساعته/);
    expect(notice(ar))
      .to.match(/بصفة إجمالية/)
      .and.match(/تحسينه/)
      .and.match(/تعرف على هويتكم/)
      .and.match(/متصفحكم/);
  });

  it('keeps the first layer to two sentences', () => {
    for (const t of [fr, ar, en]) expect(t.intro.split(/[.!?]\s/).length, t.$code).to.be.at.most(2);
  });

  it('isolates Latin fragments and hyphenated numbers in Arabic only', () => {
    const text = 'طبقًا للقانون رقم 09-08 على منصة E-ARTISANAT، المادة 6.';
    const segments = bidiSegments(text, 'rtl');
    expect(isolated(segments)).to.deep.equal(['09-08', 'E-ARTISANAT']);
    expect(segments.join('')).to.equal(text);
    expect(bidiSegments('la loi 09-08', 'ltr')).to.deep.equal(['la loi 09-08']);
  });

  it('keeps accented Latin words and apostrophes in one isolated run', () => {
    const text = 'الفئات المسموح بها: Vidéos intégrées، Secrétariat d’État chargé de l’Artisanat.';
    expect(isolated(bidiSegments(text, 'rtl'))).to.deep.equal([
      'Vidéos intégrées',
      'Secrétariat d’État chargé de l’Artisanat',
    ]);
  });

  it('isolates digit groups split by spaces, which would otherwise read in reverse', () => {
    expect(isolated(bidiSegments('المبلغ 10 000 درهم، المادة 6', 'rtl'))).to.deep.equal(['10 000']);
  });

  it('keeps sentence punctuation out of an isolated URL', () => {
    expect(isolated(bidiSegments('راسلونا عبر https://artisanat.gov.ma/contact.', 'rtl'))).to.deep.equal([
      'https://artisanat.gov.ma/contact',
    ]);
  });

  it('writes dates with Western digits and Moroccan month names, without Intl', () => {
    const date = new Date(2026, 10, 26, 12);
    expect(ar.$date(date)).to.equal('26 نونبر 2026');
    expect(fr.$date(date)).to.equal('26\u00a0novembre 2026');
    expect(fr.$date(new Date(2026, 11, 1))).to.equal('1er\u00a0décembre 2026');
    expect(en.$date(date)).to.equal('26 November 2026');
    expect(ar.$date(new Date(2026, 7, 3))).to.equal('3 غشت 2026');
  });

  it('makes the number of days agree in Arabic', () => {
    const cases: Array<[number, string]> = [
      [1, 'يوم واحد'],
      [2, 'يومين'],
      [3, '3 أيام'],
      [10, '10 أيام'],
      [11, '11 يومًا'],
      [182, '182 يومًا'],
      [100, '100 يوم'],
      [395, '395 يومًا'],
      [303, '303 أيام'],
    ];
    for (const [n, text] of cases) expect(ar.$days(n), String(n)).to.equal(text);
    expect(fr.$days(1)).to.equal('1\u00a0jour');
    expect(fr.$days(182)).to.equal('182\u00a0jours');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} et {b}', { a: 1 })).to.equal('1 et {b}');
    expect(fill('{constructor} {toString}', { a: 1 })).to.equal('{constructor} {toString}');
  });

  it('applies text overrides for one language only, and gives the same object while nothing changes', () => {
    const config = { texts: { fr: { title: 'Cookies sur E-ARTISANAT' } } };
    expect(translation('fr', config).title).to.equal('Cookies sur E-ARTISANAT');
    expect(translation('fr', config)).to.equal(translation('fr', config));
    expect(translation('ar', config)).to.equal(ar);
    expect(translation('xx')).to.equal(fr);
  });

  it('resolves the language: asked for and loaded, else the page language if loaded, else French', () => {
    const html = document.documentElement;
    const before = html.getAttribute('lang');
    try {
      html.setAttribute('lang', 'ar-MA');
      expect(resolveLang('')).to.equal('ar');
      expect(resolveLang('FR-ma')).to.equal('fr');
      expect(resolveLang('tzm')).to.equal('fr');
      html.setAttribute('lang', 'es');
      expect(resolveLang('')).to.equal('fr');
    } finally {
      if (before === null) html.removeAttribute('lang');
      else html.setAttribute('lang', before);
    }
  });

  it('labels categories from the configuration, the locale, or the French text marked as French', () => {
    const config = { categories: { video: { label: { fr: 'Vidéos' } } } };
    expect(categoryText('analytics', 'label', fr, undefined)).to.deep.equal({ text: fr.analyticsLabel, lang: 'fr' });
    expect(categoryText('video', 'label', ar, config)).to.deep.equal({ text: 'Vidéos', lang: 'fr' });
    expect(categoryText('maps', 'label', ar, config)).to.deep.equal({ text: 'maps', lang: 'ar' });
    expect(categoryText('maps', 'description', ar, config)).to.deep.equal({ text: '', lang: 'ar' });
  });
});

describe('i18n: locale packs', () => {
  const pack = (overrides: Record<string, unknown> = {}) => ({ ...en, $code: 'zz', ...overrides });

  it('registers a valid pack and tells listeners, so that what is shown re-renders', () => {
    let heard = 0;
    const stop = onLocale(() => heard++);
    try {
      registerLocale(pack());
      expect(hasLocale('zz')).to.equal(true);
      expect(resolveLang('zz')).to.equal('zz');
      expect(heard).to.equal(1);
    } finally {
      stop();
    }
  });

  it('takes packs pushed to the global queue, before or after the bundle', () => {
    window.maCookieConsentLocales!.push(pack({ $code: 'zy' }));
    expect(hasLocale('zy')).to.equal(true);
    expect(Array.isArray(window.maCookieConsentLocales)).to.equal(true);
  });

  const hostile: Array<[string, Record<string, unknown>]> = [
    ['replacing French', { $code: 'fr' }],
    ['replacing Arabic', { $code: 'ar' }],
    ['a code that is not a language', { $code: '__proto__' }],
    ['a missing text', { intro: undefined }],
    ['a text that is not a string', { title: { toString: () => 'x' } }],
    ['an unknown direction', { $dir: 'up' }],
    ['no date formatter', { $date: 'today' }],
  ];
  for (const [name, overrides] of hostile) {
    it(`refuses a pack with ${name}, with a warning`, () => {
      const warnings = captureWarnings();
      try {
        registerLocale(pack({ ...overrides, ...(overrides.$code ? {} : { $code: 'zx' }) }));
      } finally {
        warnings.restore();
      }
      expect(warnings.messages.join()).to.match(/locale-pack/);
      expect(hasLocale('zx')).to.equal(false);
      expect(translation('fr')).to.equal(fr);
      expect(translation('ar')).to.equal(ar);
    });
  }

  it('refuses a pack that is not an object', () => {
    const warnings = captureWarnings();
    try {
      registerLocale(null);
      registerLocale('en');
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.have.length(2);
  });
});

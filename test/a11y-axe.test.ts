/**
 * Issue 5, item 1: every state (banner, confirmation, dialog, manage button), in French and
 * Arabic, light and dark theme, passes axe-core with zero violations — colour contrast included,
 * since axe reads the real rendered colours. (theme="auto" in a dark system: a11y-media.test.ts.)
 */
import { expect } from '@open-wc/testing';
import { enter, mount, STATES, unmount } from './a11y-helpers.js';

describe('a11y: axe in every state, language and theme', () => {
  afterEach(unmount);

  for (const lang of ['fr', 'ar']) {
    for (const theme of ['light', 'dark']) {
      for (const state of STATES) {
        it(`${state} in ${lang}, ${theme} theme: zero axe violations`, async () => {
          const el = await mount(
            { lang, theme, 'policy-url': '/cgu#article-6', categories: 'analytics video' },
            { config: { categories: { video: { label: { fr: 'Vidéos', ar: 'الفيديو' } } } } },
          );
          const node = await enter(el, state);
          expect(node.isConnected).to.equal(true);
          await expect(el).to.be.accessible();
        });
      }
    }
  }

  it('position="bottom" banner and confirmation in Arabic: zero axe violations', async () => {
    const el = await mount({ lang: 'ar', position: 'bottom', 'policy-url': '/cgu' });
    await expect(el).to.be.accessible();
    await enter(el, 'confirmation');
    await expect(el).to.be.accessible();
  });

  it('control: axe does see inside the shadow root (a site colour that fails contrast is caught)', async () => {
    const el = await mount({ lang: 'fr', theme: 'light' });
    el.style.setProperty('--ma-consent-fg', '#b4b4b4');
    await expect(el).not.to.be.accessible();
  });
});

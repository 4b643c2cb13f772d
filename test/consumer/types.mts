// What a TypeScript user writes against the published declarations, compiled with `strict`
// under `moduleResolution: "bundler"` and again under `"node16"` by scripts/check-consumer.mjs.
import type { ConsentChangeDetail, MaCookieConsent } from 'ma-cookie-consent';

// HTMLElementTagNameMap: the tag gives the class, with the script API of docs/api.md §6.
const el = document.querySelector('ma-cookie-consent');
const typed: MaCookieConsent | null = el;
el?.acceptAll();
el?.refuseAll();
el?.setConsent({ analytics: true });
el?.showPreferences();
el?.reset();
const granted: boolean | undefined = el?.isGranted('analytics');
const waiting: Promise<void> | undefined = el?.whenGranted('analytics');
const revision: string | undefined = el?.consent?.revision;

// GlobalEventHandlersEventMap: the listener's event is typed without a cast.
el?.addEventListener('ma-consent-change', (e) => {
  const categories: Record<string, boolean> = e.detail.categories;
  const source: 'banner' | 'preferences' | 'placeholder' | 'api' | 'gpc' | 'other-tab' = e.detail.source;
  const detail: ConsentChangeDetail = e.detail;
  // The types are real, not `any`: a field the detail does not have is an error.
  // @ts-expect-error -- `nonexistent` is not part of the event's detail
  const wrong = e.detail.nonexistent;
  console.log(categories, source, detail, wrong);
});

// Every source docs/api.md §6 names is a value of the type, so a listener can test for each one.
const sources: ConsentChangeDetail['source'][] = ['banner', 'preferences', 'placeholder', 'api', 'gpc', 'other-tab'];

console.log(typed, granted, waiting, revision, sources);

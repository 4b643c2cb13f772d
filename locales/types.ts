/**
 * The shape every locale implements. A key missing from a locale is a compile error, so a
 * translation can never silently fall back to another language.
 *
 * Texts are plain text (never HTML). `{name}` placeholders are filled by the component:
 * `{cookie}` (consent cookie name), `{days}` (lifetime of the choice), `{date}` (date of the
 * choice, formatted with `$dateLocale`).
 */
export interface Translation {
  /** BCP 47 code of the locale, as used in the `lang` attribute. */
  $code: string;
  /** The language's own name, shown on the language switch ("العربية", "Français"). */
  $name: string;
  $dir: 'ltr' | 'rtl';
  /** Locale used by `Intl.DateTimeFormat` (Moroccan Arabic keeps Western digits: `ar-MA`). */
  $dateLocale: string;

  title: string;
  /** The notice, one paragraph per entry (Article 6 of the terms of use, as a choice). */
  notice: string;
  noticeUse: string;
  noticeRefusal: string;
  noticeChange: string;
  policyLink: string;

  acceptAll: string;
  refuseAll: string;
  customize: string;
  save: string;
  close: string;
  hide: string;
  manage: string;
  language: string;

  confirmAccepted: string;
  confirmRefused: string;
  confirmCustom: string;
  confirmChange: string;
  savedOn: string;

  dialogTitle: string;
  dialogIntro: string;
  rights: string;
  gpcRespected: string;
  necessaryLabel: string;
  necessaryDescription: string;
  alwaysOn: string;
  /** State shown beside a switch, so it never relies on the knob's position alone. */
  on: string;
  off: string;
  categoriesLegend: string;
  analyticsLabel: string;
  analyticsDescription: string;
}

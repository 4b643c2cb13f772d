/**
 * The shape every locale implements, built in (fr, ar) or loaded as a pack (en, …). A key
 * missing from a locale is a compile error, so a translation can never silently fall back to
 * another language.
 *
 * Texts are plain text (never HTML). `{name}` placeholders are filled by the component:
 * `{cookie}` (consent cookie name), `{days}` (lifetime of the choice, from `$days`), `{date}`
 * (date of the choice, from `$date`), `{list}` (category labels), and in placeholders `{title}`
 * (what is blocked), `{host}` (where it comes from) and `{category}` (the category's label).
 */
export interface Translation {
  /** Language code, as used in the `lang` attribute (`fr`, `ar`, `en`…). */
  $code: string;
  /** The language's own name, shown on the language switch ("العربية", "Français"). */
  $name: string;
  $dir: 'ltr' | 'rtl';
  /** A date as written in this language, with Western digits (as used in Morocco). */
  $date(date: Date): string;
  /** A number of days, with the noun agreeing with the number. */
  $days(days: number): string;
  /** Joins category labels in a list. */
  $list: string;

  /** The first layer: a title, one or two sentences, the policy link. */
  title: string;
  intro: string;
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
  allowedList: string;
  refusedList: string;
  confirmChange: string;
  savedOn: string;

  /** The preferences dialog, which also holds the whole notice (Article 6 of the terms of use). */
  dialogTitle: string;
  dialogIntro: string;
  aboutTitle: string;
  aboutCookies: string;
  aboutAudience: string;
  aboutRefusal: string;
  rights: string;
  gpcRespected: string;
  categoriesLegend: string;
  necessaryLabel: string;
  necessaryDescription: string;
  alwaysOn: string;
  /** State shown beside a switch, so it never relies on the knob's position alone. */
  on: string;
  off: string;
  analyticsLabel: string;
  analyticsDescription: string;

  /** The placeholder shown in place of a blocked embed. */
  blockedTitle: string;
  blockedText: string;
  allow: string;
  openOn: string;
  notOffered: string;
}

/** The keys a site may override under `texts.<lang>` (every text, none of the `$` settings). */
export type TextKey = Exclude<keyof Translation, `$${string}`>;

import { adoptStyles, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Translation } from '../locales/types.js';
import * as convert from './attributes.js';
import { normalizeConfig, readConfigBlock, type ConsentConfig } from './config.js';
import { ConsentController } from './consent-controller.js';
import { core, type ConsentChange, type Shown } from './consent-core.js';
import { own } from './objects.js';
import { parsing } from './dom.js';
import type { Consent } from './events.js';
import { deepActiveElement, nextFocusable } from './focus.js';
import { categoryText, fill, hasLocale, onLocale, primary, resolveLang, translation } from './i18n.js';
import { OpenTriggers } from './open-triggers.js';
import { PagePadding } from './page-padding.js';
import { say, sayIn } from './say.js';
import { dialogStyles, styles } from './ma-cookie-consent.styles.js';
import { quote, warn } from './warn.js';

/** What placeholders follow: the language, texts and theme the element shows. */
export interface ConsentView {
  t: Translation;
  theme: string;
  config: ConsentConfig | undefined;
}

/**
 * A cookie-consent banner and preferences dialog, in French and Arabic (more languages as locale
 * packs), that keeps gated scripts, iframes and templates (`data-consent`) from running until
 * the visitor agrees. The public API is described in docs/api.md.
 *
 * Place it as the first child of `<body>` (or let the script tag insert it).
 *
 * @tag ma-cookie-consent
 * @summary Bilingual cookie consent for Moroccan government web sites.
 *
 * @fires {ConsentReadyEvent} ma-consent-ready - Once, after the stored choice has been read. `detail`: the consent or `null`.
 * @fires {ConsentChangeEvent} ma-consent-change - At every decision. `detail`: `{ categories, revision, timestamp, id, source }`.
 *
 * @csspart banner - The first-layer notice (a labelled region).
 * @csspart button - Every button.
 * @csspart accept - The "accept all" buttons.
 * @csspart refuse - The "refuse all" buttons.
 * @csspart customize - The button that opens the preferences.
 * @csspart save - The dialog's save button.
 * @csspart hide - The button that hides the confirmation.
 * @csspart close - The dialog's close button.
 * @csspart confirmation - The message shown after a choice made in the banner.
 * @csspart language - The language switch.
 * @csspart dialog - The preferences dialog.
 * @csspart category - One category row in the dialog.
 * @csspart manage - The floating "manage cookies" button.
 * @csspart policy-link - The link to the cookie policy.
 *
 * @cssprop --ma-consent-accent - Button and switch colour.
 * @cssprop --ma-consent-accent-contrast - Text colour on the accent colour.
 * @cssprop --ma-consent-bg - Background of the banner, dialog and placeholders.
 * @cssprop --ma-consent-fg - Text colour.
 * @cssprop --ma-consent-font - Font family.
 * @cssprop --ma-consent-radius - Corner radius of buttons and panels.
 * @cssprop --ma-consent-z-index - Stacking order of the docked banner and the manage button.
 */
export class MaCookieConsent extends LitElement {
  static override styles = styles;

  // Each attribute is declared here once; its converter parses it, warns about a bad value and
  // gives the default (src/attributes.ts).
  static override properties = {
    lang: {},
    languages: { converter: convert.languages },
    policyUrl: { attribute: 'policy-url', converter: convert.url },
    categories: { converter: convert.categories },
    revision: { converter: convert.revision },
    cookieName: { attribute: 'cookie-name', converter: convert.cookieName },
    cookieDomain: { attribute: 'cookie-domain', converter: convert.cookieDomain },
    cookiePath: { attribute: 'cookie-path', converter: convert.cookiePath },
    expiresDays: { attribute: 'expires-days', converter: convert.expiresDays },
    position: { converter: convert.position },
    theme: { converter: convert.theme },
    hideManageButton: { attribute: 'hide-manage-button', converter: convert.flag },
    reloadOnRevoke: { attribute: 'reload-on-revoke', converter: convert.flag },
    logEndpoint: { attribute: 'log-endpoint', converter: convert.endpoint },
    ignoreGpc: { attribute: 'ignore-gpc', converter: convert.flag },
  };

  /** Language of the texts: `fr`, `ar`, or a loaded locale pack's. Defaults to the page's language, else `fr`. */
  override lang = '';
  /** Languages offered by the language switch, space-separated, in order (`fr ar`). */
  languages = ['fr', 'ar'];
  /** URL of the cookie policy (http, https or relative). Without it, no link is shown. */
  policyUrl: string | null = null;
  /** Optional categories offered, space-separated (`analytics`). `necessary` is always on. */
  categories = ['analytics'];
  /** Policy revision: a choice stored for another revision is asked again. */
  revision = '1';
  /** Name of the consent cookie. */
  cookieName = 'ma_cookie_consent';
  /** `Domain` of the consent cookie, e.g. `.gov.ma` to share a choice across sub-sites. Default: host-only. */
  cookieDomain: string | null = null;
  /** `Path` of the consent cookie. */
  cookiePath = '/';
  /** Lifetime of the choice in days (accepted or refused), 1 to 395. */
  expiresDays = convert.DEFAULT_EXPIRES_DAYS;
  /** `top` (in the page flow, the default) or `bottom` (docked to the viewport's bottom edge). */
  position: 'top' | 'bottom' = 'top';
  /** `auto` (follows the system), `light` or `dark`. */
  theme: 'auto' | 'light' | 'dark' = 'auto';
  /** No floating "manage cookies" button after a choice (the site has its own link). */
  hideManageButton = false;
  /** Reload the page after a granted category is withdrawn. */
  reloadOnRevoke = false;
  /** Same-origin or https URL that receives a JSON receipt of each decision. */
  logEndpoint: string | null = null;
  /** Do not treat the browser's Global Privacy Control signal as a refusal. */
  ignoreGpc = false;

  readonly #consent = new ConsentController(this, (change) => this.#changed(change));
  #config: ConsentConfig | undefined;
  #configSet = false;
  #configWatch: MutationObserver | null = null;
  /** A locale pack that arrives after the first render re-renders in place. */
  #offLocale: (() => void) | null = null;
  /** The confirmation replaces the banner after a decision made there. */
  #confirm = false;
  /** The dialog's switches, saved only by "save". */
  #draft: Record<string, boolean> = {};
  /** The dialog is rendered the first time it is needed, not on every page load. */
  #dialogWanted = false;
  #opener: HTMLElement | null = null;
  #refocus = false;
  readonly #warned = new Set<string>();

  constructor() {
    super();
    new OpenTriggers(this, () => void this.showPreferences());
    new PagePadding(this, () => this.renderRoot.querySelector<HTMLElement>('.docked, .manage'));
    // A page may set `config` before the script defines the element: that value sits in an own
    // property hiding the accessor. Take it through the accessor so that it is validated.
    if (own(this, 'config')) {
      const early: unknown = (this as { config?: unknown }).config;
      delete (this as { config?: unknown }).config;
      this.config = early;
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    convert.setConverting(name);
    super.attributeChangedCallback(name, old, value);
  }

  // ---- public API (docs/api.md) --------------------------------------------------------------

  /** The structured configuration (texts, categories), same shape as the JSON block. */
  get config(): ConsentConfig | undefined {
    return this.#config;
  }
  set config(value: unknown) {
    this.#configSet = true;
    this.#config = normalizeConfig(value);
    this.requestUpdate();
  }

  /** The current choice, or `null` when the visitor has not decided. */
  get consent(): Consent | null {
    return this.#consent.active ? core.consent : null;
  }

  /** Whether a category is granted (`necessary` always is). */
  isGranted(category: string): boolean {
    return category === 'necessary' || (this.#consent.active && core.isGranted(category));
  }

  /** Resolves once the category is granted (at once if it already is). */
  whenGranted(category: string): Promise<void> {
    return core.whenGranted(category);
  }

  /** Grants every optional category, as the "accept all" button does (event `source`: `api`). */
  acceptAll(): void {
    if (this.#consent.active) core.acceptAll('api');
  }

  /** Refuses every optional category, as the "refuse all" button does (event `source`: `api`). */
  refuseAll(): void {
    if (this.#consent.active) core.refuseAll('api');
  }

  /** Decides per category; categories not named are refused. */
  setConsent(choices: Record<string, boolean>): void {
    if (typeof choices !== 'object' || !choices) return warn('set-consent', quote(choices));
    for (const name of Object.keys(choices))
      if (name !== 'necessary' && !this.categories.includes(name)) warn('set-consent', quote(name));
    if (this.#consent.active) core.decide(choices, 'api');
  }

  /** Opens the preferences dialog. */
  async showPreferences(): Promise<void> {
    // Already open: keep the visitor's unsaved switches and the element to return focus to.
    if (!this.#consent.active || this.#dialog?.open) return;
    this.#opener = deepActiveElement();
    this.#draft = core.choice();
    // The dialog's stylesheet is parsed now, the first time it is needed, and added to the
    // shadow root's (never replacing a sheet another tool added there).
    if (!this.#dialogWanted) {
      const root = this.renderRoot as ShadowRoot;
      const sheet = dialogStyles.styleSheet;
      if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      else adoptStyles(root, [dialogStyles]);
    }
    this.#dialogWanted = true;
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    try {
      dialog.showModal();
    } catch (error) {
      warn('dialog', '', error);
      dialog.setAttribute('open', '');
    }
    this.renderRoot.querySelector<HTMLElement>('#ma-dialog-title')?.focus();
  }

  /** Forgets the stored choice and shows the banner again. */
  reset(): void {
    if (this.#consent.active) core.reset();
  }

  // ---- life cycle --------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#consent.active) return;
    this.#offLocale = onLocale(() => this.requestUpdate());
    if (!this.#configSet) this.#readConfig();
    // With the script in <head>, the JSON block is parsed after the element is connected.
    const parsed = () => {
      this.#configWatch?.disconnect();
      this.#checkLanguages();
    };
    if (parsing()) {
      this.#configWatch = new MutationObserver(() => this.#readConfig());
      this.#configWatch.observe(this, { childList: true, subtree: true, characterData: true });
      addEventListener('DOMContentLoaded', parsed, { once: true });
    } else parsed();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#configWatch?.disconnect();
    this.#offLocale?.();
  }

  /** A render that fails (a page whose markup hides document.createElement, say) must not throw into the page. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    try {
      return super.scheduleUpdate();
    } catch (error) {
      warn('render', '', error);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('lang') || changed.has('languages')) && !parsing()) this.#checkLanguages();
  }

  protected override updated(): void {
    if (!this.#consent.active) return;
    if (this.#refocus && !deepActiveElement())
      (
        this.renderRoot.querySelector<HTMLElement>('.manage, .confirmation, [part~="accept"]') ?? nextFocusable(this)
      )?.focus();
    this.#refocus = false;
    const t = this.#texts();
    const view = core.view as ConsentView | undefined;
    if (view?.t !== t || view.theme !== this.theme || view.config !== this.#config)
      core.view = { t, theme: this.theme, config: this.#config };
  }

  #readConfig(): void {
    // A configuration the page set by property wins over the block.
    const found = this.#configSet ? undefined : readConfigBlock(this);
    if (found) {
      this.#config = found;
      this.requestUpdate();
    }
  }

  /** Languages asked for and not loaded (no pack): said once, after the page is parsed, so that packs loaded later count. */
  #checkLanguages(): void {
    for (const [attribute, code] of [['lang', primary(this.lang)], ...this.languages.map((c) => ['languages', c])]) {
      if (!code || hasLocale(code) || this.#warned.has(code)) continue;
      this.#warned.add(code);
      warn('language', `${attribute}=${quote(code)}`);
    }
  }

  /** Hears about every change of the page's consent, whoever made it. */
  #changed({ kind, previous }: ConsentChange): void {
    // A change made elsewhere (another tab, a script) may take away the control that had focus:
    // after the next render, focus goes on, never lost to <body>.
    if (kind !== 'banner' && kind !== 'preferences' && kind !== 'placeholder')
      this.#refocus = this.renderRoot.contains(deepActiveElement());
    if (kind === 'reset' || kind === 'load') {
      // No choice any more: nothing to confirm, and an open dialog shows no choice either.
      this.#confirm = false;
      this.#draft = core.choice();
    } else if (kind === 'placeholder' && !previous) {
      // Decided in a placeholder while the banner showed: the banner gives way to the
      // confirmation, as after any decision; focus stays on the embed.
      this.#confirm = true;
    } else if (kind === 'other-tab') this.#dialog?.close();
  }

  // ---- user actions --------------------------------------------------------------------------

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** After a decision in the banner, the confirmation takes its place, and focus. */
  async #confirmed(): Promise<void> {
    this.#confirm = true;
    this.requestUpdate();
    await this.updateComplete;
    // The buttons just used are gone: the message takes focus so that it is read, and so
    // that keyboard users are not sent back to the top of the page.
    this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus();
  }

  readonly #onAccept = () => {
    core.acceptAll('banner', this.#shownBanner());
    void this.#confirmed();
  };

  readonly #onRefuse = () => {
    core.refuseAll('banner', this.#shownBanner());
    void this.#confirmed();
  };

  readonly #onCustomize = () => void this.showPreferences();

  readonly #onHide = async () => {
    this.#confirm = false;
    this.requestUpdate();
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>('.manage') ?? nextFocusable(this))?.focus();
  };

  #fromDialog(decide: (shown: Shown) => void): void {
    const fromBanner = !core.record;
    const shown = this.#shownDialog();
    // From the banner, the opener (customize) is about to be replaced by the confirmation,
    // which takes focus; from anywhere else, focus goes back to whatever opened the dialog.
    if (fromBanner) this.#opener = null;
    this.#dialog?.close();
    decide(shown);
    if (fromBanner) void this.#confirmed();
    else void this.#restoreFocus();
  }

  readonly #onSave = () => this.#fromDialog((shown) => core.decide(this.#draft, 'preferences', shown));
  readonly #onDialogAccept = () => this.#fromDialog((shown) => core.acceptAll('preferences', shown));
  readonly #onDialogRefuse = () => this.#fromDialog((shown) => core.refuseAll('preferences', shown));
  readonly #onClose = () => this.#dialog?.close();

  /** Escape, the close button or any other way out: nothing is saved, focus goes back. */
  readonly #onDialogClosed = () => {
    this.#draft = core.choice();
    this.requestUpdate();
    void this.#restoreFocus();
  };

  async #restoreFocus(): Promise<void> {
    await this.updateComplete;
    const target = this.#opener;
    this.#opener = null;
    if (target?.isConnected) return target.focus();
    // Called twice for one closing (the decision, then the dialog's close event): focus that
    // already sits on a live control outside the dialog stays where it was put.
    const current = deepActiveElement();
    if (current?.isConnected && !this.#dialog?.contains(current)) return;
    (
      this.renderRoot.querySelector<HTMLElement>(this.#confirm ? '.confirmation' : '.manage') ?? nextFocusable(this)
    )?.focus();
  }

  #onToggle(category: string, event: Event): void {
    this.#draft = { ...this.#draft, [category]: (event.target as HTMLInputElement).checked };
    this.requestUpdate();
  }

  // ---- receipts: the texts shown where the decision was made (docs/security.md) ---------------

  #shownBanner(): Shown {
    const t = this.#texts();
    return { text: [t.title, t.intro].join('\n') };
  }

  #shownDialog(): Shown {
    const t = this.#texts();
    const rows = this.categories.flatMap((name) => [
      categoryText(name, 'label', t, this.#config).text,
      categoryText(name, 'description', t, this.#config).text,
    ]);
    return {
      text: [t.dialogTitle, t.dialogIntro, ...rows, t.aboutCookies, t.aboutAudience, t.aboutRefusal, t.rights].join(
        '\n',
      ),
    };
  }

  // ---- rendering -----------------------------------------------------------------------------

  #texts(): Translation {
    return translation(resolveLang(this.lang), this.#config);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.#consent.active) return nothing;
    const banner = !core.record;
    const manage = !banner && !this.#confirm && !this.hideManageButton;
    // Nothing to show: skip locale work entirely (the start-up path with a stored choice).
    if (!banner && !this.#confirm && !manage && !this.#dialogWanted) return nothing;
    const t = this.#texts();
    return html`<div class="root ${this.theme}" lang=${t.$code} dir=${t.$dir}>
      ${banner ? this.#banner(t) : this.#confirm ? this.#confirmation(t) : nothing}
      ${manage ? html`<button type="button" part="manage" class="manage" @click=${this.#onCustomize}>${say(t.manage, t)}</button>` : nothing}
      ${this.#dialogWanted ? this.#dialogTemplate(t) : nothing}
    </div>`;
  }

  #languages(t: Translation): TemplateResult | typeof nothing {
    // Only loaded languages; none of those listed: the built-in two.
    const loaded = this.languages.filter(hasLocale);
    const others = (loaded.length ? loaded : ['fr', 'ar']).filter((code) => code !== t.$code);
    return others.length
      ? html`<div part="language" class="language" role="group" aria-label=${t.language}>
          ${others.map((code) => {
            const other = translation(code);
            return html`<button type="button" part="button" class="link" lang=${code} dir=${other.$dir} @click=${() => this.setAttribute('lang', code)}>${other.$name}</button>`;
          })}
        </div>`
      : nothing;
  }

  #policy(t: Translation): TemplateResult | typeof nothing {
    return this.policyUrl
      ? html`<a part="policy-link" class="policy" href=${this.policyUrl}>${say(t.policyLink, t)}</a>`
      : nothing;
  }

  #banner(t: Translation): TemplateResult {
    return html`<section part="banner" class="banner ${this.position === 'bottom' ? 'docked' : ''}" aria-labelledby="ma-banner-title">
      <div class="inner">
        <div class="head">
          <h2 id="ma-banner-title">${say(t.title, t)}</h2>
          ${this.#languages(t)}
        </div>
        <p>${say(t.intro, t)} ${this.#policy(t)}</p>
        <div class="actions">
          <span class="pair">
            <button type="button" part="button accept" class="primary" @click=${this.#onAccept}>${say(t.acceptAll, t)}</button>
            <button type="button" part="button refuse" class="primary" @click=${this.#onRefuse}>${say(t.refuseAll, t)}</button>
          </span>
          <button type="button" part="button customize" class="secondary" @click=${this.#onCustomize}>${say(t.customize, t)}</button>
        </div>
      </div>
    </section>`;
  }

  #confirmation(t: Translation): TemplateResult {
    const choice = core.choice();
    const names = Object.keys(choice);
    const label = (c: string) => categoryText(c, 'label', t, this.#config).text;
    const allowed = names.filter((c) => choice[c]).map(label);
    const refused = names.filter((c) => !choice[c]).map(label);
    const message = !refused.length
      ? t.confirmAccepted
      : !allowed.length
        ? t.confirmRefused
        : [
            t.confirmCustom,
            fill(t.allowedList, { list: allowed.join(t.$list) }),
            fill(t.refusedList, { list: refused.join(t.$list) }),
          ].join(' ');
    const record = core.record;
    let date = '';
    try {
      date = record ? t.$date(new Date(record.ts)) : '';
    } catch {
      // a locale pack's formatter that fails: the date is left out
    }
    return html`<section class="banner ${this.position === 'bottom' ? 'docked' : ''}" aria-labelledby="ma-confirmation-text">
      <div class="inner">
        <div part="confirmation" class="confirmation" role="status" tabindex="-1">
          <p id="ma-confirmation-text">${say(message, t)}</p>
          <p>${date ? say(fill(t.savedOn, { date }), t) : nothing} ${say(t.confirmChange, t)}</p>
        </div>
        <div class="actions">
          <button type="button" part="button hide" class="secondary" @click=${this.#onHide}>${say(t.hide, t)}</button>
        </div>
      </div>
    </section>`;
  }

  /** One category row: its label, description and switch (the state is also said in words). */
  #category(t: Translation, name: string, on: boolean, locked: boolean): TemplateResult {
    const label =
      name === 'necessary' ? { text: t.necessaryLabel, lang: t.$code } : categoryText(name, 'label', t, this.#config);
    const description =
      name === 'necessary'
        ? {
            text: fill(t.necessaryDescription, { cookie: this.cookieName, days: t.$days(this.expiresDays) }),
            lang: t.$code,
          }
        : categoryText(name, 'description', t, this.#config);
    return html`<div part="category" class="category">
      <div>
        <label for="ma-cat-${name}">${sayIn(label.text, label.lang, t)}</label>
        ${description.text ? html`<p id="ma-desc-${name}">${sayIn(description.text, description.lang, t)}</p>` : nothing}
      </div>
      <span class="switch">
        <input type="checkbox" role="switch" id="ma-cat-${name}" aria-describedby=${description.text ? `ma-desc-${name}` : nothing} .checked=${on} ?disabled=${locked} @change=${(e: Event) => this.#onToggle(name, e)} />
        <span class="track" aria-hidden="true"></span>
        <span class="state" aria-hidden="true">${locked ? t.alwaysOn : on ? t.on : t.off}</span>
      </span>
    </div>`;
  }

  #dialogTemplate(t: Translation): TemplateResult {
    return html`<dialog part="dialog" aria-labelledby="ma-dialog-title" @close=${this.#onDialogClosed}>
      <div class="dialog-body">
        <div class="head">
          <h2 id="ma-dialog-title" tabindex="-1">${say(t.dialogTitle, t)}</h2>
          <button type="button" part="button close" class="secondary" @click=${this.#onClose}>${say(t.close, t)}</button>
        </div>
        ${this.#languages(t)}
        <p>${say(t.dialogIntro, t)}</p>
        ${core.gpc ? html`<p class="notice" role="note">${say(t.gpcRespected, t)}</p>` : nothing}
        <fieldset>
          <legend>${say(t.categoriesLegend, t)}</legend>
          ${this.#category(t, 'necessary', true, true)}
          ${this.categories.map((name) => this.#category(t, name, this.#draft[name] === true, false))}
        </fieldset>
        <h3>${say(t.aboutTitle, t)}</h3>
        <p>${say(t.aboutCookies, t)}</p>
        <p>${say(t.aboutAudience, t)}</p>
        <p>${say(t.aboutRefusal, t)}</p>
        <p class="small">${say(t.rights, t)} ${this.#policy(t)}</p>
        <div class="actions">
          <span class="pair">
            <button type="button" part="button accept" class="primary" @click=${this.#onDialogAccept}>${say(t.acceptAll, t)}</button>
            <button type="button" part="button refuse" class="primary" @click=${this.#onDialogRefuse}>${say(t.refuseAll, t)}</button>
          </span>
          <button type="button" part="button save" class="primary" @click=${this.#onSave}>${say(t.save, t)}</button>
        </div>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-cookie-consent': MaCookieConsent;
  }
}

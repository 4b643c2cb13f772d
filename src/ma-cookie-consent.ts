import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Translation } from '../locales/types.js';
import { normalizeConfig, readConfigBlock, type ConsentConfig } from './config.js';
import { ConsentStore, ConsentSync, createRecord, serializeConsent, type ConsentRecord } from './consent-store.js';
import { consentEvent, type Consent, type ConsentChangeDetail, type ConsentSource } from './events.js';
import { bidiSegments, categoryText, fill, formatDate, prepareDateFormat, TEXT_KEYS, translation } from './i18n.js';
import { consentModeDefault, consentModeUpdate, matomoConsent, sendReceipt, sha256Hex } from './integrations.js';
import { warn } from './log.js';
import { booleanWarnings, resolveOptions, type Options } from './options.js';
import { ANALYTICS_COOKIES, clearCookies, ScriptGate } from './script-gate.js';
import { styles } from './ma-cookie-consent.styles.js';

type View = 'none' | 'banner' | 'confirmation';
type Outcome = 'accepted' | 'refused' | 'custom';

/** The one element that decides for the page; a second one stays inert (and says so). */
let active: MaCookieConsent | null = null;

const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/**
 * A cookie-consent banner and preferences dialog, in French, Arabic and English, that keeps
 * gated scripts, iframes and templates (`data-consent`) from running until the visitor agrees.
 *
 * Place it as the first child of `<body>` (or let the script tag insert it).
 *
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
 * @cssprop --ma-consent-bg - Background of the banner and dialog.
 * @cssprop --ma-consent-fg - Text colour.
 * @cssprop --ma-consent-font - Font family.
 * @cssprop --ma-consent-radius - Corner radius of buttons and panels.
 * @cssprop --ma-consent-z-index - Stacking order of the docked banner and the manage button.
 */
export class MaCookieConsent extends LitElement {
  static override styles = styles;

  /** Language of the texts: `fr`, `ar` or `en`. Defaults to the page's language, else `fr`. */
  @property() override lang = '';

  /** Languages offered by the language switch, space-separated, in order. */
  @property() languages: string | null = null;

  /** URL of the cookie policy (http, https or relative). Without it, no link is shown. */
  @property({ attribute: 'policy-url' }) policyUrl: string | null = null;

  /** Optional categories offered, space-separated. `necessary` is always on. */
  @property() categories: string | null = null;

  /** Policy revision: a choice stored for another revision is asked again. */
  @property() revision: string | null = null;

  /** Name of the consent cookie. */
  @property({ attribute: 'cookie-name' }) cookieName: string | null = null;

  /** `Domain` of the consent cookie, e.g. `.gov.ma` to share a choice across sub-sites. */
  @property({ attribute: 'cookie-domain' }) cookieDomain: string | null = null;

  /** `Path` of the consent cookie. */
  @property({ attribute: 'cookie-path' }) cookiePath: string | null = null;

  /** Lifetime of the choice in days (accepted or refused), 1 to 395. Default 182. */
  @property({ attribute: 'expires-days' }) expiresDays: string | null = null;

  /** `top` (in the page flow, default) or `bottom` (docked to the viewport's bottom edge). */
  @property({ reflect: true }) position: string | null = null;

  /** `light`, `dark` or `auto` (follows the system). */
  @property() theme: string | null = null;

  /** No floating "manage cookies" button after a choice (the site has its own link). */
  @property({ type: Boolean, attribute: 'hide-manage-button' }) hideManageButton = false;

  /** Reload the page after a granted category is withdrawn. */
  @property({ type: Boolean, attribute: 'reload-on-revoke' }) reloadOnRevoke = false;

  /** Same-origin or https URL that receives a JSON receipt of each decision. */
  @property({ attribute: 'log-endpoint' }) logEndpoint: string | null = null;

  /** Do not treat the browser's Global Privacy Control signal as a refusal. */
  @property({ type: Boolean, attribute: 'ignore-gpc' }) ignoreGpc = false;

  @state() private view: View = 'none';
  @state() private record: ConsentRecord | null = null;
  @state() private outcome: Outcome = 'custom';
  @state() private draft: Record<string, boolean> = {};
  @state() private gpcApplied = false;
  @state() private structured: ConsentConfig | undefined;
  /** The dialog is rendered the first time it is needed, not on every page load. */
  @state() private dialogWanted = false;

  @query('dialog') private dialog!: HTMLDialogElement | null;

  private opts!: Options;
  private store: ConsentStore | null = null;
  private sync: ConsentSync | null = null;
  private gate: ScriptGate | null = null;
  private started = false;
  private readySent = false;
  private pendingReady: (() => void) | null = null;
  private configFromProperty = false;
  private reloading = false;
  private opener: HTMLElement | null = null;
  private waiters = new Map<string, Array<() => void>>();
  private warned = new Set<string>();
  private childWatcher: MutationObserver | null = null;
  private resizeWatcher: ResizeObserver | null = null;
  private dockedBox: HTMLElement | null = null;
  /** The page's own `padding-bottom` (inline and computed), put back when nothing is docked. */
  private pagePadding: { inline: string; own: string } | null = null;

  constructor() {
    super();
    this.opts = resolveOptions({}).options;
    // A page may set `config` before the script defines the element: that value sits in an own
    // property hiding the accessor. Take it through the accessor so that it is validated.
    if (Object.prototype.hasOwnProperty.call(this, 'config')) {
      const early: unknown = (this as { config?: unknown }).config;
      delete (this as { config?: unknown }).config;
      this.config = early;
    }
  }

  // ---- public API (CONTRACT §6) ----------------------------------------------------------

  /** The structured configuration (texts, categories), same shape as the JSON block. */
  get config(): ConsentConfig | undefined {
    return this.structured;
  }
  set config(value: unknown) {
    this.configFromProperty = true;
    this.structured = normalizeConfig(value, TEXT_KEYS);
  }

  /** The current choice, or `null` when the visitor has not decided. */
  get consent(): Consent | null {
    const r = this.record;
    return r ? { categories: { ...r.categories }, revision: r.rev, timestamp: r.ts, id: r.id } : null;
  }

  /** Whether a category is granted (`necessary` always is). */
  isGranted(category: string): boolean {
    return category === 'necessary' || this.record?.categories[category] === true;
  }

  /** Resolves once the category is granted (at once if it already is). */
  whenGranted(category: string): Promise<void> {
    if (this.isGranted(category)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(category) ?? [];
      list.push(resolve);
      this.waiters.set(category, list);
    });
  }

  /** Grants every optional category, as the "accept all" button does (event `source`: `api`). */
  acceptAll(): void {
    this.decide(this.everything(true), 'api', 'accepted');
  }

  /** Refuses every optional category, as the "refuse all" button does (event `source`: `api`). */
  refuseAll(): void {
    this.decide(this.everything(false), 'api', 'refused');
  }

  /** Decides per category; categories not named are refused. */
  setConsent(choices: Record<string, boolean>): void {
    if (typeof choices !== 'object' || choices === null) {
      warn('setConsent() expects an object like { analytics: true }; nothing was changed.');
      return;
    }
    const categories = this.everything(false);
    for (const [name, value] of Object.entries(choices)) {
      if (name === 'necessary') continue;
      // An own property, not `in`: "toString" or "constructor" are not categories.
      if (!Object.prototype.hasOwnProperty.call(categories, name))
        warn(`setConsent(): "${name}" is not an offered category; it is ignored.`);
      else categories[name] = value === true;
    }
    this.decide(categories, 'api', 'custom');
  }

  /** Opens the preferences dialog. */
  async showPreferences(): Promise<void> {
    // Already open: keep the visitor's unsaved switches and the element to return focus to.
    if (this !== active || this.dialog?.open) return;
    this.opener = deepActiveElement();
    this.draft = { ...this.currentChoice() };
    this.dialogWanted = true;
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    try {
      dialog.showModal();
    } catch (error) {
      warn('The preferences dialog could not be opened as a modal dialog.', error);
      dialog.setAttribute('open', '');
    }
    this.renderRoot.querySelector<HTMLElement>('#ma-dialog-title')?.focus();
  }

  /** Forgets the stored choice and shows the banner again. */
  reset(): void {
    if (this !== active) return;
    this.store?.clear();
    const hadGrant = Object.values(this.record?.categories ?? {}).some(Boolean);
    this.record = null;
    this.gpcApplied = false;
    this.view = 'banner';
    if (hadGrant) this.withdrawQuietly();
    this.sync?.announce(null);
  }

  // ---- life cycle --------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (active && active !== this && active.isConnected) {
      warn('Only one <ma-cookie-consent> may be on a page; this one is ignored.');
      return;
    }
    // Not an alias: the module remembers which element is the page's one decision-maker.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    active = this;
    this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (active !== this) return;
    active = null;
    this.started = false;
    this.gate?.stop();
    this.sync?.stop();
    this.childWatcher?.disconnect();
    document.removeEventListener('click', this.onTrigger, true);
    document.removeEventListener('keydown', this.onTriggerKey, true);
    this.dockPadding(false);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.applyOptions();
    for (const message of booleanWarnings(this)) this.warnOnce(message);
    if (this.structured === undefined) this.readChildConfig();
    // With the script in <head>, the JSON block is parsed after the element is connected.
    if (document.readyState === 'loading') {
      this.childWatcher = new MutationObserver(() => this.readChildConfig());
      this.childWatcher.observe(this, { childList: true, subtree: true, characterData: true });
      document.addEventListener('DOMContentLoaded', () => this.childWatcher?.disconnect(), { once: true });
    }

    this.load();
    if (this.record) {
      consentModeUpdate(this.record.categories);
      if (this.record.categories.analytics) matomoConsent(true);
    } else consentModeDefault();

    this.gate = new ScriptGate(document, {
      isGranted: (category) => this.isGranted(category),
      isOffered: (category) => this.opts.categories.includes(category),
    });
    void this.gate.start();

    this.listenToOtherTabs();
    document.addEventListener('click', this.onTrigger, true);
    document.addEventListener('keydown', this.onTriggerKey, true);

    if (!this.readySent) {
      this.readySent = true;
      const detail = this.consent;
      const gpc = this.gpcApplied;
      this.pendingReady = () => this.dispatchEvent(consentEvent('ma-consent-ready', detail));
      const ready = () => {
        this.sendReady();
        if (gpc && this.gpcApplied) this.announce('gpc', []);
      };
      // Even if a render failed, the page still hears that the stored choice was read.
      void this.updateComplete.then(ready, ready);
    }
  }

  /** `ma-consent-ready` goes out once, and always before the first `ma-consent-change`. */
  private sendReady(): void {
    const send = this.pendingReady;
    this.pendingReady = null;
    send?.();
  }

  /** The stored choice (or the browser's GPC signal) decides what shows. */
  private load(): void {
    this.record = this.store!.read();
    this.gpcApplied = false;
    if (this.record) this.view = 'none';
    else if (this.gpcSignal()) this.applyGpc();
    else this.view = 'banner';
  }

  private listenToOtherTabs(): void {
    // Tabs share a choice only when they share the cookie: same name, domain and path.
    const { cookieName, cookieDomain, cookiePath } = this.opts;
    this.sync?.stop();
    this.sync = new ConsentSync(`${cookieName}|${cookieDomain ?? ''}|${cookiePath}`, (payload) =>
      this.onOtherTab(payload),
    );
    this.sync.start();
  }

  private readChildConfig(): void {
    // A configuration the page set by property wins over the block.
    if (this.configFromProperty) return;
    const found = readConfigBlock(this, TEXT_KEYS);
    if (found) this.structured = found;
  }

  private gpcSignal(): boolean {
    return (
      !this.ignoreGpc && (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true
    );
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    warn(message);
  }

  /** The browser asked not to be tracked: refuse without asking, and without writing anything. */
  private applyGpc(): void {
    this.gpcApplied = true;
    this.view = 'none';
    this.record = createRecord(this.opts.revision, this.everything(false));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const attributes = [
      'lang',
      'languages',
      'policyUrl',
      'categories',
      'revision',
      'cookieName',
      'cookieDomain',
      'cookiePath',
      'expiresDays',
      'position',
      'theme',
      'logEndpoint',
    ] as const;
    if (attributes.some((name) => changed.has(name))) {
      const before = this.opts;
      this.applyOptions();
      const storeChanged = (['cookieName', 'cookieDomain', 'cookiePath', 'revision', 'categories'] as const).some(
        (key) => String(before[key]) !== String(this.opts[key]),
      );
      if (this.started && storeChanged && this === active) {
        // Another cookie or revision: another question, answered (or not) by another choice.
        this.load();
        this.listenToOtherTabs();
        void this.gate?.update();
        this.resolveWaiters();
      }
    }
  }

  private applyOptions(): void {
    const { options, warnings } = resolveOptions({
      lang: this.lang,
      languages: this.languages,
      policyUrl: this.policyUrl,
      categories: this.categories,
      revision: this.revision,
      cookieName: this.cookieName,
      cookieDomain: this.cookieDomain,
      cookiePath: this.cookiePath,
      expiresDays: this.expiresDays,
      position: this.position,
      theme: this.theme,
      logEndpoint: this.logEndpoint,
    });
    for (const message of warnings) {
      if (!this.warned.has(message)) {
        this.warned.add(message);
        warn(message);
      }
    }
    this.opts = options;
    this.store = new ConsentStore({
      name: options.cookieName,
      domain: options.cookieDomain,
      path: options.cookiePath,
      expiresDays: options.expiresDays,
      revision: options.revision,
      categories: options.categories,
    });
  }

  protected override updated(): void {
    this.dockPadding(true);
    // The confirmation shows the date of the choice: get the formatter ready before the click.
    if (this.view === 'banner') prepareDateFormat(this.texts().$dateLocale);
  }

  // ---- decisions ---------------------------------------------------------------------------

  private everything(value: boolean): Record<string, boolean> {
    return Object.fromEntries(this.opts.categories.map((c) => [c, value]));
  }

  private currentChoice(): Record<string, boolean> {
    const stored = this.record?.categories ?? {};
    return Object.fromEntries(this.opts.categories.map((c) => [c, stored[c] === true]));
  }

  private decide(choice: Record<string, boolean>, source: ConsentSource, outcome: Outcome): void {
    if (this !== active || !this.store) return;
    // Exactly the categories offered now, each true or false: a draft made before the offer
    // changed must not store an incomplete choice (which would read as no choice).
    const categories = Object.fromEntries(this.opts.categories.map((c) => [c, choice[c] === true]));
    const previous = this.record?.categories ?? {};
    const record = createRecord(this.opts.revision, categories);
    this.store.write(record);
    this.record = record;
    this.gpcApplied = false;
    this.outcome = outcome;
    if (this.view === 'banner') this.view = 'none';
    const withdrawn = Object.keys(previous).filter((c) => previous[c] && !categories[c]);
    this.announce(source, withdrawn);
    this.sync?.announce(serializeConsent(record));
    if (this.opts.logEndpoint) void this.sendProof(record, source);
  }

  /** Everything that follows a decision, wherever it was made. */
  private announce(source: ConsentSource, withdrawn: string[]): void {
    this.sendReady();
    const record = this.record!;
    this.clearRefused(record.categories);
    consentModeUpdate(record.categories);
    matomoConsent(record.categories.analytics === true);
    void this.gate?.update();
    this.resolveWaiters();
    const detail: ConsentChangeDetail = { ...this.consent!, source };
    this.dispatchEvent(consentEvent('ma-consent-change', detail));
    if (withdrawn.length && this.reloadOnRevoke && !this.reloading) {
      this.reloading = true;
      location.reload();
    }
  }

  private resolveWaiters(): void {
    for (const [category, resolvers] of this.waiters) {
      if (this.isGranted(category)) {
        this.waiters.delete(category);
        resolvers.forEach((resolve) => resolve());
      }
    }
  }

  /**
   * Deletes the cookies of every refused category, not only the one just withdrawn: cookies a
   * tag left before the site asked (or before this revision) must not outlive a refusal either.
   */
  private clearRefused(categories: Record<string, boolean>): void {
    const refused = this.opts.categories.filter((c) => !categories[c]);
    const patterns = refused.flatMap((c) => [
      ...(c === 'analytics' ? ANALYTICS_COOKIES : []),
      ...(this.structured?.categories?.[c]?.cookies ?? []),
    ]);
    if (patterns.length) clearCookies(patterns, { keep: [this.opts.cookieName] });
  }

  /** After a reset nothing is granted any more: tools and cookies are told so, quietly. */
  private withdrawQuietly(): void {
    const none = this.everything(false);
    this.clearRefused(none);
    consentModeUpdate(none);
    matomoConsent(false);
    if (this.reloadOnRevoke && !this.reloading) {
      this.reloading = true;
      location.reload();
    }
  }

  private onOtherTab(payload: string | null | undefined): void {
    if (this !== active || !this.store) return;
    const record = this.store.readShared(payload);
    const before = this.record;
    if (record?.id === before?.id && (record || !before)) return;
    if (!record) {
      if (this.gpcApplied) return;
      const hadGrant = Object.values(before?.categories ?? {}).some(Boolean);
      this.record = null;
      this.view = 'banner';
      if (hadGrant) this.withdrawQuietly();
      return;
    }
    const previous = before?.categories ?? {};
    this.record = record;
    this.gpcApplied = false;
    if (this.view === 'banner') this.view = 'none';
    if (this.dialog?.open) this.dialog.close();
    this.announce(
      'other-tab',
      Object.keys(previous).filter((c) => previous[c] && !record.categories[c]),
    );
  }

  private async sendProof(record: ConsentRecord, source: ConsentSource): Promise<void> {
    const t = this.texts();
    // The banner's title and notice paragraphs, each as displayed, one per line: a site can
    // recompute this hash from its archived texts (docs/security.md).
    const shown = [t.title, t.notice, t.noticeUse, `${t.noticeRefusal} ${t.noticeChange}`].join('\n');
    const textHash = await sha256Hex(shown);
    const receipt = {
      id: record.id,
      ts: record.ts,
      rev: record.rev,
      categories: record.categories,
      lang: t.$code,
      source,
      ...(textHash ? { textHash } : {}),
    };
    sendReceipt(this.opts.logEndpoint!, receipt);
  }

  // ---- user actions --------------------------------------------------------------------------

  private async bannerDecision(
    categories: Record<string, boolean>,
    outcome: Outcome,
    source: ConsentSource = 'banner',
  ) {
    this.decide(categories, source, outcome);
    this.view = 'confirmation';
    await this.updateComplete;
    // The buttons just used are gone: the message takes focus so that it is read, and so
    // that keyboard users are not sent back to the top of the page.
    this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus();
  }

  private readonly onAccept = () => void this.bannerDecision(this.everything(true), 'accepted');
  private readonly onRefuse = () => void this.bannerDecision(this.everything(false), 'refused');
  private readonly onCustomize = () => void this.showPreferences();

  private readonly onHide = async () => {
    this.view = 'none';
    await this.updateComplete;
    const manage = this.renderRoot.querySelector<HTMLElement>('.manage');
    (manage ?? nextFocusable(this))?.focus();
  };

  private dialogDecision(categories: Record<string, boolean>, outcome: Outcome): void {
    const fromBanner = this.view === 'banner';
    // From the banner, the opener (customize) is about to be replaced by the confirmation,
    // which takes focus; from anywhere else, focus goes back to whatever opened the dialog.
    if (fromBanner) this.opener = null;
    this.dialog?.close();
    if (fromBanner) void this.bannerDecision(categories, outcome, 'preferences');
    else {
      this.decide(categories, 'preferences', outcome);
      void this.restoreFocus();
    }
  }

  private readonly onSave = () => this.dialogDecision({ ...this.draft }, 'custom');
  private readonly onDialogAccept = () => this.dialogDecision(this.everything(true), 'accepted');
  private readonly onDialogRefuse = () => this.dialogDecision(this.everything(false), 'refused');
  private readonly onClose = () => this.dialog?.close();

  /** Escape, the close button or any other way out: nothing is saved, focus goes back. */
  private readonly onDialogClosed = () => {
    this.draft = { ...this.currentChoice() };
    void this.restoreFocus();
  };

  private async restoreFocus(): Promise<void> {
    await this.updateComplete;
    const target = this.opener;
    this.opener = null;
    if (target?.isConnected) {
      target.focus();
      return;
    }
    // Called twice for one closing (the decision, then the dialog's close event): focus that
    // already sits on a live control outside the dialog stays where it was put.
    const current = deepActiveElement();
    if (current && current.isConnected && !this.dialog?.contains(current)) return;
    if (this.view === 'confirmation') this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus();
    else (this.renderRoot.querySelector<HTMLElement>('.manage') ?? nextFocusable(this))?.focus();
  }

  private onToggle(category: string, event: Event) {
    this.draft = { ...this.draft, [category]: (event.target as HTMLInputElement).checked };
  }

  private onLanguage(code: string) {
    this.setAttribute('lang', code);
  }

  /** Any page element with `data-consent-open` opens the preferences. */
  private readonly onTrigger = (event: Event) => {
    const trigger = triggerOf(event);
    if (!trigger || this !== active) return;
    event.preventDefault();
    void this.showPreferences();
  };

  private readonly onTriggerKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const trigger = triggerOf(event);
    // Links and buttons turn Enter/Space into a click themselves.
    if (!trigger || trigger.matches('a[href],button,input,summary')) return;
    event.preventDefault();
    void this.showPreferences();
  };

  private dockPadding(on: boolean): void {
    const root = document.documentElement;
    // What is fixed to the bottom of the viewport now: the docked banner or confirmation (two
    // different boxes), or the manage button.
    const box = on ? this.renderRoot.querySelector<HTMLElement>('.docked, .manage') : null;
    if (box === this.dockedBox) return;
    this.resizeWatcher?.disconnect();
    this.resizeWatcher = null;
    this.dockedBox = box;
    if (!box) {
      root.style.removeProperty('scroll-padding-bottom');
      if (this.pagePadding) root.style.setProperty('padding-bottom', this.pagePadding.inline);
      this.pagePadding = null;
      return;
    }
    // WCAG 2.4.11 (technique C43): nothing of ours may hide the focused control. The page's
    // scroll padding keeps focused elements above the fixed box, and as much room at the end
    // of the page lets the last links (a footer's) scroll above it too, which scroll padding
    // alone cannot.
    // Nothing is measured here: this runs during start-up, often while the page is still being
    // parsed, and a forced layout then would cost every page. The observer reports the box's
    // size once laid out.
    const pad = () => {
      if (this.dockedBox !== box) return;
      this.pagePadding ??= {
        inline: root.style.getPropertyValue('padding-bottom'),
        own: getComputedStyle(root).paddingBottom,
      };
      const base = this.pagePadding.own;
      const rect = box.getBoundingClientRect();
      // Only a box that sits at the bottom counts (a site may hide or move the manage button).
      const atBottom = rect.height > 0 && rect.top > root.clientHeight / 2;
      const covered = `${atBottom ? Math.ceil(root.clientHeight - rect.top) : 0}px`;
      if (root.style.getPropertyValue('scroll-padding-bottom') === covered) return;
      root.style.setProperty('scroll-padding-bottom', covered);
      root.style.setProperty('padding-bottom', `calc(${base} + ${covered})`);
    };
    // Changes are written on the next frame: changing the page's height inside the
    // observer's callback can resize the box again (a scroll bar appears) and raise
    // "ResizeObserver loop" errors in the host page.
    this.resizeWatcher = new ResizeObserver(() => requestAnimationFrame(pad));
    this.resizeWatcher.observe(box);
  }

  // ---- rendering -----------------------------------------------------------------------------

  private texts(): Translation {
    return translation(this.opts.lang, this.structured);
  }

  /** A site text shown in another language than the interface's: marked so (WCAG 3.1.2). */
  private sayIn(text: string, t: Translation, lang: string): TemplateResult | string {
    if (lang === t.$code) return this.say(text, t);
    const other = translation(lang, undefined);
    return html`<span lang=${lang} dir=${other.$dir}>${this.say(text, other)}</span>`;
  }

  /** Text as text (never HTML), with Latin fragments isolated in right-to-left languages. */
  private say(text: string, t: Translation): TemplateResult | string {
    const segments = bidiSegments(text, t.$dir);
    if (segments.length === 1 && !segments[0].ltr) return text;
    return html`${segments.map((s) => (s.ltr ? html`<bdi dir="ltr">${s.text}</bdi>` : s.text))}`;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this !== active) return nothing;
    const hasChoice = this.record !== null;
    const showManage = this.view === 'none' && hasChoice && !this.hideManageButton;
    // Nothing to show: skip locale work entirely (the start-up path with a stored choice).
    if (this.view === 'none' && !showManage && !this.dialogWanted) return nothing;
    const t = this.texts();
    const root = `root ${this.opts.theme}`;
    return html`<div class=${root} lang=${t.$code} dir=${t.$dir}>
      ${this.view === 'banner' ? this.renderBanner(t) : nothing}
      ${this.view === 'confirmation' ? this.renderConfirmation(t) : nothing}
      ${showManage ? html`<button type="button" part="manage" class="manage" @click=${this.onCustomize}>${this.say(t.manage, t)}</button>` : nothing}
      ${this.dialogWanted ? this.renderDialog(t) : nothing}
    </div>`;
  }

  private renderLanguages(t: Translation): TemplateResult | typeof nothing {
    const others = this.opts.languages.filter((code) => code !== t.$code);
    if (!others.length) return nothing;
    return html`<div part="language" class="language" role="group" aria-label=${t.language}>
      ${others.map((code) => {
        const other = translation(code, undefined);
        return html`<button type="button" part="button" class="link" lang=${other.$code} dir=${other.$dir} @click=${() => this.onLanguage(code)}>${other.$name}</button>`;
      })}
    </div>`;
  }

  private renderBanner(t: Translation): TemplateResult {
    const docked = this.opts.position === 'bottom' ? 'docked' : '';
    return html`<section part="banner" class="banner ${docked}" aria-labelledby="ma-banner-title">
      <div class="inner">
        <div class="head">
          <h2 id="ma-banner-title">${this.say(t.title, t)}</h2>
          ${this.renderLanguages(t)}
        </div>
        <p>${this.say(t.notice, t)}</p>
        <p>${this.say(t.noticeUse, t)}</p>
        <p>${this.say(t.noticeRefusal, t)} ${this.say(t.noticeChange, t)}</p>
        ${this.opts.policyUrl ? html`<p><a part="policy-link" class="policy" href=${this.opts.policyUrl}>${this.say(t.policyLink, t)}</a></p>` : nothing}
        <div class="actions">
          <button type="button" part="button accept" class="primary" @click=${this.onAccept}>${this.say(t.acceptAll, t)}</button>
          <button type="button" part="button refuse" class="primary" @click=${this.onRefuse}>${this.say(t.refuseAll, t)}</button>
          <button type="button" part="button customize" class="secondary" @click=${this.onCustomize}>${this.say(t.customize, t)}</button>
        </div>
      </div>
    </section>`;
  }

  private renderConfirmation(t: Translation): TemplateResult {
    const docked = this.opts.position === 'bottom' ? 'docked' : '';
    const message =
      this.outcome === 'accepted' ? t.confirmAccepted : this.outcome === 'refused' ? t.confirmRefused : t.confirmCustom;
    const date = this.record ? formatDate(this.record.ts, t.$dateLocale) : '';
    return html`<section class="banner ${docked}" aria-labelledby="ma-confirmation-text">
      <div class="inner">
        <div part="confirmation" class="confirmation" role="status" tabindex="-1">
          <p id="ma-confirmation-text">${this.say(message, t)} ${date ? this.say(fill(t.savedOn, { date }), t) : nothing}</p>
          <p>${this.say(t.confirmChange, t)}</p>
        </div>
        <div class="actions">
          <button type="button" part="button hide" class="secondary" @click=${this.onHide}>${this.say(t.hide, t)}</button>
        </div>
      </div>
    </section>`;
  }

  /** One category row: its label, description and switch (the state is also said in words). */
  private renderCategory(
    t: Translation,
    name: string,
    label: string,
    description: string,
    state: string,
    on: boolean,
    locked = false,
    labelLang = t.$code,
    descriptionLang = t.$code,
  ): TemplateResult {
    return html`<div part="category" class="category">
      <div class="category-text">
        <label for="ma-cat-${name}">${this.sayIn(label, t, labelLang)}</label>
        ${description ? html`<p id="ma-desc-${name}">${this.sayIn(description, t, descriptionLang)}</p>` : nothing}
      </div>
      <span class="switch">
        <input type="checkbox" role="switch" id="ma-cat-${name}" aria-describedby=${description ? `ma-desc-${name}` : nothing} .checked=${on} ?disabled=${locked} @change=${(e: Event) => this.onToggle(name, e)} />
        <span class="track" aria-hidden="true"></span>
        <span class="state" aria-hidden="true">${state}</span>
      </span>
    </div>`;
  }

  private renderDialog(t: Translation): TemplateResult {
    const rows = this.opts.categories.map((name) => {
      const { label, description, labelLang, descriptionLang } = categoryText(name, t, this.structured);
      const on = this.draft[name] === true;
      return this.renderCategory(t, name, label, description, on ? t.on : t.off, on, false, labelLang, descriptionLang);
    });
    const necessary = fill(t.necessaryDescription, { cookie: this.opts.cookieName, days: this.opts.expiresDays });
    return html`<dialog part="dialog" aria-labelledby="ma-dialog-title" @close=${this.onDialogClosed}>
      <div class="dialog-body">
        <div class="head">
          <h2 id="ma-dialog-title" tabindex="-1">${this.say(t.dialogTitle, t)}</h2>
          <button type="button" part="button close" class="secondary" @click=${this.onClose}>${this.say(t.close, t)}</button>
        </div>
        ${this.renderLanguages(t)}
        <p>${this.say(t.dialogIntro, t)}</p>
        ${this.gpcApplied ? html`<p class="notice" role="note">${this.say(t.gpcRespected, t)}</p>` : nothing}
        <fieldset>
          <legend>${this.say(t.categoriesLegend, t)}</legend>
          ${this.renderCategory(t, 'necessary', t.necessaryLabel, necessary, t.alwaysOn, true, true)}
          ${rows}
        </fieldset>
        <p class="small">${this.say(t.rights, t)}</p>
        ${this.opts.policyUrl ? html`<p class="small"><a part="policy-link" class="policy" href=${this.opts.policyUrl}>${this.say(t.policyLink, t)}</a></p>` : nothing}
        <div class="actions">
          <button type="button" part="button accept" class="primary" @click=${this.onDialogAccept}>${this.say(t.acceptAll, t)}</button>
          <button type="button" part="button refuse" class="primary" @click=${this.onDialogRefuse}>${this.say(t.refuseAll, t)}</button>
          <button type="button" part="button save" class="primary" @click=${this.onSave}>${this.say(t.save, t)}</button>
        </div>
      </div>
    </dialog>`;
  }
}

function deepActiveElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

function triggerOf(event: Event): HTMLElement | null {
  for (const node of event.composedPath()) {
    if (node instanceof HTMLElement && node.hasAttribute('data-consent-open')) return node;
  }
  return null;
}

/** The first focusable element after `from` in document order (never `<body>`). */
function nextFocusable(from: Element): HTMLElement | null {
  const all = Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE));
  return (
    all.find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !from.contains(el)) ??
    all[0] ??
    null
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-cookie-consent': MaCookieConsent;
  }
}

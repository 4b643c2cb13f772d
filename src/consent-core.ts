/**
 * The page's consent, without any view: the stored choice, other tabs, the gate, the browser's
 * privacy signal, waiters, decisions and what follows them (tools told, cookies cleared,
 * receipts sent). One per page. The element (or any other view) attaches to it as its owner;
 * placeholders and views subscribe to hear about changes.
 *
 * Ownership is decided here and nowhere else: the first connected element owns the page's
 * consent; a second one is ignored while the first stays connected; a removed owner stops the
 * page-wide work (gate, tab sync) and the next element to connect takes over with the same
 * choice.
 */
import { clearCookies } from './cookies.js';
import {
  ConsentStore,
  createRecord,
  serializeConsent,
  type ConsentRecord,
  type StoreOptions,
} from './consent-store.js';
import { own } from './objects.js';
import type { ConsentConfig } from './config.js';
import type { Consent, ConsentSource } from './events.js';
import { resolveLang } from './i18n.js';
import { consentModeDefault, consentModeUpdate, matomoConsent, sendReceipt, sha256Hex } from './integrations.js';
import { ScriptGate, type GateHooks } from './script-gate.js';
import { TabSync } from './tab-sync.js';
import { warn } from './warn.js';

/** What the owner tells the core: the attributes that shape the question and its answer. */
export interface ConsentSettings extends StoreOptions {
  logEndpoint: string | null;
  reloadOnRevoke: boolean;
  ignoreGpc: boolean;
  /** Language shown (the receipt records it). */
  lang: string;
  config: ConsentConfig | undefined;
}

export type ConsentOwner = HTMLElement & ConsentSettings;

/** Told to subscribers. `previous` is the choice before the change. */
export interface ConsentChange {
  /** A decision's source, `reset` (here or in another tab), `load` (another cookie or revision), or `view`. */
  kind: ConsentSource | 'reset' | 'load' | 'view';
  previous: ConsentRecord | null;
}

/** What the visitor saw where a decision was made, for the receipt's `textHash`. */
export interface Shown {
  text: string;
}

/** Cookies the usual analytics tools set, deleted when "analytics" is refused. */
export const ANALYTICS_COOKIES = ['_ga', '_ga_*', '_gid', '_gat*', '_pk_*', 'mtm_*', 'MATOMO_*'];

const event = (type: string, detail: unknown) => new CustomEvent(type, { detail, bubbles: true, composed: true });

export class ConsentCore<View = unknown> {
  /** The element that decides; kept after it leaves, so that late work still reads its settings. */
  #owner: ConsentOwner | null = null;
  #active = false;
  #store: ConsentStore | null = null;
  #key = '';
  #sync: TabSync | null = null;
  #gate: ScriptGate | null = null;
  #record: ConsentRecord | null = null;
  #gpc = false;
  /** Each owner says `ma-consent-ready` once, after its first render (or before its first change). */
  readonly #ready = new WeakSet<ConsentOwner>();
  /** The choice as read when the owner attached: what its ready event says. */
  #started: Consent | null = null;
  #reloading = false;
  readonly #waiters = new Map<string, Array<() => void>>();
  readonly #listeners = new Set<(change: ConsentChange) => void>();
  #view: View | undefined;
  /** Placeholders for blocked iframes, when a view layer provides them. */
  frames: Pick<GateHooks, 'blocked' | 'loaded'> = {};

  get owner(): ConsentOwner | null {
    return this.#active ? this.#owner : null;
  }

  /** The choice that decides, or null: none stored, none made. (Under GPC, an unstored refusal.) */
  get record(): ConsentRecord | null {
    return this.#record;
  }

  /** Optional categories count as refused because of the browser's Global Privacy Control signal. */
  get gpc(): boolean {
    return this.#gpc;
  }

  get consent(): Consent | null {
    const r = this.#record;
    return r && { categories: { ...r.categories }, revision: r.rev, timestamp: r.ts, id: r.id };
  }

  /** Settings of the owner's view (language, texts, theme) that placeholders follow. */
  get view(): View | undefined {
    return this.#view;
  }
  set view(view: View | undefined) {
    if (view === this.#view) return;
    this.#view = view;
    this.#notify('view', this.#record);
  }

  /** Makes `owner` the page's decision-maker; false when another connected element already is. */
  attach(owner: ConsentOwner): boolean {
    if (this.#active) {
      if (this.#owner === owner) return true;
      if (this.#owner!.isConnected) {
        warn('second-element');
        return false;
      }
      this.detach(this.#owner!);
    }
    this.#owner = owner;
    this.#active = true;
    this.#key = '';
    this.configure();
    this.#started = this.consent;
    if (this.#record) {
      consentModeUpdate(this.#record.categories);
      if (this.#record.categories.analytics) matomoConsent(true);
    } else consentModeDefault();
    this.#gate = new ScriptGate({
      isGranted: (category) => this.isGranted(category),
      isOffered: (category) => this.#owner!.categories.includes(category),
      blocked: (frame) => this.frames.blocked?.(frame),
      loaded: (frame) => this.frames.loaded?.(frame),
    });
    void this.#gate.start();
    return true;
  }

  /** The owner left the page: page-wide work stops until an element takes over. */
  detach(owner: ConsentOwner): void {
    if (owner !== this.#owner || !this.#active) return;
    this.#active = false;
    this.#gate?.stop();
    this.#sync?.stop();
    this.#gate = this.#sync = null;
  }

  /** Whether an element owns the page's consent now. */
  get active(): boolean {
    return this.#active;
  }

  /**
   * Re-reads the owner's settings. Another cookie, domain, path, revision or set of categories
   * is another question, answered (or not) by another choice: the choice is read again.
   */
  configure(): void {
    const s = this.#active && this.#owner;
    if (!s) return;
    // The store reads the owner's settings live (expires-days, say); only these change the question.
    const key = [s.cookieName, s.cookieDomain, s.cookiePath, s.revision, s.categories].join('|');
    if (key === this.#key) return;
    const reload = this.#key !== '';
    this.#key = key;
    this.#store = new ConsentStore(s);
    const previous = this.#record;
    this.#record = this.#store.read();
    this.#applyGpc();
    // Tabs share a choice only when they share the cookie: same name, domain and path.
    this.#sync?.stop();
    this.#sync = new TabSync(`${s.cookieName}|${s.cookieDomain ?? ''}|${s.cookiePath}`, (payload) =>
      this.#fromOtherTab(payload),
    );
    if (reload) {
      // Another question: what the old answer granted and this one does not is withdrawn.
      this.#afterDecision(previous);
      this.#resolveWaiters();
      this.#notify('load', previous);
    }
  }

  /** The owner's first render is done: the page hears that the stored choice was read. */
  rendered(): void {
    const owner = this.#active && this.#owner;
    if (!owner || this.#ready.has(owner)) return;
    this.#ready.add(owner);
    owner.dispatchEvent(event('ma-consent-ready', this.#started));
    if (this.#gpc) this.#announce('gpc', null);
  }

  isGranted(category: string): boolean {
    const categories = this.#record?.categories;
    return category === 'necessary' || (!!categories && own(categories, category) && categories[category] === true);
  }

  whenGranted(category: string): Promise<void> {
    return this.isGranted(category)
      ? Promise.resolve()
      : new Promise((resolve) => this.#waiters.set(category, [...(this.#waiters.get(category) ?? []), resolve]));
  }

  subscribe(listener: (change: ConsentChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Every offered category, with this value. */
  #everything(value: boolean): Record<string, boolean> {
    return Object.fromEntries(this.#owner!.categories.map((c) => [c, value]));
  }

  /** The current answer for each offered category (false where there is none). */
  choice(): Record<string, boolean> {
    return Object.fromEntries(this.#owner!.categories.map((c) => [c, this.isGranted(c)]));
  }

  /**
   * Records a decision. Exactly the categories offered now, each true or false: a choice made
   * before the offer changed must not store an incomplete answer (which reads as no choice).
   */
  decide(choice: Record<string, boolean>, source: ConsentSource, shown?: Shown): void {
    const s = this.#active && this.#owner;
    if (!s || !this.#store) return;
    const categories = this.#everything(false);
    for (const c of s.categories) categories[c] = own(choice, c) && choice[c] === true;
    const previous = this.#record;
    const record = createRecord(s.revision, categories);
    this.#store.write(record);
    this.#record = record;
    this.#gpc = false;
    this.#announce(source, previous);
    this.#sync?.announce(serializeConsent(record));
    if (s.logEndpoint) void this.#receipt(record, source, shown);
  }

  acceptAll(source: ConsentSource, shown?: Shown): void {
    this.decide(this.#everything(true), source, shown);
  }

  refuseAll(source: ConsentSource, shown?: Shown): void {
    this.decide(this.#everything(false), source, shown);
  }

  /** Forgets the stored choice (here and in the other tabs). */
  reset(): void {
    if (!this.#active) return;
    this.#store?.clear();
    this.#forget();
    this.#sync?.announce(null);
  }

  #forget(): void {
    const previous = this.#record;
    this.#record = null;
    // Under the signal, no choice means refused again: the banner does not come back.
    this.#applyGpc();
    // Nothing is granted any more: tools, cookies and iframes are told so, quietly.
    if (previous && Object.values(previous.categories).some(Boolean)) this.#afterDecision(previous);
    this.#notify('reset', previous);
    // The refusal the signal stands for is a decision again, said as at load.
    if (this.#gpc) this.#owner!.dispatchEvent(event('ma-consent-change', { ...this.consent, source: 'gpc' }));
  }

  /** With no choice stored, the browser's Global Privacy Control signal refuses, writing nothing. */
  #applyGpc(): void {
    const s = this.#owner!;
    this.#gpc =
      !this.#record && !s.ignoreGpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
    if (this.#gpc) this.#record = createRecord(s.revision, this.#everything(false));
  }

  /** Everything that follows a decision, wherever it was made. */
  #announce(source: ConsentSource, previous: ConsentRecord | null): void {
    this.rendered();
    this.#afterDecision(previous);
    this.#resolveWaiters();
    this.#notify(source, previous);
    this.#owner?.dispatchEvent(event('ma-consent-change', { ...this.consent, source }));
  }

  /** Tools told, refused categories' cookies cleared, granted elements activated, withdrawn iframes unloaded. */
  #afterDecision(previous: ConsentRecord | null): void {
    const s = this.#owner!;
    const now = this.choice();
    const refused = s.categories.filter((c) => !now[c]);
    // Every refused category, not only the one just withdrawn: cookies a tag left before the
    // site asked (or before this revision) must not outlive a refusal either.
    const patterns = refused.flatMap((c) => [
      ...(c === 'analytics' ? ANALYTICS_COOKIES : []),
      ...(s.config?.categories?.[c]?.cookies ?? []),
    ]);
    if (patterns.length) clearCookies(patterns, s.cookieName);
    consentModeUpdate(now);
    matomoConsent(now.analytics === true);
    void this.#gate?.update();
    const withdrawn = refused.filter((c) => previous?.categories[c] === true);
    for (const c of withdrawn) this.#gate?.withdraw(c);
    if (withdrawn.length && s.reloadOnRevoke && !this.#reloading) {
      this.#reloading = true;
      location.reload();
    }
  }

  #resolveWaiters(): void {
    for (const [category, resolvers] of this.#waiters) {
      if (!this.isGranted(category)) continue;
      this.#waiters.delete(category);
      resolvers.forEach((resolve) => resolve());
    }
  }

  #notify(kind: ConsentChange['kind'], previous: ConsentRecord | null): void {
    for (const listener of this.#listeners) listener({ kind, previous });
  }

  #fromOtherTab(payload: string | null | undefined): void {
    if (!this.#active || !this.#store) return;
    const record = this.#store.readShared(payload);
    const previous = this.#record;
    if (record?.id === previous?.id && (record || !previous)) return;
    if (!record) {
      if (!this.#gpc) this.#forget();
      return;
    }
    this.#record = record;
    this.#gpc = false;
    this.#announce('other-tab', previous);
  }

  async #receipt(record: ConsentRecord, source: ConsentSource, shown?: Shown): Promise<void> {
    const textHash = shown && (await sha256Hex(shown.text));
    sendReceipt(this.#owner!.logEndpoint!, {
      id: record.id,
      ts: record.ts,
      rev: record.rev,
      categories: record.categories,
      lang: resolveLang(this.#owner!.lang),
      source,
      ...(textHash ? { textHash } : {}),
    });
  }
}

/** The page's consent. */
export const core = new ConsentCore();

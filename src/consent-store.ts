/**
 * The stored choice (docs/api.md "Stored choice"): validating, reading and writing the consent
 * cookie. Where cookies cannot be kept, the choice lives in memory for the life of the page.
 */
import { cookieValues, pathMatches, removeCookie, removeEverywhere, setCookie } from './cookies.js';
import { field, isObject } from './objects.js';
import { quote, warn } from './warn.js';

/** The cookie's JSON value, exactly as a server reads it. */
export interface ConsentRecord {
  v: 1;
  rev: string;
  ts: string;
  id: string;
  categories: Record<string, boolean>;
}

export interface StoreOptions {
  cookieName: string;
  /** null: a host-only cookie. */
  cookieDomain: string | null;
  cookiePath: string;
  expiresDays: number;
  revision: string;
  /** Optional categories offered; each must be present, as a boolean, in a valid record. */
  categories: readonly string[];
}

/** Larger values are refused: no real choice is that big, and a huge cookie is an attack. */
export const MAX_COOKIE_BYTES = 1024;
/** Clocks differ; a choice dated further ahead than this was not made by this visitor. */
const FUTURE_SKEW_MS = 864e5;

/**
 * Turns a raw (still encoded) cookie value into a record, or says why it is no choice.
 * Categories that are not offered any more are dropped rather than trusted.
 */
export function parseConsent(
  raw: string | undefined,
  revision: string,
  categories: readonly string[],
): { record: ConsentRecord | null; problem?: string } {
  const none = (problem?: string) => (problem ? { record: null, problem } : { record: null });
  if (!raw) return none();
  if (raw.length > MAX_COOKIE_BYTES) return none('larger than 1 KB');
  let data: unknown;
  try {
    data = JSON.parse(decodeURIComponent(raw));
  } catch {
    return none('not URI-encoded JSON');
  }
  if (!isObject(data)) return none('not an object');
  // Own properties only: a polluted Object.prototype must not fill in a missing answer.
  const [v, rev, ts, id, stored] = ['v', 'rev', 'ts', 'id', 'categories'].map((key) => field(data, key));
  if (v !== 1) return none('unknown version');
  // A new policy revision is a new question: the old answer is not an answer to it.
  if (rev !== revision) return none();
  const time = typeof ts === 'string' ? Date.parse(ts) : NaN;
  if (!(time <= Date.now() + FUTURE_SKEW_MS)) return none('bad or future ts');
  if (typeof id !== 'string' || !id || id.length > 64) return none('bad id');
  if (!isObject(stored)) return none('no categories');
  const kept: Record<string, boolean> = {};
  for (const category of categories) {
    const value = field(stored, category);
    if (typeof value !== 'boolean') return none(`no answer for ${category}`);
    kept[category] = value;
  }
  return { record: { v: 1, rev, ts: ts as string, id, categories: kept } };
}

/** The cookie's JSON (before URI encoding), in the documented key order. */
export const serializeConsent = ({ v, rev, ts, id, categories }: ConsentRecord): string =>
  JSON.stringify({ v, rev, ts, id, categories });

export const createRecord = (
  revision: string,
  categories: Record<string, boolean>,
  now: Date = new Date(),
): ConsentRecord => ({ v: 1, rev: revision, ts: now.toISOString(), id: randomId(), categories });

/** A v4 UUID, from `crypto.randomUUID` where the page is a secure context. */
export function randomId(): string {
  const c = globalThis.crypto;
  try {
    return c.randomUUID();
  } catch {
    // not a secure context, or an embedder's bad stub
  }
  const bytes = new Uint8Array(16);
  try {
    c.getRandomValues(bytes);
  } catch {
    for (let i = 0; i < 16; i++) bytes[i] = Math.random() * 256;
  }
  bytes[6] = (bytes[6] & 15) | 64;
  bytes[8] = (bytes[8] & 63) | 128;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/**
 * Where cookies cannot be kept, the choice lives here for the life of the page, keyed by cookie
 * name: a store is rebuilt whenever an attribute changes, and a language switch must not forget
 * a choice.
 */
interface Memory {
  record: ConsentRecord | null;
  /** Cookies do not work on this page: memory is the only store. */
  only?: boolean;
  /** The record came from another tab and this tab's cookie does not show it (yet). */
  heard?: boolean;
}
const pageMemory = new Map<string, Memory>();

export class ConsentStore {
  #warned = false;
  readonly #memory: Memory;

  constructor(readonly options: StoreOptions) {
    let memory = pageMemory.get(options.cookieName);
    if (!memory) pageMemory.set(options.cookieName, (memory = { record: null }));
    this.#memory = memory;
  }

  /** The valid stored choice, or null (warning once about a bad one). */
  read(): ConsentRecord | null {
    const { cookieName, revision, categories } = this.options;
    if (this.#memory.only) return this.#revalidate(this.#memory.record);
    const values = cookieValues(cookieName);
    const parsed = values.map((raw) => parseConsent(raw, revision, categories));
    if (!this.#warned && (values.length > 1 || parsed[0]?.problem)) {
      this.#warned = true;
      if (values.length > 1) warn('cookie-duplicate', `${values.length}× ${quote(cookieName)}`);
      else warn('cookie-invalid', `${quote(cookieName)}: ${parsed[0].problem}`);
    }
    // The newest answer is the visitor's current will, whichever path it was stored on.
    let newest: ConsentRecord | null = null;
    for (const { record } of parsed)
      if (record && (!newest || Date.parse(record.ts) > Date.parse(newest.ts))) newest = record;
    return newest;
  }

  /** Stores a record; false when only memory could hold it. */
  write(record: ConsentRecord): boolean {
    const { cookieName: name, cookieDomain: domain, cookiePath: path, expiresDays: days } = this.options;
    const memory = this.#memory;
    memory.record = record;
    memory.heard = false;
    // Copies on other paths or domains (an older configuration, a sibling site) would be read
    // first by the browser and by servers: the new answer replaces every one.
    if (cookieValues(name).length) removeEverywhere(name);
    if (setCookie(name, serializeConsent(record), { path, domain: domain ?? undefined, days }))
      return !(memory.only = false);
    if (!memory.only)
      warn(
        pathMatches(path, location.pathname) ? 'cookie-blocked' : 'cookie-path',
        `${quote(name)} on ${quote(location.pathname)}`,
      );
    memory.only = true;
    return false;
  }

  /**
   * The choice after another tab decided (`payload`: its record, or null for a reset) or at a
   * re-check (`undefined`). A valid record from another tab is authoritative: its cookie write
   * may not be visible to this tab's process yet, or cookies may be blocked here. It is kept
   * until this tab's own cookie shows it, or a newer choice, so that a re-check finding no cookie
   * or an older one does not undo it (a reset arrives as its own message).
   */
  readShared(payload: string | null | undefined): ConsentRecord | null {
    const memory = this.#memory;
    if (payload === null) {
      memory.record = null;
      memory.heard = false;
      return null;
    }
    if (payload !== undefined) {
      const { record } = parseConsent(encodeURIComponent(payload), this.options.revision, this.options.categories);
      if (record) {
        if (memory.only || this.read()?.id !== record.id) {
          memory.record = record;
          memory.heard = true;
        }
        return record;
      }
    }
    const stored = this.read();
    if (memory.only || !memory.heard) return stored;
    const heard = this.#revalidate(memory.record);
    // This tab's cookie caught up: nothing more to keep.
    if (stored && stored.id === heard?.id) memory.heard = false;
    // Otherwise the newer answer: an older cookie here must not undo a refusal heard since.
    return stored && (!heard || Date.parse(stored.ts) >= Date.parse(heard.ts)) ? stored : heard;
  }

  /** Forgets the choice: cookie, memory, and copies stored on other paths or domains. */
  clear(): void {
    const { cookieName: name, cookieDomain: domain, cookiePath: path } = this.options;
    // Whether cookies work is a fact about the page and stays known; only the answer goes.
    this.#memory.record = null;
    this.#memory.heard = false;
    removeCookie(name, { path, domain: domain ?? undefined });
    if (cookieValues(name).length) removeEverywhere(name);
  }

  /** The memory's record, if it still answers the question this store asks. */
  #revalidate(record: ConsentRecord | null): ConsentRecord | null {
    return record
      ? parseConsent(encodeURIComponent(serializeConsent(record)), this.options.revision, this.options.categories)
          .record
      : null;
  }
}

/**
 * The stored choice: reading, validating and writing the consent cookie (CONTRACT §4), and
 * hearing about choices made in other tabs. Knows nothing about Lit or the page's markup.
 */
import Cookies from 'js-cookie';
import { warn } from './log.js';
import { cookieDomains, cookiePaths } from './script-gate.js';

/** The cookie's JSON value, exactly as a server reads it. */
export interface ConsentRecord {
  v: 1;
  rev: string;
  ts: string;
  id: string;
  categories: Record<string, boolean>;
}

export interface StoreOptions {
  name: string;
  domain?: string;
  path: string;
  expiresDays: number;
  revision: string;
  /** Optional categories offered; each must be present, as a boolean, in a valid record. */
  categories: readonly string[];
}

/** Larger values are refused: no real choice is that big, and a huge cookie is an attack. */
export const MAX_COOKIE_BYTES = 1024;

// Full percent-encoding, so any server can read the value with one decodeURIComponent.
const jar = Cookies.withConverter<string>({
  read: (value) => decodeURIComponent(value),
  write: (value) => encodeURIComponent(value),
});

/**
 * Turns a raw (still encoded) cookie value into a record, or explains why it is no choice.
 * Categories that are not offered any more are dropped rather than trusted.
 */
export function parseConsent(
  raw: string | undefined,
  revision: string,
  categories: readonly string[],
): { record: ConsentRecord | null; problem?: string } {
  if (raw === undefined || raw === '') return { record: null };
  if (raw.length > MAX_COOKIE_BYTES) return { record: null, problem: 'is larger than 1 KB' };
  let data: unknown;
  try {
    data = JSON.parse(decodeURIComponent(raw));
  } catch {
    return { record: null, problem: 'is not URI-encoded JSON' };
  }
  if (!isObject(data)) return { record: null, problem: 'is not a JSON object' };
  if (data.v !== 1) return { record: null, problem: 'has an unknown format version' };
  // A new policy revision is a new question: the old answer is not an answer to it.
  if (data.rev !== revision) return { record: null };
  if (typeof data.ts !== 'string' || Number.isNaN(Date.parse(data.ts))) {
    return { record: null, problem: 'has no valid timestamp' };
  }
  if (typeof data.id !== 'string' || data.id.length === 0 || data.id.length > 64) {
    return { record: null, problem: 'has no valid id' };
  }
  const stored = data.categories;
  if (!isObject(stored)) return { record: null, problem: 'has no categories' };
  const kept: Record<string, boolean> = {};
  for (const category of categories) {
    const value = stored[category];
    if (typeof value !== 'boolean') {
      return { record: null, problem: `has no yes/no answer for "${category}"` };
    }
    kept[category] = value;
  }
  return { record: { v: 1, rev: data.rev, ts: data.ts, id: data.id, categories: kept } };
}

/** Serialises a record as the cookie's JSON (before URI encoding). */
export function serializeConsent(record: ConsentRecord): string {
  return JSON.stringify({
    v: record.v,
    rev: record.rev,
    ts: record.ts,
    id: record.id,
    categories: record.categories,
  });
}

export function createRecord(
  revision: string,
  categories: Record<string, boolean>,
  now: Date = new Date(),
): ConsentRecord {
  return { v: 1, rev: revision, ts: now.toISOString(), id: randomId(), categories };
}

/** A v4 UUID, from `crypto.randomUUID` where the page is a secure context. */
export function randomId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      // fall through: some embedders stub crypto badly
    }
  }
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether a cookie stored with this `Path` is sent to (and readable on) a page at `pagePath`. */
export function pathMatches(cookiePath: string, pagePath: string): boolean {
  if (cookiePath === '/' || pagePath === cookiePath) return true;
  if (!pagePath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || pagePath[cookiePath.length] === '/';
}

/** Every raw value stored under `name`, most specific path first (the browser's order). */
export function rawCookieValues(name: string): string[] {
  let all: string;
  try {
    all = document.cookie;
  } catch {
    return [];
  }
  const values: string[] = [];
  for (const pair of all ? all.split('; ') : []) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq) === name) values.push(pair.slice(eq + 1));
  }
  return values;
}

/**
 * Where cookies cannot be kept, the choice lives here for the life of the page. It belongs to
 * the page, not to one store object: the element builds a new store whenever an attribute
 * changes, and a language switch must not forget a choice.
 */
interface Memory {
  record: ConsentRecord | null;
  /** Cookies do not work on this page: memory is the only store. */
  only: boolean;
  /** The record came from another tab and this tab's cookie does not show it (yet). */
  heard: boolean;
}
const pageMemory = new Map<string, Memory>();

/**
 * Reads and writes one site's consent cookie. When the browser refuses cookies, the choice is
 * kept in memory so that it holds for the life of the page.
 */
export class ConsentStore {
  private warned = false;

  constructor(private options: StoreOptions) {}

  private get memory(): Memory {
    let memory = pageMemory.get(this.options.name);
    if (!memory) pageMemory.set(this.options.name, (memory = { record: null, only: false, heard: false }));
    return memory;
  }

  /** The valid stored choice, or null when there is none (warning once about a bad one). */
  read(): ConsentRecord | null {
    const { name, revision, categories } = this.options;
    if (this.memory.only) return this.revalidate(this.memory.record);
    const values = rawCookieValues(name);
    const parsed = values.map((raw) => parseConsent(raw, revision, categories));
    if (values.length > 1) {
      this.warnOnce(
        `${values.length} cookies named "${name}" are visible on this page (set with different paths or domains, ` +
          'perhaps by an older configuration); the most recent valid choice is used and the other copies are removed at the next decision. ' +
          'Give each configuration its own cookie-name.',
      );
    } else if (parsed[0]?.problem) {
      this.warnOnce(
        `The stored choice in cookie "${name}" ${parsed[0].problem}; it is ignored and the banner is shown.`,
      );
    }
    // The newest answer is the visitor's current will, whichever path it was stored on.
    let newest: ConsentRecord | null = null;
    for (const { record } of parsed) {
      if (record && (!newest || Date.parse(record.ts) > Date.parse(newest.ts))) newest = record;
    }
    return newest;
  }

  /** Stores a record; returns false when only memory could hold it. */
  write(record: ConsentRecord): boolean {
    const { name, domain, path, expiresDays } = this.options;
    const value = serializeConsent(record);
    const memory = this.memory;
    memory.record = record;
    memory.heard = false;
    try {
      // Stale copies on other paths or domains would be read first by the browser and servers.
      if (rawCookieValues(name).length > 1) this.removeEverywhere();
      jar.set(name, value, {
        expires: expiresDays,
        path,
        domain: domain || undefined,
        sameSite: 'Lax',
        secure: location.protocol === 'https:',
      });
      if (rawCookieValues(name).includes(encodeURIComponent(value))) {
        memory.only = false;
        return true;
      }
    } catch {
      // document.cookie can throw (sandboxed frames); memory keeps the choice below
    }
    if (!memory.only) {
      warn(
        pathMatches(path, location.pathname)
          ? `The browser did not store the consent cookie "${name}" (cookies blocked, a cross-site frame, or a cookie-domain ` +
              'or name prefix it refuses); the choice holds only until the page is left.'
          : `cookie-path="${path}" does not contain this page (${location.pathname}): the consent cookie is stored where this page ` +
              'cannot read it, so here the choice holds only until the page is left. Use a cookie-path that contains every page with the banner.',
      );
    }
    memory.only = true;
    return false;
  }

  /**
   * The choice after another tab decided (`payload`: its record, or null for a reset) or at a
   * re-check (`undefined`). A valid record from another tab is authoritative: its cookie write
   * may not be visible yet to this tab's process, or cookies may be blocked here. It is kept
   * until this tab's own cookie shows a choice, so that a re-check finding no cookie does not
   * undo it (a reset arrives as its own message).
   */
  readShared(payload: string | null | undefined): ConsentRecord | null {
    const memory = this.memory;
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
    if (stored || memory.only || !memory.heard) return stored;
    return this.revalidate(memory.record);
  }

  /** Forgets the choice (cookie, memory, and copies stored on other paths or domains). */
  clear(): void {
    const { name, domain, path } = this.options;
    // Whether cookies work is a fact about the page and stays known; only the answer goes.
    this.memory.record = null;
    this.memory.heard = false;
    try {
      jar.remove(name, { path, domain: domain || undefined });
      if (rawCookieValues(name).length) this.removeEverywhere();
    } catch {
      // nothing stored, nothing to remove
    }
  }

  /** The memory's record, if it still answers the question this store asks. */
  private revalidate(record: ConsentRecord | null): ConsentRecord | null {
    if (!record) return null;
    return parseConsent(encodeURIComponent(serializeConsent(record)), this.options.revision, this.options.categories)
      .record;
  }

  /** Deletes the cookie on this host and each parent domain, at every path above this page. */
  private removeEverywhere(): void {
    const secure = location.protocol === 'https:';
    for (const domain of cookieDomains(location.hostname)) {
      for (const path of cookiePaths(location.pathname)) {
        jar.remove(this.options.name, { path, ...(domain ? { domain } : {}), ...(secure ? { secure } : {}) });
      }
    }
  }

  private warnOnce(message: string): void {
    if (this.warned) return;
    this.warned = true;
    warn(message);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Hears about choices made in other tabs of the same site: a BroadcastChannel message where
 * the browser has one, and a re-read of the cookie whenever the tab becomes visible or focused
 * (which also covers browsers without BroadcastChannel, and changes made by a server).
 */
export class ConsentSync {
  private channel: BroadcastChannel | null = null;
  private readonly recheck = (): void => {
    if (document.visibilityState !== 'hidden') this.onChange(undefined);
  };

  /** `onChange` gets the other tab's serialized record (or null for a reset), or undefined on a re-check. */
  constructor(
    private readonly key: string,
    private readonly onChange: (payload: string | null | undefined) => void,
  ) {}

  start(): void {
    if (typeof BroadcastChannel === 'function') {
      try {
        this.channel = new BroadcastChannel(`ma-cookie-consent:${this.key}`);
        this.channel.onmessage = (event: MessageEvent) => {
          const data: unknown = event.data;
          this.onChange(typeof data === 'string' || data === null ? data : undefined);
        };
      } catch {
        this.channel = null;
      }
    }
    document.addEventListener('visibilitychange', this.recheck);
    window.addEventListener('focus', this.recheck);
  }

  announce(serialized: string | null): void {
    try {
      this.channel?.postMessage(serialized);
    } catch {
      // a closed channel only loses the fast path; the re-check still works
    }
  }

  stop(): void {
    this.channel?.close();
    this.channel = null;
    document.removeEventListener('visibilitychange', this.recheck);
    window.removeEventListener('focus', this.recheck);
  }
}

/**
 * The stored choice: reading, validating and writing the consent cookie (CONTRACT §4), and
 * hearing about choices made in other tabs. Knows nothing about Lit or the page's markup.
 */
import Cookies from 'js-cookie';
import { warn } from './log.js';

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
 * Reads and writes one site's consent cookie. When the browser refuses cookies, the choice is
 * kept in memory so that it holds for the life of the page.
 */
export class ConsentStore {
  private memory: ConsentRecord | null = null;
  private memoryOnly = false;
  private warned = false;

  constructor(private options: StoreOptions) {}

  /** The valid stored choice, or null when there is none (warning once about a bad one). */
  read(): ConsentRecord | null {
    if (this.memoryOnly) return this.memory;
    const { name, revision, categories } = this.options;
    const values = rawCookieValues(name);
    if (values.length > 1) {
      this.warnOnce(
        `${values.length} cookies named "${name}" exist (different paths or domains); only the first is read.`,
      );
    }
    const { record, problem } = parseConsent(values[0], revision, categories);
    if (problem) this.warnOnce(`The stored choice in cookie "${name}" ${problem}; it is ignored and the banner is shown.`);
    return record;
  }

  /** Stores a record; returns false when only memory could hold it. */
  write(record: ConsentRecord): boolean {
    const { name, domain, path, expiresDays } = this.options;
    const value = serializeConsent(record);
    this.memory = record;
    try {
      jar.set(name, value, {
        expires: expiresDays,
        path,
        domain: domain || undefined,
        sameSite: 'Lax',
        secure: location.protocol === 'https:',
      });
      if (rawCookieValues(name)[0] === encodeURIComponent(value)) {
        this.memoryOnly = false;
        return true;
      }
    } catch {
      // document.cookie can throw (sandboxed frames); memory keeps the choice below
    }
    if (!this.memoryOnly) {
      warn('The browser did not store the consent cookie; the choice holds only until the page is left.');
    }
    this.memoryOnly = true;
    return false;
  }

  /**
   * The choice after another tab decided: the cookie when the browser keeps cookies, else the
   * record the other tab sent (both tabs then live on memory alone).
   */
  readShared(payload: string | null | undefined): ConsentRecord | null {
    if (!this.memoryOnly) return this.read();
    if (payload === undefined) return this.memory;
    if (payload === null) return (this.memory = null);
    const { record } = parseConsent(encodeURIComponent(payload), this.options.revision, this.options.categories);
    return (this.memory = record);
  }

  /** Forgets the choice (cookie and memory). */
  clear(): void {
    const { name, domain, path } = this.options;
    this.memory = null;
    this.memoryOnly = false;
    try {
      jar.remove(name, { path, domain: domain || undefined });
    } catch {
      // nothing stored, nothing to remove
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

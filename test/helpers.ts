/** Shared test helpers: a clean cookie jar and captured warnings. */
import { resetWarnings } from '../src/warn.js';
import { expect } from '@open-wc/testing';

export function clearCookies(): void {
  for (const pair of document.cookie.split('; ')) {
    const name = pair.split('=')[0];
    if (!name) continue;
    for (const path of ['/', location.pathname, '/test', '/test/']) {
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}`;
    }
  }
}

export function rawCookie(name: string): string | undefined {
  const pair = document.cookie.split('; ').find((p) => p.startsWith(`${name}=`));
  return pair?.slice(name.length + 1);
}

/** The stored consent as a server would read it: decodeURIComponent, then JSON.parse. */
export function storedConsent(name = 'ma_cookie_consent'): Record<string, unknown> | undefined {
  const raw = rawCookie(name);
  return raw === undefined ? undefined : JSON.parse(decodeURIComponent(raw));
}

export function writeRawCookie(name: string, value: string): void {
  document.cookie = `${name}=${value}; path=/`;
}

export function validRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 1,
    rev: '1',
    ts: '2026-11-26T17:00:00.000Z',
    id: '3b8f0c2e-1d2a-4c5b-9e7f-0123456789ab',
    categories: { analytics: true },
    ...overrides,
  };
}

/** Captures console.warn calls until restored. */
export function captureWarnings(): { messages: string[]; restore(): void } {
  // Warnings of one code are capped per task (src/warn.ts): each capture starts afresh.
  resetWarnings();
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
export const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function until(check: () => boolean, timeout = 4000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await wait(20);
  }
}

/** Asserts that a node is absent; one that is there is reported by its markup. */
export function expectAbsent(node: Element | null | undefined, what = 'the node'): void {
  expect(node ? node.outerHTML.slice(0, 300) : null, `${what} should be absent`).to.equal(null);
}
